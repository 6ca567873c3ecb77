using CostCalc.Domain.Estimation;
using CostCalc.Domain.Scenarios;
using CostCalc.Domain.Tests.TestSupport;

namespace CostCalc.Domain.Tests.Estimation;

/// <summary>The cost bridge: from the verdict's cheapest path to each other path, bars that add up to the horizon difference.</summary>
public class CostBridgeTests
{
    /// <summary>EC2 and EKS at 1,000,000 connections for one month without growth, the hand-worked bridge below.</summary>
    private static readonly Scenario OneMillionForOneMonth = Scenario.Default with
    {
        PeakConnections = 1_000_000,
        GrowthPercentPerMonth = 0,
        HorizonMonths = 1,
        HiddenPaths = Fixture.OnlyEc2AndEks,
    };

    /// <summary>
    /// EC2 against EKS on m6i.large at 1,000,000 connections for one month without growth (fixture prices, model.md §2, §5).
    /// <para>
    /// CPU per connection-second: 0.2 msg/s × (50 µs + 0.2 × 70 µs) = 12.8 µs, plus set-ups 20/s ÷ 1,000,000 × 200 µs
    /// = 0.004 µs: 12.804 µs. At 70 % a core holds 700,000 ÷ 12.804 connections.
    /// EC2: 2 vCPU − 250m host agents = 1.75 cores → ⌊1,225,000 ÷ 12.804⌋ = 95,673 a VM; ⌈1,000,000 ÷ 95,673⌉ = 11 + 1
    /// spare = 12 instances. (Memory, (7,577 − 300 − 250) MiB × 0.7 − 100 MiB → 176,236, does not bind.)
    /// EKS: allocatable 2,000m − kube-reserved 70m (6 % of the first core + 1 % of the second) = 1,930m, less the
    /// DaemonSets' 250m + 180m = 1.5 cores → ⌊1,050,000 ÷ 12.804⌋ = 82,005 a pod; ⌈12.19⌉ = 13 + 1 = 14 nodes.
    /// </para>
    /// <para>
    /// Without kube-reserved: 1.57 cores → ⌊1,099,000 ÷ 12.804⌋ = 85,832; ⌈11.65⌉ = 12 + 1 = 13 nodes: one node less,
    /// 1 × $0.096 × 730 h = $70.08. The eviction threshold is memory, which does not bind: $0. Without the DaemonSets'
    /// 180m: 1.75 cores as on EC2 → 12 nodes: $70.08 more. The add-on pod beside each BEAM pod is memory too: $0.
    /// Then 12 nodes against 12 instances at the same price: no machine bar.
    /// Other kinds: control plane 1 × $0.10 × 730 = $73; EBS (14 − 12) × 20 GiB × $0.08 = $3.20. The load balancer,
    /// cross-AZ (both on 3 zones or more) and internet egress carry the same traffic: no bar.
    /// Total 70.08 + 70.08 + 73 + 3.20 = $216.36.
    /// </para>
    /// </summary>
    [Fact]
    public void Bridge_Ec2ToEks_HandWorkedAtOneMillionConnections()
    {
        var scenario = OneMillionForOneMonth;

        var estimate = Fixture.Estimate(scenario);
        var bridge = Assert.Single(estimate.Bridges);

        Assert.Equal((PathIds.Ec2, PathIds.Eks), (bridge.ReferencePath, bridge.Path));
        Assert.Equal(12, estimate[PathIds.Ec2].Machines);
        Assert.Equal(14, estimate[PathIds.Eks].Machines);
        Assert.Equal(
            [("Kubelet reservation", 70.08m), ("Kubernetes DaemonSets", 70.08m), ("Control plane", 73m), ("EBS storage", 3.20m)],
            bridge.Bars.Select(b => (b.Name, Math.Round(b.Usd, 6))));
        Assert.Equal(216.36m, Math.Round(bridge.DifferenceUsd, 6));
        Assert.Contains("Kube-reserved 574 MiB and 70m CPU", bridge.Bars[0].HowComputed, StringComparison.Ordinal);
        Assert.Contains("1 cluster × $0.10/h", bridge.Bars[2].HowComputed, StringComparison.Ordinal);
    }

    /// <summary>
    /// The same one-million-connection month with the user's fixed cost of $500 a month on EKS (a support contract):
    /// the fixed cost is a bar of its own, $500, and EKS's compute is still explained by the same reasons — kubelet
    /// reservation $70.08, DaemonSets $70.08 — not lumped into one compute bar. Total 216.36 + 500 = $716.36.
    /// </summary>
    [Fact]
    public void Bridge_FixedCostOnEks_KeepsTheComputeReasonsAndAddsItsOwnBar()
    {
        var scenario = OneMillionForOneMonth with
        {
            FixedCosts = ItemList.Of(new FixedCost("Support contract", PathIds.Eks, UsdPerMonth: 500m)),
        };

        var bridge = Assert.Single(Fixture.Estimate(scenario).Bridges);

        Assert.Equal(
            [("Kubelet reservation", 70.08m), ("Kubernetes DaemonSets", 70.08m), ("Control plane", 73m), ("EBS storage", 3.20m), ("Your fixed costs", 500m)],
            bridge.Bars.Select(b => (b.Name, Math.Round(b.Usd, 6))));
        Assert.Equal(716.36m, Math.Round(bridge.DifferenceUsd, 6));
    }

    /// <summary>
    /// The default scenario over 36 months: EKS pays 1 cluster × $0.10/h × 730 h = $73 a month for its control plane,
    /// 36 × $73 = $2,628; EC2 is the cheapest, and every bar of each bridge adds up to the verdict's difference.
    /// </summary>
    [Fact]
    public void Bridge_DefaultScenario_ControlPlaneIs36MonthsOf73AndBarsAddUp()
    {
        var estimate = Fixture.Estimate(Fixture.ThreePathDefault);

        Assert.Equal(PathIds.Ec2, estimate.Verdict.CheapestPath);
        Assert.Equal([PathIds.Eks, PathIds.EksFargate], estimate.Bridges.Select(b => b.Path));
        var eks = estimate.Bridges.Single(b => b.Path == PathIds.Eks);
        Assert.Equal(2_628m, eks.Bars.Single(b => b.Name == "Control plane").Usd);
        Assert.Equal(36, eks.Months);
        Assert.Equal(estimate.Comparison(PathIds.Eks).HorizonDifferenceUsd, eks.Bars.Sum(b => b.Usd));
        Assert.DoesNotContain(eks.Bars, b => b.Name is "Load balancer" or "Internet egress" or CostBridge.OtherName);
        Assert.True(eks.Bars.Single(b => b.Name == "Kubernetes DaemonSets").Usd > 0);
    }

    /// <summary>
    /// EKS on Fargate at the defaults: a 1,000m / 3,072 MiB pod + 256 MiB = 1 vCPU / 3.25 GB is billed as 1 vCPU / 4 GB.
    /// One month without growth, 3 pods × 730 h = 2,190 pod-hours: rounding (4 − 3.25) GB × $0.004445 × 2,190 = $7.3009…,
    /// the 256 MiB 0.25 GB × $0.004445 × 2,190 = $2.4336…
    /// </summary>
    [Fact]
    public void Bridge_Fargate_ShapeRoundingAnd256MiBArePriceBars()
    {
        var scenario = Scenario.Default with { GrowthPercentPerMonth = 0, HorizonMonths = 1, HiddenPaths = Fixture.OnlyEc2AndFargate };

        var bridge = Assert.Single(Fixture.Estimate(scenario).Bridges);

        Assert.Equal(0.75m * 0.004445m * 2_190m, bridge.Bars.Single(b => b.Name == "Fargate shape rounding").Usd);
        Assert.Equal(0.25m * 0.004445m * 2_190m, bridge.Bars.Single(b => b.Name == "Fargate's 256 MiB").Usd);
        Assert.Equal(bridge.DifferenceUsd, bridge.Bars.Sum(b => b.Usd));
    }

    /// <summary>When EKS on spot nodes is cheapest, EC2's own reason (its OS memory) is a bar of the reference's, negative on the path's side.</summary>
    [Fact]
    public void Bridge_ReferenceReasons_NarrowTheDifference()
    {
        var scenario = Scenario.Default with
        {
            PeakConnections = 2_000_000,
            MessagesPerConnectionPerSecond = 0,
            ConnectionSetupCpuMicroseconds = 0,
            MemoryPerConnectionKiB = 40,
            OsMemoryMiB = 900,
            EksPurchaseOption = Domain.Prices.PurchaseOption.Spot,
            GrowthPercentPerMonth = 0,
            HorizonMonths = 1,
            HiddenPaths = Fixture.OnlyEc2AndEks,
        };

        var estimate = Fixture.Estimate(scenario);
        var bridge = Assert.Single(estimate.Bridges);

        Assert.Equal((PathIds.Eks, PathIds.Ec2), (bridge.ReferencePath, bridge.Path));
        Assert.True(bridge.Bars.Single(b => b.Name == "OS memory").Usd > 0);
        Assert.True(bridge.Bars.Single(b => b.Name == "Kubelet reservation (EKS)").Usd < 0);
        Assert.True(bridge.Bars.Single(b => b.Name == "Machine price (purchase option)").Usd > 0);
        Assert.Equal(bridge.DifferenceUsd, bridge.Bars.Sum(b => b.Usd));
    }

    /// <summary>
    /// Whatever the inputs, half of them at the user's prices, the bars add up to the verdict's horizon difference,
    /// to the cent and in fact exactly.
    /// </summary>
    [Theory]
    [MemberData(nameof(PropertyCases.Seeds), MemberType = typeof(PropertyCases))]
    public void Bridge_BarsSumToTheVerdictsDifference(int seed)
    {
        var random = new Random(seed);
        var drawn = RandomScenarios.Any(random) with { HorizonMonths = random.Next(1, 37) };
        var scenario = random.Next(2) == 0 ? drawn : RandomScenarios.YourPrices(drawn, random);

        var estimate = Fixture.Estimate(scenario);

        var costed = estimate.Verdict.Comparisons.Where(c => c.HorizonUsd is not null).ToList();
        var reference = estimate.Verdict.Reference;
        Assert.Equal(costed.Count >= 2 ? costed.Count - 1 : 0, estimate.Bridges.Count);
        foreach (var bridge in estimate.Bridges)
        {
            var comparison = estimate.Comparison(bridge.Path);
            Assert.Equal(reference!.Path, bridge.ReferencePath);
            Assert.Equal(comparison.HorizonDifferenceUsd, bridge.DifferenceUsd);
            Assert.True(Math.Abs(bridge.Bars.Sum(b => b.Usd) - bridge.DifferenceUsd) < 0.01m, $"{bridge.Path}: bars {bridge.Bars.Sum(b => b.Usd)} vs {bridge.DifferenceUsd}");
            Assert.Equal(bridge.DifferenceUsd, bridge.Bars.Sum(b => b.Usd));
            Assert.All(bridge.Bars, b => Assert.False(string.IsNullOrWhiteSpace(b.HowComputed)));
            Assert.Equal(bridge.Bars.Count, bridge.Bars.Select(b => b.Name).Distinct().Count());
        }
    }

    /// <summary>Two paths with the same traffic pay the same load balancer and internet egress: no bar for either.</summary>
    [Theory]
    [MemberData(nameof(PropertyCases.Seeds), MemberType = typeof(PropertyCases))]
    public void Bridge_SameTrafficKinds_HaveNoBar(int seed)
    {
        var random = new Random(seed);
        var scenario = RandomScenarios.Any(random) with { PeakHoursPerDay = 24 };

        foreach (var bridge in Fixture.Estimate(scenario).Bridges)
        {
            Assert.DoesNotContain(bridge.Bars, b => b.Name is "Load balancer" or "Internet egress");
        }
    }
}
