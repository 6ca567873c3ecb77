using CostCalc.Domain.Estimation;
using CostCalc.Domain.Scenarios;
using CostCalc.Domain.Tests.TestSupport;

namespace CostCalc.Domain.Tests.Estimation;

/// <summary>
/// The estimator end to end on the fixture. The worked example is the default scenario (100,000
/// connections, m6i.large on both paths), computed by hand from DOMAIN.md:
/// <list type="bullet">
/// <item>EC2 VM memory: 8192 − ceil(8192 × 0.075) − 300 OS = 7,277 MiB; 2 cores.</item>
/// <item>EKS pod: allocatable 1,930 m / 6,903 MiB (DOMAIN §2.4) − DaemonSets 430 m / 354 MiB = 1,500 m / 6,549 MiB.</item>
/// <item>With 3 VMs, remote share = 0.2 × (1 − 1/3); CPU per connection = 0.2 × (50 + 0.1333 × 70) = 11.867 µs/s.</item>
/// <item>EC2: memory-bound ⌊(7277 × 0.7 − 100) × 1024 / 28⌋ = 182,634; CPU-bound ⌊2 × 10⁶ × 0.7 / 11.867⌋ = 117,977.</item>
/// <item>EKS: memory-bound ⌊(6549 × 0.7 − 100) × 1024 / 28⌋ = 163,997; CPU-bound ⌊1.5 × 10⁶ × 0.7 / 11.867⌋ = 88,483.</item>
/// <item>VMs = max(2, ⌈100,000 / per VM⌉) + 1 = 3 on both; EKS adds 1 node for CoreDNS and metrics-server.</item>
/// <item>ALB: LCU = max(20/25, 100,000/3,000, 100,000 × 0.2 × 512 B × 3,600 / 2³⁰ = 34.33 GB/h) = 34.33.</item>
/// <item>Cross-AZ: 100,000 × 0.2 × 0.1333 × 2/3 × 512 B × 730 h × 3,600 / 2³⁰ = 2,227.8 GB, $0.01 each way.</item>
/// </list>
/// </summary>
public partial class EstimatorTests
{
    private const double DefaultRemoteShare = 0.2 * 2 / 3;
    private const double DefaultLcu = 100_000 * 0.2 * 512 * 3600 / (1024d * 1024 * 1024);
    private const double DefaultCrossAzGb = 100_000 * 0.2 * DefaultRemoteShare * 2 / 3 * 512 * 730 * 3600 / (1024d * 1024 * 1024);

    private static readonly decimal DefaultAlbMonthly = (0.0225m + (0.008m * (decimal)DefaultLcu)) * 730;
    private static readonly decimal DefaultCrossAzMonthly = (decimal)DefaultCrossAzGb * 0.01m * 2;

    [Fact]
    public void Estimate_DefaultScenarioEc2_MatchesHandWorkedCapacity()
    {
        var ec2 = Fixture.Estimate(Scenario.Default).Ec2;

        Assert.True(ec2.Feasible);
        Assert.Equal(7_277, ec2.VmMemoryMiB);
        Assert.Equal(2, ec2.VmCpuCores);
        Assert.Equal(182_634, ec2.MemoryBoundConnectionsPerVm);
        Assert.Equal(117_977, ec2.CpuBoundConnectionsPerVm);
        Assert.Equal(117_977, ec2.ConnectionsPerVm);
        Assert.Equal(BindingResource.Cpu, ec2.Binding);
        Assert.Equal(3, ec2.Vms);
        Assert.Equal(3, ec2.Machines);
        Assert.Equal(DefaultRemoteShare, ec2.RemoteMessageShare, 12);
        Assert.Equal(3, ec2.MeshConnections);
    }

    [Fact]
    public void Estimate_DefaultScenarioEks_MatchesHandWorkedCapacity()
    {
        var eks = Fixture.Estimate(Scenario.Default).Eks;

        Assert.True(eks.Feasible);
        Assert.Equal(6_549, eks.VmMemoryMiB);
        Assert.Equal(1.5, eks.VmCpuCores, 12);
        Assert.Equal(163_997, eks.MemoryBoundConnectionsPerVm);
        Assert.Equal(88_483, eks.CpuBoundConnectionsPerVm);
        Assert.Equal(BindingResource.Cpu, eks.Binding);
        Assert.Equal(3, eks.Vms);
        Assert.Equal(1, eks.SystemNodes);
        Assert.Equal(4, eks.Machines);
    }

    [Fact]
    public void Estimate_DefaultScenarioEc2_CostLinesMatchHandWorkedPrices()
    {
        var ec2 = Fixture.Estimate(Scenario.Default).Ec2;

        Assert.Equal(3 * 0.096m * 730, ec2.Line(CostKind.Compute).MonthlyUsd);
        Assert.Equal(3 * 20 * 0.08m, ec2.Line(CostKind.Storage).MonthlyUsd);
        Assert.Equal(DefaultAlbMonthly, ec2.Line(CostKind.LoadBalancer).MonthlyUsd, 6);
        Assert.Equal(DefaultCrossAzMonthly, ec2.Line(CostKind.CrossAzTransfer).MonthlyUsd, 6);
        Assert.False(ec2.HasLine(CostKind.ControlPlane));
        Assert.False(ec2.HasLine(CostKind.Operations));
        var total = (3 * 0.096m * 730) + (3 * 20 * 0.08m) + DefaultAlbMonthly + DefaultCrossAzMonthly;
        Assert.Equal(total, ec2.MonthlyUsd, 6);
    }

    [Fact]
    public void Estimate_DefaultScenarioEks_CostLinesMatchHandWorkedPrices()
    {
        var eks = Fixture.Estimate(Scenario.Default).Eks;

        Assert.Equal(4 * 0.096m * 730, eks.Line(CostKind.Compute).MonthlyUsd);
        Assert.Equal(73.00m, eks.Line(CostKind.ControlPlane).MonthlyUsd);
        Assert.Equal(4 * 20 * 0.08m, eks.Line(CostKind.Storage).MonthlyUsd);
        Assert.Equal(DefaultAlbMonthly, eks.Line(CostKind.LoadBalancer).MonthlyUsd, 6);
        Assert.Equal(DefaultCrossAzMonthly, eks.Line(CostKind.CrossAzTransfer).MonthlyUsd, 6);
        Assert.False(eks.HasLine(CostKind.AutoModeFee));
        Assert.False(eks.HasLine(CostKind.NatGateway));
        var total = (4 * 0.096m * 730) + 73m + (4 * 20 * 0.08m) + DefaultAlbMonthly + DefaultCrossAzMonthly;
        Assert.Equal(total, eks.MonthlyUsd, 6);
    }

    [Fact]
    public void Estimate_DefaultScenario_EksCostsMoreAndEc2IsCheaper()
    {
        var estimate = Fixture.Estimate(Scenario.Default);

        // One more m6i.large, its volume and the control plane: 70.08 + 1.60 + 73.00.
        Assert.Equal(144.68m, estimate.MonthlyDifferenceUsd, 6);
        Assert.Equal(DeploymentPath.Ec2, estimate.CheaperPath);
        Assert.Equal("test-snapshot", estimate.SnapshotId);
        Assert.Equal(Fixture.InstancePricesAsOf, estimate.PricesAsOf);
        Assert.Equal("US East (N. Virginia)", estimate.RegionName);
    }

    [Fact]
    public void Estimate_UsdPer10kConnections_IsMonthlyOverConnectionsTimes10k()
    {
        var ec2 = Fixture.Estimate(Scenario.Default).Ec2;

        Assert.Equal(ec2.MonthlyUsd / 10, ec2.UsdPer10kConnections, 12);
    }

    [Theory]
    [InlineData(1, 0, 1_000)]
    [InlineData(2, 1, 100_000)]
    [InlineData(2, 1, 1_000_000)]
    [InlineData(5, 2, 2_500_000)]
    [InlineData(1, 0, 7_000_000)]
    public void Estimate_Ec2InstanceCount_IsMaxOfMinimumAndNeededPlusSpare(int minimum, int spare, long connections)
    {
        var scenario = Scenario.Default with { MinimumInstances = minimum, SpareInstances = spare, PeakConnections = connections };

        var ec2 = Fixture.Estimate(scenario).Ec2;

        var needed = (long)Math.Ceiling(connections / (double)ec2.ConnectionsPerVm);
        Assert.Equal(Math.Max(minimum, needed) + spare, ec2.Machines);
        Assert.Equal(ec2.Vms, ec2.Machines);
    }

    [Fact]
    public void Estimate_BurstableWithoutUnlimited_UsesOnlyTheBaselineCpu()
    {
        // t3.large: 30 % of 2 vCPU = 0.6 core. No remote traffic, 0.2 × 500 µs = 100 µs per connection-second:
        // 0.6 × 10⁶ × 0.7 / 100 = 4,200 per VM → ⌈100,000 / 4,200⌉ = 24 + 1 spare.
        var scenario = Scenario.Default with { Ec2InstanceType = "t3.large", CpuMicrosecondsPerMessage = 500, RemoteMessagePercent = 0 };

        var ec2 = Fixture.Estimate(scenario).Ec2;

        Assert.Equal(0.6, ec2.VmCpuCores, 12);
        Assert.Equal(4_200, ec2.ConnectionsPerVm);
        Assert.Equal(25, ec2.Machines);
        Assert.False(ec2.HasLine(CostKind.CpuCredits));
    }

    [Fact]
    public void Estimate_BurstableUnlimited_UsesFullCpuAndChargesSurplusCredits()
    {
        // Full 2 vCPU: 2 × 10⁶ × 0.7 / 100 = 14,000 per VM → ⌈100,000 / 14,000⌉ = 8 + 1 = 9 t3.large.
        // Used: 100,000 × 100 µs = 10 cores; baseline 9 × 2 × 0.3 = 5.4 → 4.6 vCPU × $0.05 × 730 = $167.90.
        var scenario = Scenario.Default with
        {
            Ec2InstanceType = "t3.large", CpuMicrosecondsPerMessage = 500, RemoteMessagePercent = 0, BurstableUnlimited = true,
        };

        var ec2 = Fixture.Estimate(scenario).Ec2;

        Assert.Equal(9, ec2.Machines);
        Assert.Equal(167.90m, ec2.Line(CostKind.CpuCredits).MonthlyUsd, 6);
        Assert.Equal(9 * 0.0832m * 730, ec2.Line(CostKind.Compute).MonthlyUsd);
    }

    /// <summary>1,000 m / 3,072 MiB BEAM pods on c5.4xlarge nodes, the packing examples below.</summary>
    private static readonly Scenario FixedPodsOnC54xlarge = Scenario.Default with
    {
        EksNodeInstanceType = "c5.4xlarge",
        PodLayout = PodLayout.FixedPodSize,
        PodCpuRequestMillicores = 1000,
        PodCpuLimitMillicores = 1000,
        PodMemoryMiB = 3072,
    };

    [Fact]
    public void Estimate_FixedPodSize_PacksPodsOntoNodesByCpuMemoryAndSlots()
    {
        // c5.4xlarge: allocatable 15,890 m / 27,381 MiB (DOMAIN §2.4) − DaemonSets 430 m / 354 MiB = 15,460 m / 27,027 MiB.
        // Pods 1,000 m / 3,072 MiB: by CPU 15, by memory 8, by slots 234 − 5 → 8 per node.
        // Pod memory (3072 × 0.7 − 100) × 1024 / 28 = 74,986; CPU 1 core × 0.7 / 11.867 µs = 58,988 at 3 pods.
        // 3 pods + 3 add-on pods: nodes = max(⌈6 / 8⌉, ⌈(3 × 1000 + 300) / 15,460⌉, ⌈(3 × 3072 + 340) / 27,027⌉) = 1.
        var scenario = FixedPodsOnC54xlarge;

        var eks = Fixture.Estimate(scenario).Eks;

        Assert.Equal(8, eks.VmsPerMachine);
        Assert.Equal(58_988, eks.CpuBoundConnectionsPerVm);
        Assert.Equal(74_986, eks.MemoryBoundConnectionsPerVm);
        Assert.Equal(1, eks.VmSchedulers);
        Assert.Equal(3, eks.Vms);
        Assert.Equal(1, eks.Machines);
    }

    [Fact]
    public void Estimate_FixedPodSizeManyPods_NodeCountFollowsTheTightestResource()
    {
        // Same node and pods; 1,000,000 connections. 8 BEAM pods per node by memory, and the 3 add-on
        // pods (340 MiB) share the nodes: nodes = max(⌈(pods + 3) / 8⌉, ⌈(pods × 3072 + 340) / 27,027⌉).
        var scenario = FixedPodsOnC54xlarge with { PeakConnections = 1_000_000 };

        var eks = Fixture.Estimate(scenario).Eks;

        var pods = eks.Vms;
        var bySlots = (pods + 3 + 7) / 8;
        var byMemory = ((pods * 3072) + 340 + 27_026) / 27_027;
        var byCpu = ((pods * 1000) + 300 + 15_459) / 15_460;
        Assert.Equal(Math.Max(bySlots, Math.Max(byMemory, byCpu)), eks.Machines);
        Assert.True(pods >= 17, $"{pods} pods");
    }

    [Fact]
    public void Estimate_FixedPodSizeSlotsBind_AddOnPodsTakeSlotsToo()
    {
        // c5.4xlarge fixed at 9 max pods − 5 DaemonSet pods = 4 slots (memory would allow 8). The 3 BEAM pods
        // of the worked example plus CoreDNS × 2 and metrics-server = 6 pods → ⌈6 / 4⌉ = 2 nodes.
        var scenario = FixedPodsOnC54xlarge with { MaxPodsMode = MaxPodsMode.Fixed, FixedMaxPods = 9 };

        var eks = Fixture.Estimate(scenario).Eks;

        Assert.Equal(4, eks.VmsPerMachine);
        Assert.Equal(3, eks.Vms);
        Assert.Equal(2, eks.Machines);
    }

    [Fact]
    public void Estimate_PodCpuLimit_SetsSchedulersOnlineTruncated()
    {
        // DOMAIN §4.3: 2500m → 2 schedulers online; the VM may use 2.5 cores less a 20 % throttling penalty.
        var scenario = Scenario.Default with
        {
            EksNodeInstanceType = "c5.4xlarge",
            PodLayout = PodLayout.FixedPodSize,
            PodCpuRequestMillicores = 2500,
            PodCpuLimitMillicores = 2500,
            ThrottlingPenaltyPercent = 20,
        };

        var eks = Fixture.Estimate(scenario).Eks;

        Assert.Equal(2, eks.VmSchedulers);
        Assert.Equal(2.0, eks.VmCpuCores, 12);
    }

    [Fact]
    public void Estimate_NoPodCpuLimit_RunsOneSchedulerPerNodeCpu()
    {
        var scenario = Scenario.Default with
        {
            EksNodeInstanceType = "c5.4xlarge",
            PodLayout = PodLayout.FixedPodSize,
            PodCpuRequestMillicores = 1500,
            PodCpuLimitMillicores = 0,
        };

        var eks = Fixture.Estimate(scenario).Eks;

        Assert.Equal(16, eks.VmSchedulers);
        Assert.Equal(1.5, eks.VmCpuCores, 12);
    }

    [Fact]
    public void Estimate_Fargate_PodGetsItsRequestAndMachinesArePods()
    {
        var scenario = Scenario.Default with
        {
            Fargate = true, PodLayout = PodLayout.FixedPodSize, PodCpuRequestMillicores = 1000, PodMemoryMiB = 8192,
        };

        var eks = Fixture.Estimate(scenario).Eks;

        Assert.True(eks.Feasible);
        Assert.Equal("Fargate", eks.MachineType);
        Assert.Equal(8192, eks.VmMemoryMiB);
        Assert.Equal(1, eks.VmCpuCores, 12);
        Assert.Equal(eks.Vms, eks.Machines);
        Assert.False(eks.HasLine(CostKind.Storage));
    }

    [Fact]
    public void Estimate_FargatePodLargerThanLargestShape_IsInfeasibleWithWarning()
    {
        var scenario = Scenario.Default with
        {
            Fargate = true, PodLayout = PodLayout.FixedPodSize, PodCpuRequestMillicores = 16000, PodCpuLimitMillicores = 16000,
            PodMemoryMiB = 120 * 1024,
        };

        var estimate = Fixture.Estimate(scenario);

        Assert.False(estimate.Eks.Feasible);
        Assert.Empty(estimate.Eks.CostLines);
        Assert.Equal(0m, estimate.Eks.MonthlyUsd);
        Assert.Null(estimate.CheaperPath);
        Assert.Null(estimate.BreakEvenMonth);
        Assert.Contains(estimate.Warnings, w => w.Code == "fargate-too-large");
    }

    [Fact]
    public void Estimate_Ec2VmHoldsNothing_IsInfeasibleWithWarning()
    {
        // t3.medium: 4096 − 308 = 3,788 MiB visible; with 3,700 MiB for the OS, 88 × 0.7 < 100 MiB of BEAM base.
        var scenario = Scenario.Default with { Ec2InstanceType = "t3.medium", OsMemoryMiB = 3_700 };

        var estimate = Fixture.Estimate(scenario);

        Assert.False(estimate.Ec2.Feasible);
        Assert.Equal(0, estimate.Ec2.Machines);
        Assert.Equal(0m, estimate.MonthlyDifferenceUsd);
        Assert.Contains(estimate.Warnings, w => w.Code == "ec2-infeasible");
    }

    [Fact]
    public void Estimate_OnePodPerNodeWithNoFreePodSlot_EksIsInfeasible()
    {
        // Max pods 5 are all taken by the 5 DaemonSet pods: no slot left for the BEAM pod.
        var scenario = Scenario.Default with { MaxPodsMode = MaxPodsMode.Fixed, FixedMaxPods = 5, DaemonSetPods = 5 };

        var estimate = Fixture.Estimate(scenario);

        Assert.False(estimate.Eks.Feasible);
        Assert.True(estimate.Ec2.Feasible);
        Assert.Contains(estimate.Warnings, w => w.Code == "eks-infeasible");
    }

    [Fact]
    public void Estimate_InvalidScenario_Throws()
    {
        var scenario = Scenario.Default with { PeakConnections = 0 };

        var error = Assert.Throws<ArgumentException>(() => Fixture.Estimate(scenario));

        Assert.Contains("peakConnections", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Ec2DeployMethod.HotCodeUpgrade, 0)]
    [InlineData(Ec2DeployMethod.RollingRestart, 8 * 100_000)]
    public void Estimate_DeployMethod_SetsConnectionsDroppedPerMonth(Ec2DeployMethod method, long ec2Dropped)
    {
        var estimate = Fixture.Estimate(Scenario.Default with { Ec2DeployMethod = method });

        Assert.Equal(ec2Dropped, estimate.BeyondCost.Ec2ConnectionsDroppedPerMonth);
        Assert.Equal(8 * 100_000, estimate.BeyondCost.EksConnectionsDroppedPerMonth);
        Assert.Equal(8 * estimate.Eks.Vms, estimate.BeyondCost.EksVmRestartsPerMonth);
    }

    [Theory]
    // n(n − 1)/2 (DOMAIN §4.6).
    [InlineData(0, 0)]
    [InlineData(1, 0)]
    [InlineData(2, 1)]
    [InlineData(3, 3)]
    [InlineData(100, 4_950)]
    [InlineData(1_000, 499_500)]
    public void MeshConnections_Vms_IsNTimesNMinusOneOverTwo(long vms, long expected)
    {
        Assert.Equal(expected, Estimator.MeshConnections(vms));
    }
}
