using CostCalc.Domain.Estimation;
using CostCalc.Domain.Scenarios;
using CostCalc.Domain.Tests.TestSupport;

namespace CostCalc.Domain.Tests.Estimation;

/// <summary>
/// The estimator end to end on the fixture. The worked example is the default scenario (100,000
/// connections, m6i.large on both paths), computed by hand from the public figures:
/// <list type="bullet">
/// <item>EC2 VM memory: 8192 − ceil(8192 × 0.075) (Karpenter's VM overhead) − 300 OS − 250 host agents
/// (fluent-bit 50Mi + CloudWatch agent 200Mi) = 7,027 MiB; CPU 2 − 0.25 (the agents' 250m) = 1.75 cores.</item>
/// <item>EKS node: allocatable 2,000 − 70 = 1,930 m and 7,577 − (11 × 29 + 255) − 100 = 6,903 MiB, less the
/// DaemonSets (agents 250m/250Mi + aws-node, kube-proxy, ebs-csi 180m/104Mi) = 1,500 m / 6,549 MiB; the
/// BEAM pod leaves room for ⌈3 add-on pods / 3 nodes⌉ = 1 add-on pod of ⌈340/3⌉ = 114 MiB → 6,435 MiB, 1.5 cores.</item>
/// <item>With 3 VMs a share s = 0.2 of messages goes to another VM; CPU per connection = 0.2 × (50 + 0.2 × 70) = 12.8 µs/s
/// for messages + 20 new conn/s ÷ 100,000 × 200 µs set-up (no TLS on the VMs behind the ALB) = 0.04 → 12.84 µs/s.</item>
/// <item>EC2: memory-bound ⌊(7027 × 0.7 − 100) × 1024 / 28⌋ = 176,234; CPU-bound ⌊1.75 × 10⁶ × 0.7 / 12.84⌋ = ⌊95,404.98⌋ = 95,404.</item>
/// <item>EKS: memory-bound ⌊(6435 × 0.7 − 100) × 1024 / 28⌋ = 161,078; CPU-bound ⌊1.5 × 10⁶ × 0.7 / 12.84⌋ = ⌊81,775.70⌋ = 81,775.</item>
/// <item>VMs = max(2, ⌈100,000 / per VM⌉) + 1 spare machine = 3 on both; no node only for add-ons.</item>
/// <item>ALB: LCU = max(20/25, 100,000/3,000, 100,000 × 0.2 × 512 B × 3,600 / 2³⁰ = 34.33 GB/h) = 34.33.</item>
/// <item>Cross-AZ: 100,000 × 0.2 msg/s × 0.2 × 2/3 × 512 B × 730 h × 3,600 / 2³⁰ = 3,341.7 GB, $0.01 each way.</item>
/// <item>Internet egress: 100,000 × 100 B/s × 2,628,000 s / 2³⁰ = 24,475.2 GB; less 100 GB free = 24,375.2 GB billable:
/// 10,240 GB × $0.09 = $921.60 + 14,135.2 GB × $0.085 = $1,201.49 → $2,123.09 (see InternetEgressTests).</item>
/// </list>
/// </summary>
public partial class EstimatorTests
{
    private const double DefaultRemoteShare = 0.2;
    private const double DefaultLcu = 100_000 * 0.2 * 512 * 3600 / (1024d * 1024 * 1024);
    private const double DefaultCrossAzGb = 100_000 * 0.2 * DefaultRemoteShare * 2 / 3 * 512 * 730 * 3600 / (1024d * 1024 * 1024);

    private static readonly decimal DefaultAlbMonthly = (0.0225m + (0.008m * (decimal)DefaultLcu)) * 730;
    private static readonly decimal DefaultCrossAzMonthly = (decimal)DefaultCrossAzGb * 0.01m * 2;

    [Fact]
    public void Estimate_DefaultScenarioEc2_MatchesHandWorkedCapacity()
    {
        var ec2 = Fixture.Estimate(Scenario.Default)[PathIds.Ec2];

        Assert.True(ec2.Feasible);
        Assert.Equal(7_027, ec2.VmMemoryMiB);
        Assert.Equal(1.75, ec2.VmCpuCores, 12);
        Assert.Equal(176_234, ec2.MemoryBoundConnectionsPerVm);
        Assert.Equal(95_404, ec2.CpuBoundConnectionsPerVm);
        Assert.Equal(95_404, ec2.ConnectionsPerVm);
        Assert.Equal(BindingResource.Cpu, ec2.Binding);
        Assert.Equal(3, ec2.Vms);
        Assert.Equal(3, ec2.Machines);
        Assert.Equal(DefaultRemoteShare, ec2.RemoteMessageShare, 12);
        Assert.Equal(3, ec2.MeshConnections);
    }

    [Fact]
    public void Estimate_DefaultScenarioEks_MatchesHandWorkedCapacity()
    {
        var eks = Fixture.Estimate(Scenario.Default)[PathIds.Eks];

        Assert.True(eks.Feasible);
        Assert.Equal(6_435, eks.VmMemoryMiB);
        Assert.Equal(1.5, eks.VmCpuCores, 12);
        Assert.Equal(161_078, eks.MemoryBoundConnectionsPerVm);
        Assert.Equal(81_775, eks.CpuBoundConnectionsPerVm);
        Assert.Equal(BindingResource.Cpu, eks.Binding);
        Assert.Equal(3, eks.Vms);
        Assert.Equal(0, eks.SystemNodes);
        Assert.Equal(3, eks.Machines);
    }

    [Fact]
    public void Estimate_DefaultScenarioEc2_CostLinesMatchHandWorkedPrices()
    {
        var ec2 = Fixture.Estimate(Scenario.Default)[PathIds.Ec2];

        Assert.Equal(3 * 0.096m * 730, ec2.Line(CostKind.Compute).MonthlyUsd);
        Assert.Equal(3 * 20 * 0.08m, ec2.Line(CostKind.Storage).MonthlyUsd);
        Assert.Equal(DefaultAlbMonthly, ec2.Line(CostKind.LoadBalancer).MonthlyUsd, 6);
        Assert.Equal(DefaultCrossAzMonthly, ec2.Line(CostKind.CrossAzTransfer).MonthlyUsd, 6);
        Assert.Equal(InternetEgressTests.DefaultEgressMonthly, ec2.Line(CostKind.InternetEgress).MonthlyUsd, 6);
        Assert.False(ec2.HasLine(CostKind.ControlPlane));
        Assert.False(ec2.HasLine(CostKind.Operations));
        // 498.80 before internet egress + 2,123.09 egress = 2,621.89.
        var total = (3 * 0.096m * 730) + (3 * 20 * 0.08m) + DefaultAlbMonthly + DefaultCrossAzMonthly + InternetEgressTests.DefaultEgressMonthly;
        Assert.Equal(total, ec2.MonthlyUsd, 6);
    }

    [Fact]
    public void Estimate_DefaultScenarioEks_CostLinesMatchHandWorkedPrices()
    {
        var eks = Fixture.Estimate(Scenario.Default)[PathIds.Eks];

        Assert.Equal(3 * 0.096m * 730, eks.Line(CostKind.Compute).MonthlyUsd);
        Assert.Equal(73.00m, eks.Line(CostKind.ControlPlane).MonthlyUsd);
        Assert.Equal(3 * 20 * 0.08m, eks.Line(CostKind.Storage).MonthlyUsd);
        Assert.Equal(DefaultAlbMonthly, eks.Line(CostKind.LoadBalancer).MonthlyUsd, 6);
        Assert.Equal(DefaultCrossAzMonthly, eks.Line(CostKind.CrossAzTransfer).MonthlyUsd, 6);
        Assert.Equal(InternetEgressTests.DefaultEgressMonthly, eks.Line(CostKind.InternetEgress).MonthlyUsd, 6);
        Assert.False(eks.HasLine(CostKind.AutoModeFee));
        Assert.False(eks.HasLine(CostKind.NatGateway));
        Assert.False(eks.HasLine(CostKind.SystemNodes));
        // 571.80 before internet egress + 2,123.09 egress = 2,694.89.
        var total = (3 * 0.096m * 730) + 73m + (3 * 20 * 0.08m) + DefaultAlbMonthly + DefaultCrossAzMonthly + InternetEgressTests.DefaultEgressMonthly;
        Assert.Equal(total, eks.MonthlyUsd, 6);
    }

    [Fact]
    public void Estimate_DefaultScenario_EksCostsTheControlPlaneMore()
    {
        // The three paths before ECS (ECS on Fargate, cheaper still, would be the reference otherwise: FargatePathTests).
        var estimate = Fixture.Estimate(Fixture.ThreePathDefault);

        // Same 3 × m6i.large, volumes, ALB and cross-AZ on both: only the control plane, $0.10 × 730 = $73.00, differs.
        // EC2 is the cheapest of the three, so the reference of every comparison.
        Assert.Equal(PathIds.Ec2, estimate.Verdict.CheapestPath);
        Assert.Equal(73.00m, estimate.Comparison(PathIds.Eks).Month1DifferenceUsd!.Value, 6);
        Assert.Equal(0m, estimate.Comparison(PathIds.Ec2).Month1DifferenceUsd);
        Assert.Equal(PathIds.Ec2, estimate.Verdict.Month1CheapestPath);
        Assert.Equal("test-snapshot", estimate.SnapshotId);
        Assert.Equal(Fixture.InstancePricesAsOf, estimate.PricesAsOf);
        Assert.Equal("US East (N. Virginia)", estimate.RegionName);
    }

    [Fact]
    public void Estimate_DefaultScenario_ShowsEveryBuiltInPathInDisplayOrder()
    {
        var estimate = Fixture.Estimate(Scenario.Default);

        string[] all = [PathIds.Ec2, PathIds.Eks, PathIds.EksFargate, PathIds.EcsEc2, PathIds.EcsFargate];
        Assert.Equal(all, estimate.Paths.Select(p => p.Id));
        Assert.Equal(["EC2", "EKS", "EKS on Fargate", "ECS on EC2", "ECS on Fargate"], estimate.Paths.Select(p => p.Name));
        Assert.Equal(all, estimate.Projection.Paths.Select(p => p.Path));
        Assert.Equal(all, estimate.Verdict.Comparisons.Select(c => c.Path));
    }

    [Fact]
    public void Estimate_HiddenPath_IsLeftOutEverywhere()
    {
        var estimate = Fixture.Estimate(Scenario.Default with { HiddenPaths = Fixture.OnlyEc2AndEks });

        Assert.Equal([PathIds.Ec2, PathIds.Eks], estimate.Paths.Select(p => p.Id));
        Assert.Null(estimate.Find(PathIds.EksFargate));
        Assert.DoesNotContain(estimate.Projection.Paths, p => p.Path == PathIds.EksFargate);
        Assert.DoesNotContain(estimate.Verdict.Comparisons, c => c.Path == PathIds.EksFargate);
        Assert.DoesNotContain(estimate.Warnings, w => w.Path == PathIds.EksFargate);
        Assert.DoesNotContain("Fargate", estimate.Verdict.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Estimate_HiddenPathWithAnUnusableInstanceType_IsNeverPlanned()
    {
        // A hidden path's inputs are not validated, so it must not be prepared either (its plan would throw).
        var noEks = Fixture.Estimate(Scenario.Default with { HiddenPaths = PathList.Of([PathIds.Eks]), EksNodeInstanceType = "nope" });
        var noEc2 = Fixture.Estimate(Scenario.Default with { HiddenPaths = PathList.Of([PathIds.Ec2]), Ec2InstanceType = "m4.large" });

        Assert.Equal([PathIds.Ec2, PathIds.EksFargate, PathIds.EcsEc2, PathIds.EcsFargate], noEks.Paths.Select(p => p.Id));
        Assert.Equal([PathIds.Eks, PathIds.EksFargate, PathIds.EcsEc2, PathIds.EcsFargate], noEc2.Paths.Select(p => p.Id));
        Assert.Equal([PathIds.Ec2, PathIds.EcsEc2], Fixture.Estimator.Rank(Scenario.Default with { HiddenPaths = PathList.Of([PathIds.Eks]), EksNodeInstanceType = "nope" })
            .Paths.Select(p => p.Path));
    }

    [Fact]
    public void Estimate_UsdPer10kConnections_IsMonthlyOverConnectionsTimes10k()
    {
        var ec2 = Fixture.Estimate(Scenario.Default)[PathIds.Ec2];

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

        var ec2 = Fixture.Estimate(scenario)[PathIds.Ec2];

        var needed = (long)Math.Ceiling(connections / (double)ec2.ConnectionsPerVm);
        Assert.Equal(Math.Max(minimum, needed) + spare, ec2.Machines);
        Assert.Equal(ec2.Vms, ec2.Machines);
    }

    [Fact]
    public void Estimate_BurstableWithoutUnlimited_UsesOnlyTheBaselineCpu()
    {
        // t3.large: 30 % of 2 vCPU = 0.6 core, of which the host agents use 0.25 → 0.35 core. No remote
        // traffic, 0.2 × 500 µs = 100 µs + the default set-ups 20 ÷ 100,000 × 200 µs = 0.04 µs → 100.04 µs per
        // connection-second: ⌊0.35 × 10⁶ × 0.7 / 100.04⌋ = ⌊2,449.02⌋ = 2,449 per VM → ⌈100,000 / 2,449⌉ = 41 + 1 spare = 42.
        var scenario = Scenario.Default with { Ec2InstanceType = "t3.large", CpuMicrosecondsPerMessage = 500, RemoteMessagePercent = 0 };

        var ec2 = Fixture.Estimate(scenario)[PathIds.Ec2];

        Assert.Equal(0.35, ec2.VmCpuCores, 12);
        Assert.Equal(2_449, ec2.ConnectionsPerVm);
        Assert.Equal(42, ec2.Machines);
        Assert.False(ec2.HasLine(CostKind.CpuCredits));
    }

    [Fact]
    public void Estimate_BurstableUnlimited_UsesFullCpuAndChargesSurplusCredits()
    {
        // 0.2 × 500 µs + set-ups 20 ÷ 100,000 × 200 µs = 100.04 µs per connection-second. 2 vCPU less the agents'
        // 0.25: ⌊1.75 × 10⁶ × 0.7 / 100.04⌋ = ⌊12,245.1⌋ = 12,245 per VM → ⌈100,000 / 12,245⌉ = 9 + 1 = 10 t3.large.
        // Busy per instance: 100,000 × 100.04 µs / 10 = 1.0004 core + 0.25 agents = 1.2504 against a 0.6-core
        // baseline → 0.6504 surplus vCPU × 10 instances × $0.05 × 730 h = $237.396.
        var scenario = Scenario.Default with
        {
            Ec2InstanceType = "t3.large", CpuMicrosecondsPerMessage = 500, RemoteMessagePercent = 0, BurstableUnlimited = true,
        };

        var ec2 = Fixture.Estimate(scenario)[PathIds.Ec2];

        Assert.Equal(10, ec2.Machines);
        Assert.Equal(237.396m, ec2.Line(CostKind.CpuCredits).MonthlyUsd, 6);
        Assert.Equal(10 * 0.0832m * 730, ec2.Line(CostKind.Compute).MonthlyUsd);
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
        // c5.4xlarge: allocatable 16,000 − 110 = 15,890 m and 30,310 − (11 × 234 + 255) − 100 = 27,381 MiB, less
        // the DaemonSets 430 m / 354 MiB = 15,460 m / 27,027 MiB and 234 − 5 = 229 slots.
        // Pods 1,000 m / 3,072 MiB: by CPU 15, by memory 8, by slots 229 → 8 per node. Each pod's share of the
        // node is 15.46 / 8 = 1.93 cores, its limit 1 core and 1 scheduler → 1 core.
        // Pod memory ⌊(3072 × 0.7 − 100) × 1024 / 28⌋ = 74,986; CPU ⌊1 × 10⁶ × 0.7 / 12.84⌋ = ⌊54,517.1⌋ = 54,517
        // (12.84 µs/s: 12.8 of messages + 0.04 of set-ups, as in the summary above).
        // Pods = max(2, ⌈100,000 / 54,517⌉) + 1 spare node × 8 = 10 → 2 nodes; the add-ons fit beside them.
        var scenario = FixedPodsOnC54xlarge;

        var eks = Fixture.Estimate(scenario)[PathIds.Eks];

        Assert.Equal(8, eks.VmsPerMachine);
        Assert.Equal(54_517, eks.CpuBoundConnectionsPerVm);
        Assert.Equal(74_986, eks.MemoryBoundConnectionsPerVm);
        Assert.Equal(1, eks.VmSchedulers);
        Assert.Equal(1, eks.VmCpuCores, 12);
        Assert.Equal(10, eks.Vms);
        Assert.Equal(2, eks.Machines);
        Assert.Equal(0, eks.SystemNodes);
    }

    [Fact]
    public void Estimate_FixedPodSizeManyPods_NodeCountFollowsTheTightestResource()
    {
        // Same node and pods; 1,000,000 connections. 8 BEAM pods per node by memory; the 3 add-on pods
        // (100 m / 114 MiB each) fit the room 8 pods leave (7,460 m, 2,451 MiB), so nodes = ⌈pods / 8⌉.
        var scenario = FixedPodsOnC54xlarge with { PeakConnections = 1_000_000 };

        var eks = Fixture.Estimate(scenario)[PathIds.Eks];

        var pods = eks.Vms;
        Assert.Equal((pods + 7) / 8, eks.Machines);
        Assert.Equal(0, eks.SystemNodes);
        Assert.True(pods >= 17, $"{pods} pods");
    }

    [Fact]
    public void Estimate_FixedPodSizeSlotsBind_AddOnPodsTakeSlotsToo()
    {
        // c5.4xlarge fixed at 9 max pods − 5 DaemonSet pods = 4 slots (memory would allow 8). BEAM pods
        // = 2 needed + 1 spare node × 4 = 6 → 2 nodes (4 + 2). The second node's 2 free slots take 2 of the
        // 3 add-on pods (CoreDNS × 2, metrics-server); the third needs a node of its own → 3 nodes.
        var scenario = FixedPodsOnC54xlarge with { MaxPodsMode = MaxPodsMode.Fixed, FixedMaxPods = 9 };

        var eks = Fixture.Estimate(scenario)[PathIds.Eks];

        Assert.Equal(4, eks.VmsPerMachine);
        Assert.Equal(6, eks.Vms);
        Assert.Equal(3, eks.Machines);
        Assert.Equal(1, eks.SystemNodes);
    }

    [Fact]
    public void Estimate_PodCpuLimit_SetsSchedulersOnlineTruncated()
    {
        // OTP truncates the quota: 2500m → 2 schedulers online. 6 pods fit a node by CPU (15,460 / 2,500), so
        // each pod's share is 15.46 / 6 = 2.58 cores; the limit allows 2.5 but 2 schedulers use at most 2 cores,
        // less the 20 % throttling penalty → 1.6 cores.
        var scenario = Scenario.Default with
        {
            EksNodeInstanceType = "c5.4xlarge",
            PodLayout = PodLayout.FixedPodSize,
            PodCpuRequestMillicores = 2500,
            PodCpuLimitMillicores = 2500,
            ThrottlingPenaltyPercent = 20,
        };

        var eks = Fixture.Estimate(scenario)[PathIds.Eks];

        Assert.Equal(2, eks.VmSchedulers);
        Assert.Equal(1.6, eks.VmCpuCores, 12);
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

        var eks = Fixture.Estimate(scenario)[PathIds.Eks];

        // No limit, no quota: 16 schedulers, and the pod uses its share of the node, not only its request:
        // 8 pods fit by memory (27,027 / 3,072), so 15.46 / 8 = 1.9325 cores.
        Assert.Equal(16, eks.VmSchedulers);
        Assert.Equal(15.46 / 8, eks.VmCpuCores, 12);
    }

    [Fact]
    public void Estimate_Fargate_PodGetsItsRequestAndMachinesArePods()
    {
        // 1,000 m / 8,192 MiB + 256 MiB = 8.25 GB: no 1 vCPU shape holds it → 2 vCPU / 9 GB (EKS user guide).
        var scenario = Scenario.Default with
        {
            HiddenPaths = Fixture.OnlyEc2AndFargate, PodLayout = PodLayout.FixedPodSize, PodCpuRequestMillicores = 1000, PodMemoryMiB = 8192,
        };

        var fargate = Fixture.Estimate(scenario)[PathIds.EksFargate];

        Assert.True(fargate.Feasible);
        Assert.StartsWith("Fargate", fargate.MachineType, StringComparison.Ordinal);
        Assert.Equal("Fargate 2 vCPU / 9 GB", fargate.MachineType);
        Assert.Equal("Fargate pod", fargate.MachineKind);
        Assert.Equal(8192, fargate.VmMemoryMiB);
        Assert.Equal(1, fargate.VmCpuCores, 12);
        Assert.Equal(fargate.Vms, fargate.Machines);
        Assert.False(fargate.HasLine(CostKind.Storage));
    }

    [Fact]
    public void Estimate_FargatePodLargerThanLargestShape_IsInfeasibleWithWarning()
    {
        var scenario = Scenario.Default with
        {
            HiddenPaths = Fixture.OnlyEc2AndFargate, PodLayout = PodLayout.FixedPodSize, PodCpuRequestMillicores = 16000,
            PodCpuLimitMillicores = 16000, PodMemoryMiB = 120 * 1024,
        };

        var estimate = Fixture.Estimate(scenario);
        var fargate = estimate[PathIds.EksFargate];

        Assert.False(fargate.Feasible);
        Assert.Empty(fargate.CostLines);
        Assert.Equal(0m, fargate.MonthlyUsd);
        Assert.Null(estimate.Verdict.Month1CheapestPath);
        Assert.Null(estimate.Verdict.CheapestPath);
        Assert.All(estimate.Verdict.Comparisons, c => Assert.Null(c.BreakEvenMonth));
        Assert.Contains(estimate.Warnings, w => w.Code == "eks-fargate-infeasible" && w.Path == PathIds.EksFargate
            && w.Message.Contains("Fargate", StringComparison.Ordinal));
    }

    [Fact]
    public void Estimate_Ec2VmHoldsNothing_IsInfeasibleWithWarning()
    {
        // t3.medium: 4096 − 308 = 3,788 MiB visible; with 3,700 MiB for the OS, 88 × 0.7 < 100 MiB of BEAM base.
        var scenario = Scenario.Default with { Ec2InstanceType = "t3.medium", OsMemoryMiB = 3_700 };

        var estimate = Fixture.Estimate(scenario);

        Assert.False(estimate[PathIds.Ec2].Feasible);
        Assert.Equal(0, estimate[PathIds.Ec2].Machines);
        // No difference can be taken against a path that cannot be costed.
        var ec2 = estimate.Comparison(PathIds.Ec2);
        Assert.Null(ec2.Month1Usd);
        Assert.Null(ec2.HorizonUsd);
        Assert.Null(ec2.Month1DifferenceUsd);
        Assert.Null(ec2.HorizonDifferenceUsd);
        Assert.Contains(estimate.Warnings, w => w.Code == "ec2-infeasible");
    }

    [Fact]
    public void Estimate_OnePodPerNodeWithNoFreePodSlot_EksIsInfeasible()
    {
        // Max pods 5 are all taken by the 2 host-agent and 3 Kubernetes DaemonSet pods: no slot for the BEAM pod.
        var scenario = Scenario.Default with { MaxPodsMode = MaxPodsMode.Fixed, FixedMaxPods = 5 };

        var estimate = Fixture.Estimate(scenario);

        Assert.False(estimate[PathIds.Eks].Feasible);
        Assert.True(estimate[PathIds.Ec2].Feasible);
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

        Assert.Equal(ec2Dropped, Deploys(estimate, PathIds.Ec2).ConnectionsDroppedPerMonth);
        Assert.Equal(8 * 100_000, Deploys(estimate, PathIds.Eks).ConnectionsDroppedPerMonth);
        Assert.Equal(8 * estimate[PathIds.Eks].Vms, Deploys(estimate, PathIds.Eks).VmRestartsPerMonth);
        // Fargate pods roll like pods on nodes: 8 deploys × 100,000 connections, 8 × 3 pods.
        Assert.Equal(8 * 100_000, Deploys(estimate, PathIds.EksFargate).ConnectionsDroppedPerMonth);
        Assert.Equal(8 * 3, Deploys(estimate, PathIds.EksFargate).VmRestartsPerMonth);
        // A hot code upgrade keeps sockets through deploys, but not through an instance refresh: 12 a year = 1 a month × 100,000.
        Assert.Equal(100_000, estimate[PathIds.Ec2].Disruption.Find(DropCauses.Patching)!.ConnectionsDroppedPerMonth);
        Assert.Equal(["Failure detection", "Message cost"], estimate.Facts.Select(f => f.Name));
    }

    private static DropCause Deploys(Estimate estimate, string path) => estimate[path].Disruption.Find(DropCauses.Deploys)!;

    [Theory]
    // n(n − 1)/2 (docs/model.md §4.6).
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
