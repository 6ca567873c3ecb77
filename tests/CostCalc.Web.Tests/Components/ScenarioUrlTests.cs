using CostCalc.Domain.Prices;
using CostCalc.Domain.Scenarios;
using CostCalc.Web.Components.Calculator;
using CostCalc.Web.Tests.TestSupport;
using Microsoft.AspNetCore.WebUtilities;

namespace CostCalc.Web.Tests.Components;

public sealed class ScenarioUrlTests : MudBunitContext
{
    [Fact]
    public void Encode_Defaults_IsEmpty() => Assert.Equal("", ScenarioUrl.Encode(Scenario.Default));

    [Fact]
    public void Encode_OneChange_OnlyThatFieldAndVersion() =>
        Assert.Equal("v=1&peakConnections=5000", ScenarioUrl.Encode(Scenario.Default with { PeakConnections = 5000 }));

    [Fact]
    public void RoundTrip_EveryFieldChanged_RestoresTheSameScenario()
    {
        var scenario = ScenarioFields.All.Aggregate(Scenario.Default, (s, f) => f.Write(s, f.WholeNumber ? Math.Max(f.Min, 1) + 1 : f.Min + 0.5))
            with
            {
                Region = "ap-southeast-2",
                Ec2InstanceType = "m7g.large",
                EksNodeInstanceType = "c6i.2xlarge",
                Ec2PurchaseOption = PurchaseOption.Spot,
                PodLayout = PodLayout.FixedPodSize,
                MaxPodsMode = MaxPodsMode.PrefixDelegation,
                SupportTier = SupportTier.Extended,
                LoadBalancer = LoadBalancer.None,
                BurstableUnlimited = true,
                AutoMode = true,
                Ec2DeployMethod = Ec2DeployMethod.RollingRestart,
                PodCpuLimitMillicores = 0,
            };
        var query = QueryHelpers.ParseQuery(ScenarioUrl.Encode(scenario)).ToDictionary(kv => kv.Key, kv => kv.Value.ToString());

        var (decoded, error) = ScenarioUrl.Decode(query, Estimator.Prices, Estimator.Catalog);

        Assert.Null(error);
        Assert.Equal(scenario, decoded);
    }
}
