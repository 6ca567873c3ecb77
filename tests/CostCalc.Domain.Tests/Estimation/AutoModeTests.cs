using CostCalc.Domain.Catalog;
using CostCalc.Domain.Estimation;
using CostCalc.Domain.Prices;
using CostCalc.Domain.Scenarios;
using CostCalc.Domain.Tests.TestSupport;

namespace CostCalc.Domain.Tests.Estimation;

/// <summary>
/// EKS Auto Mode as AWS runs it (model.md §1.2, §2.5): Kubernetes' node components are not pods, cluster
/// DNS is not a pod, metrics-server is; the fee per type from the price list, else the share of on-demand.
/// </summary>
public sealed class AutoModeTests
{
    private static readonly Scenario AutoMode = Scenario.Default with { AutoMode = true };

    [Fact]
    public void Estimate_DefaultWithAutoMode_NodeRoomHasNoNodeDaemonSetsAndOnlyMetricsServer()
    {
        // m6i.large (model.md §2.4): allocatable 1,930m / 6,903 MiB, max pods min(110, 29) = 29, the same
        // kube-reserved 11 × 29 + 255 = 574 MiB as without Auto Mode.
        // Auto Mode: no aws-node / kube-proxy / ebs-csi-node pods, so free = 1,930 − 250 = 1,680m,
        // 6,903 − 250 = 6,653 MiB, 29 − 2 = 27 slots. The only add-on pod is metrics-server (1 × 100m / 200 MiB);
        // with 2 + 1 = 3 nodes each keeps room for ⌈1 ÷ 3⌉ = 1 of it, so the BEAM pod gets 6,653 − 200 = 6,453 MiB
        // and, without a CPU limit, all 1,680m.
        var eks = Fixture.Estimate(AutoMode)[PathIds.Eks];

        Assert.Equal(6_453, eks.VmMemoryMiB);
        Assert.Equal(1.68, eks.VmCpuCores, 9);
        Assert.Equal(0, Slice(eks.Memory, "Kubernetes DaemonSets"));
        Assert.Equal(0, Slice(eks.Cpu, "Kubernetes DaemonSets"));
        Assert.Equal(200, Slice(eks.Memory, "Cluster add-ons"));
        Assert.Equal(250, Slice(eks.Memory, "Host agents"));
    }

    [Fact]
    public void Estimate_DefaultWithAutoMode_ConnectionsNodesAndFeeByHand()
    {
        // by memory ⌊(6,453 × 0.7 − 100) × 1024 ÷ 28⌋ = ⌊4,417.1 × 1024 ÷ 28⌋ = ⌊161,539.66⌋ = 161,539;
        // by CPU ⌊1.68 × 10⁶ × 0.7 ÷ (0.2 × (50 + 0.2 × 70) + 20 ÷ 100,000 × 200)⌋ = ⌊1,176,000 ÷ 12.84⌋ = ⌊91,588.8⌋
        // = 91,588 (CPU-bound). 100,000 connections → max(2, ⌈100,000 ÷ 91,588⌉ = 2) + 1 spare = 3 nodes.
        // Fee (no per-type rate in the fixture): 3 × 0.12 × $0.096 × 730 = 3 × $0.01152 × 730 = $25.2288.
        var eks = Fixture.Estimate(AutoMode)[PathIds.Eks];

        Assert.Equal(161_539, eks.MemoryBoundConnectionsPerVm);
        Assert.Equal(91_588, eks.CpuBoundConnectionsPerVm);
        Assert.Equal(3, eks.Machines);
        Assert.Equal(0, eks.SystemNodes);
        var fee = eks.Line(CostKind.AutoModeFee);
        Assert.Equal(25.2288m, fee.MonthlyUsd);
        Assert.Equal(Sources.AutoMode, fee.Source);
        Assert.Contains("12 % of on-demand $0.096/h = $0.01152/h", fee.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Estimate_FixedPodsWithAutoMode_FitMorePodsPerNode()
    {
        // 400m / 1,024 MiB pods on m6i.large. Without Auto Mode: free 1,500m / 6,549 MiB / 24 slots →
        // min(24, ⌊1,500 ÷ 400⌋ = 3, ⌊6,549 ÷ 1,024⌋ = 6) = 3. With Auto Mode: 1,680m / 6,653 MiB / 27 slots →
        // min(27, ⌊1,680 ÷ 400⌋ = 4, ⌊6,653 ÷ 1,024⌋ = 6) = 4.
        var pods = Scenario.Default with { PodLayout = PodLayout.FixedPodSize, PodCpuRequestMillicores = 400, PodCpuLimitMillicores = 0, PodMemoryMiB = 1_024 };

        Assert.Equal(3, Fixture.Estimate(pods)[PathIds.Eks].VmsPerMachine);
        Assert.Equal(4, Fixture.Estimate(pods with { AutoMode = true })[PathIds.Eks].VmsPerMachine);
    }

    [Fact]
    public void Estimate_AutoMode_IgnoresNodeComponentAndClusterAddOnInputs()
    {
        // The node DaemonSets are AWS's processes and CoreDNS is part of Auto Mode: those inputs change nothing.
        var changed = AutoMode with
        {
            NodeComponentCpuMillicores = 900, NodeComponentMemoryMiB = 2_000, NodeComponentPods = 20,
            ClusterAddOnCpuMillicores = 3_000, ClusterAddOnMemoryMiB = 3_000,
        };

        var before = Fixture.Estimate(AutoMode)[PathIds.Eks];
        var after = Fixture.Estimate(changed)[PathIds.Eks];

        Assert.Equal(before.VmMemoryMiB, after.VmMemoryMiB);
        Assert.Equal(before.VmCpuCores, after.VmCpuCores);
        Assert.Equal(before.MonthlyUsd, after.MonthlyUsd);
    }

    [Fact]
    public void Estimate_AutoMode_ShowsTheKubeletReserveAsAnAssumption()
    {
        // m6i.large: kube-reserved CPU 70m (model.md §2.1), max pods min(110, 29) = 29.
        var warning = Assert.Single(Fixture.Estimate(AutoMode).Warnings, w => w.Code == "auto-mode-reserve-assumed");

        Assert.Contains("70m CPU", warning.Message, StringComparison.Ordinal);
        Assert.Contains("max pods (29)", warning.Message, StringComparison.Ordinal);
        Assert.Contains("assumed", warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Fixture.Estimate(Scenario.Default).Warnings, w => w.Code == "auto-mode-reserve-assumed");
    }

    [Fact]
    public void Rank_AutoMode_LeavesOutTypesAutoModeDoesNotLaunch()
    {
        // c7g.medium has 1 vCPU and t3.micro is a micro size: Auto Mode launches neither (model.md §1.2),
        // so the EKS ranking with Auto Mode drops them; without Auto Mode c7g.medium still ranks (t3.micro's 4 max pods
        // leave no slot beside the DaemonSets and an add-on, so it is out either way).
        var small = new Catalog.InstanceCatalog(
            [.. Fixture.AllTypes,
                Fixture.Type("c7g.medium", 1, 2048, Catalog.CpuArchitecture.Arm64, true, true, null, 2, 4, 8),
                Fixture.Type("t3.micro", 2, 1024, Catalog.CpuArchitecture.X64, true, true, 0.10, 2, 2, 4)],
            Fixture.Catalog.Origin);
        var usEast1 = Fixture.Prices.Find(Fixture.Region)!;
        var prices = new PriceBook("test-small", "hand-built test fixture", Fixture.InstancePricesAsOf,
        [
            new RegionPrices(usEast1.Region,
                new Dictionary<string, InstancePrice>(Fixture.UsEast1InstancePrices)
                {
                    ["c7g.medium"] = new(0.0363m, null, null, null, null, 64),
                    ["t3.micro"] = new(0.0104m, null, null, null, null, 69),
                },
                Fixture.Gp3, Fixture.Services, Fixture.UsEast1Origins),
        ]);
        var scenario = Scenario.Default with { PeakConnections = 1_000, MemoryPerConnectionKiB = 1, BeamBaseMemoryMiB = 10, HostAgentCpuMillicores = 0, HostAgentMemoryMiB = 0, HostAgentPods = 0 };
        var estimator = new Estimator(small, prices);

        var manual = estimator.Rank(scenario).Paths.Single(p => p.Path == PathIds.Eks).Rows.Select(r => r.InstanceType).ToList();
        var auto = estimator.Rank(scenario with { AutoMode = true }).Paths.Single(p => p.Path == PathIds.Eks).Rows.Select(r => r.InstanceType).ToList();

        Assert.Contains("c7g.medium", manual);
        Assert.DoesNotContain("t3.micro", auto);
        Assert.DoesNotContain("c7g.medium", auto);
        Assert.Contains("m6i.large", auto);
    }

    [Fact]
    public void Estimate_ListedPerTypeFee_OverridesTheShare()
    {
        // A test snapshot lists m6i.large at $0.0123 per hour (a test value, not a real price):
        // 3 nodes × $0.0123 × 730 = $26.937, instead of the share's $25.2288.
        var estimator = new Estimator(Fixture.Catalog, BookWithFee("m6i.large", 0.0123m));

        var fee = estimator.Estimate(AutoMode, Fixture.Today)[PathIds.Eks].Line(CostKind.AutoModeFee);

        Assert.Equal(26.937m, fee.MonthlyUsd);
        Assert.Equal(Sources.AutoModeFeeList, fee.Source);
        Assert.Contains("$0.0123/h (AmazonEKS price list, 2026-07-07)", fee.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Estimate_ListedFeeOfAnotherType_LeavesTheShare()
    {
        // Only m5.large is listed: m6i.large nodes still pay 0.12 × $0.096 = $0.01152/h → 3 × 0.01152 × 730 = $25.2288.
        var estimator = new Estimator(Fixture.Catalog, BookWithFee("m5.large", 0.05m));

        var fee = estimator.Estimate(AutoMode, Fixture.Today)[PathIds.Eks].Line(CostKind.AutoModeFee);

        Assert.Equal(25.2288m, fee.MonthlyUsd);
        Assert.Equal(Sources.AutoMode, fee.Source);
    }

    [Theory]
    [MemberData(nameof(PropertyCases.Seeds), MemberType = typeof(PropertyCases))]
    public void Estimate_AutoModeFee_NeverDependsOnThePurchaseOption(int seed)
    {
        // The fee is an AmazonEKS charge: Savings Plans, reservations and Spot discount EC2, not the fee.
        var scenario = RandomScenarios.Any(new Random(seed)) with { AutoMode = true, AddOnPlacement = AddOnPlacement.BeamNodes, HiddenPaths = PathList.Empty };
        var onDemand = Fixture.Estimate(scenario with { EksPurchaseOption = PurchaseOption.OnDemand })[PathIds.Eks];
        var book = BookWithFee("c5.xlarge", 0.0204m);

        foreach (var option in Enum.GetValues<PurchaseOption>())
        {
            var eks = Fixture.Estimate(scenario with { EksPurchaseOption = option })[PathIds.Eks];
            Assert.Equal(onDemand.Machines, eks.Machines);
            Assert.Equal(onDemand.HasLine(CostKind.AutoModeFee), eks.HasLine(CostKind.AutoModeFee));
            if (eks.HasLine(CostKind.AutoModeFee))
            {
                Assert.Equal(onDemand.Line(CostKind.AutoModeFee).MonthlyUsd, eks.Line(CostKind.AutoModeFee).MonthlyUsd);
            }

            var listed = new Estimator(Fixture.Catalog, book);
            var a = listed.Estimate(scenario with { EksPurchaseOption = option }, Fixture.Today)[PathIds.Eks];
            var b = listed.Estimate(scenario with { EksPurchaseOption = PurchaseOption.OnDemand }, Fixture.Today)[PathIds.Eks];
            Assert.Equal(b.HasLine(CostKind.AutoModeFee) ? b.Line(CostKind.AutoModeFee).MonthlyUsd : 0, a.HasLine(CostKind.AutoModeFee) ? a.Line(CostKind.AutoModeFee).MonthlyUsd : 0);
        }
    }

    [Theory]
    [MemberData(nameof(PropertyCases.Seeds), MemberType = typeof(PropertyCases))]
    public void Estimate_AutoMode_FeeIsShareOfOnDemandPerNode(int seed)
    {
        // Without listed rates: fee = (BEAM nodes × on-demand + extra nodes × on-demand) × 0.12 × 730, all on one type here.
        var scenario = RandomScenarios.Any(new Random(seed)) with { AutoMode = true, AddOnPlacement = AddOnPlacement.BeamNodes, HiddenPaths = PathList.Empty };

        var eks = Fixture.Estimate(scenario)[PathIds.Eks];

        if (eks.Feasible)
        {
            var onDemand = Fixture.UsEast1InstancePrices[scenario.EksNodeInstanceType].OnDemandUsdPerHour;
            Assert.Equal(eks.Machines * onDemand * 0.12m * 730, eks.Line(CostKind.AutoModeFee).MonthlyUsd);
        }
    }

    [Fact]
    public void RegionPrices_FeeRate_IsListedElseShareOfOnDemand()
    {
        var region = BookWithFee("m6i.large", 0.0123m).Find(Fixture.Region)!;

        var listed = region.AutoModeFeeUsdPerHour("m6i.large");
        var share = region.AutoModeFeeUsdPerHour("c5.xlarge");

        Assert.Equal(0.0123m, listed.UsdPerHour);
        Assert.NotNull(listed.Listed);
        // c5.xlarge: 0.12 × $0.17 = $0.0204/h.
        Assert.Equal(0.0204m, share.UsdPerHour);
        Assert.Null(share.Listed);
        Assert.Equal(["m6i.large"], region.AutoModeFeeTypes);
    }

    /// <summary>The fixture's price book with one listed Auto Mode fee in us-east-1.</summary>
    internal static PriceBook BookWithFee(string type, decimal usdPerHour)
    {
        var origin = new DataOrigin("EKS control plane, extended support, Fargate and Auto Mode", "test AmazonEKS offer", Fixture.ServicePricesAsOf);
        var usEast1 = Fixture.Prices.Find(Fixture.Region)!;
        return new PriceBook("test-snapshot-fees", "hand-built test fixture", Fixture.InstancePricesAsOf,
        [
            new RegionPrices(usEast1.Region, Fixture.UsEast1InstancePrices, Fixture.Gp3, Fixture.Services, Fixture.UsEast1Origins,
                new Dictionary<string, AutoModeFee> { [type] = new(usdPerHour, origin) }),
            .. Fixture.Prices.Regions.Where(r => r.Region.Code != Fixture.Region),
        ]);
    }

    private static double Slice(ResourceSplit split, string name) => split.Slices.Single(s => s.Name == name).Amount;
}
