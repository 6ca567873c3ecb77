using CostCalc.Domain.Prices;
using CostCalc.Domain.Scenarios;
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
                HiddenPaths = PathList.Of([PathIds.Eks]),
            };
        var query = QueryHelpers.ParseQuery(ScenarioUrl.Encode(scenario)).ToDictionary(kv => kv.Key, kv => kv.Value.ToString());

        var (decoded, error) = ScenarioUrl.Decode(query, Estimator.Prices, Estimator.Catalog);

        Assert.Null(error);
        Assert.Equal(scenario, decoded);
    }

    [Fact]
    public void Encode_HiddenPaths_ListsTheirIds()
    {
        var query = ScenarioUrl.Encode(Scenario.Default with { HiddenPaths = PathList.Of([PathIds.EksFargate, PathIds.Eks]) });

        Assert.Equal("v=1&hiddenPaths=" + Uri.EscapeDataString("eks,eks-fargate"), query);
        var (decoded, error) = Decode(query);
        Assert.Null(error);
        Assert.Equal(PathList.Of([PathIds.Eks, PathIds.EksFargate]), decoded.HiddenPaths);
    }

    [Fact]
    public void Decode_LegacyFargateSwitch_HidesEksNodesWithANote()
    {
        var (decoded, error) = Decode("v=1&fargate=true&peakConnections=5000");

        Assert.Equal(Scenario.Default with { PeakConnections = 5000, HiddenPaths = PathList.Of([PathIds.Eks]) }, decoded);
        Assert.Contains("'fargate' is now the EKS on Fargate path", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_LegacyFargateOff_IsTheDefaultPaths()
    {
        var (decoded, error) = Decode("v=1&fargate=false&peakConnections=5000");

        Assert.Equal(Scenario.Default with { PeakConnections = 5000 }, decoded);
        Assert.Null(error);
    }

    [Fact]
    public void Decode_NumberOutOfRange_FallsBackForThatFieldAlone()
    {
        var (decoded, error) = Decode("v=1&peakConnections=5000&horizonMonths=0&targetUtilisationPercent=500");

        Assert.Equal(Scenario.Default with { PeakConnections = 5000 }, decoded);
        Assert.Contains("opened with changes", error, StringComparison.Ordinal);
        Assert.Contains("'horizonMonths'", error, StringComparison.Ordinal);
        Assert.Contains("'targetUtilisationPercent'", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("v=1&hiddenPaths=nope&peakConnections=5000")]
    [InlineData("v=1&hiddenPaths=ec2,eks,eks-fargate,ecs-ec2,ecs-fargate&peakConnections=5000")]
    public void Decode_HiddenPathsUnusable_ShowsEveryPathAndKeepsTheRest(string query)
    {
        var (decoded, error) = Decode(query);

        Assert.Equal(Scenario.Default with { PeakConnections = 5000 }, decoded);
        Assert.Contains("opened with changes", error, StringComparison.Ordinal);
    }

    private static (Scenario Scenario, string? Error) Decode(string query) =>
        ScenarioUrl.Decode(QueryHelpers.ParseQuery(query).ToDictionary(kv => kv.Key, kv => kv.Value.ToString()), Estimator.Prices, Estimator.Catalog);
}
