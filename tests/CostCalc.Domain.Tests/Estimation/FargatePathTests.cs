using CostCalc.Domain.Capacity;
using CostCalc.Domain.Estimation;
using CostCalc.Domain.Scenarios;
using CostCalc.Domain.Tests.TestSupport;

namespace CostCalc.Domain.Tests.Estimation;

/// <summary>
/// EKS on Fargate, the path of its own, worked by hand for the default scenario (100,000 connections,
/// 1,000 m / 3,072 MiB pods) from the fixture's snapshot rates: Fargate $0.04048 per vCPU-hour and
/// $0.004445 per GB-hour, the EKS control plane $0.10 per hour (<see cref="Fixture.Services"/>).
/// <list type="bullet">
/// <item>Pod 3,072 + 256 MiB = 3,328 MiB = 3.25 GB with 1 vCPU → the 1 vCPU shape (2–8 GB in 1 GB steps) → 1 vCPU / 4 GB:
/// 0.04048 + 4 × 0.004445 = $0.05826/h.</item>
/// <item>The BEAM VM gets the pod's request: 3,072 MiB, 1 core, 1 scheduler. Memory-bound
/// ⌊(3,072 × 0.7 − 100) × 1024 / 28⌋ = 74,986; CPU-bound ⌊1 × 10⁶ × 0.7 / 12.84⌋ = ⌊54,517.1⌋ = 54,517 (3 VMs send 20 % remote:
/// 0.2 × (50 + 0.2 × 70) = 12.8 µs/s, + set-ups 20 new/s ÷ 100,000 × 200 µs = 0.04 → 12.84 µs/s)
/// → pods = max(2, ⌈100,000 / 54,517⌉) + 1 spare = 3.</item>
/// <item>Compute 3 × 0.05826 × 730 = $127.5894.</item>
/// <item>Add-ons: 3 pods of 300 / 3 = 100 m and ⌈340 / 3⌉ = 114 MiB; 114 + 256 = 370 MiB = 0.36 GB → 0.25 vCPU / 0.5 GB:
/// 0.25 × 0.04048 + 0.5 × 0.004445 = $0.0123425/h × 3 × 730 = $27.030075.</item>
/// <item>Control plane 1 × $0.10 × 730 = $73.</item>
/// <item>ALB and cross-AZ: the same traffic on 3 BEAM machines as EC2's 3 instances, so EC2's lines: ALB
/// (0.0225 + 0.008 × 34.332275 LCU) × 730 = $216.925488; cross-AZ 3,341.6748 GB × $0.01 × 2 = $66.833496.</item>
/// <item>Internet egress as on every path: $2,123.088368 (<see cref="InternetEgressTests"/>).</item>
/// <item>No node volumes, CPU credits, Auto Mode fee, NAT or operations. Total $511.378459 before egress, $511.378459 + $2,123.088368 = $2,634.466827 with it.</item>
/// </list>
/// </summary>
public class FargatePathTests
{
    private const decimal PodUsdPerHour = 0.05826m;
    private const decimal AddOnPodUsdPerHour = 0.0123425m;
    private const decimal Compute = 127.5894m;
    private const decimal AddOns = 27.030075m;
    private const decimal ControlPlane = 73m;
    private const decimal Alb = 216.92548828125m;
    private const decimal CrossAz = 66.83349609375m;
    private const decimal BeforeEgress = Compute + AddOns + ControlPlane + Alb + CrossAz;
    private static readonly decimal Total = BeforeEgress + InternetEgressTests.DefaultEgressMonthly;

    /// <summary>EC2's default month without internet egress (<see cref="EstimatorTests"/>), for the tests that leave egress out.</summary>
    private const decimal Ec2Monthly = 498.798984375m;

    /// <summary>The default scenario with no bytes to clients, for verdict tests that are about the other lines.</summary>
    private static readonly Scenario NoEgress = Scenario.Default with { ClientBytesPerConnectionPerSecond = 0 };

    [Fact]
    public void Fixture_FargateRates_AreTheSnapshotFigures()
    {
        Assert.Equal(0.04048m, Fixture.Services.FargateUsdPerVcpuHour);
        Assert.Equal(0.004445m, Fixture.Services.FargateUsdPerGbHour);
        Assert.Equal(0.10m, Fixture.Services.EksClusterUsdPerHour);
        Assert.Equal(PodUsdPerHour, (1 * 0.04048m) + (4 * 0.004445m));
        Assert.Equal(AddOnPodUsdPerHour, (0.25m * 0.04048m) + (0.5m * 0.004445m));
        Assert.Equal(511.378459375m, BeforeEgress);
    }

    [Fact]
    public void FargateShape_DefaultPodAndAddOnPod_AreOneVcpuFourGbAndAQuarterVcpuHalfGb()
    {
        Assert.Equal(new FargateShape(1, 4), FargateShape.For(1000, 3072));
        Assert.Equal(new FargateShape(0.25, 0.5), FargateShape.For(100, 114));
    }

    [Fact]
    public void Estimate_DefaultScenario_SizesFargatePodsByHand()
    {
        var fargate = Fixture.Estimate(Scenario.Default)[PathIds.EksFargate];

        Assert.Equal("EKS on Fargate", fargate.Name);
        Assert.Equal("Fargate 1 vCPU / 4 GB", fargate.MachineType);
        Assert.Equal("Fargate pod", fargate.MachineKind);
        Assert.True(fargate.Feasible);
        Assert.Equal(3_072, fargate.VmMemoryMiB);
        Assert.Equal(1, fargate.VmCpuCores, 12);
        Assert.Equal(1, fargate.VmSchedulers);
        Assert.Equal(74_986, fargate.MemoryBoundConnectionsPerVm);
        Assert.Equal(54_517, fargate.CpuBoundConnectionsPerVm);
        Assert.Equal(54_517, fargate.ConnectionsPerVm);
        Assert.Equal(BindingResource.Cpu, fargate.Binding);
        Assert.Equal(3, fargate.Vms);
        Assert.Equal(3, fargate.Machines);
        Assert.Equal(0, fargate.SystemNodes);
        Assert.Equal(1, fargate.VmsPerMachine);
        Assert.Equal(0.2, fargate.RemoteMessageShare, 12);
        Assert.Equal(3, fargate.MeshConnections);
    }

    [Fact]
    public void Estimate_DefaultScenario_FargateCostLinesMatchHandWorkedPrices()
    {
        var estimate = Fixture.Estimate(Scenario.Default);
        var fargate = estimate[PathIds.EksFargate];
        var ec2 = estimate[PathIds.Ec2];

        Assert.Equal(
            [CostKind.Compute, CostKind.SystemNodes, CostKind.ControlPlane, CostKind.LoadBalancer, CostKind.CrossAzTransfer, CostKind.InternetEgress],
            fargate.CostLines.Select(l => l.Kind));
        Assert.Equal(3 * PodUsdPerHour * 730, fargate.Line(CostKind.Compute).MonthlyUsd);
        Assert.Equal(Compute, fargate.Line(CostKind.Compute).MonthlyUsd);
        Assert.Contains("3 BEAM pods of 1 vCPU / 4 GB", fargate.Line(CostKind.Compute).Detail, StringComparison.Ordinal);
        Assert.Equal(3 * AddOnPodUsdPerHour * 730, fargate.Line(CostKind.SystemNodes).MonthlyUsd);
        Assert.Equal(AddOns, fargate.Line(CostKind.SystemNodes).MonthlyUsd);
        Assert.Contains("0.25 vCPU / 0.5 GB", fargate.Line(CostKind.SystemNodes).Detail, StringComparison.Ordinal);
        Assert.Equal(ControlPlane, fargate.Line(CostKind.ControlPlane).MonthlyUsd);

        // The same traffic as EC2's on as many BEAM machines (3 pods, 3 instances): EC2's lines, name and amount.
        foreach (var kind in new[] { CostKind.LoadBalancer, CostKind.CrossAzTransfer, CostKind.InternetEgress })
        {
            Assert.Equal(ec2.Line(kind).Name, fargate.Line(kind).Name);
            Assert.Equal(ec2.Line(kind).MonthlyUsd, fargate.Line(kind).MonthlyUsd);
            Assert.Equal(ec2.Line(kind).Detail, fargate.Line(kind).Detail);
        }

        Assert.Equal(Alb, fargate.Line(CostKind.LoadBalancer).MonthlyUsd, 6);
        Assert.Equal(CrossAz, fargate.Line(CostKind.CrossAzTransfer).MonthlyUsd, 6);
        Assert.Equal(InternetEgressTests.DefaultEgressMonthly, fargate.Line(CostKind.InternetEgress).MonthlyUsd, 6);
        Assert.Equal(Total, fargate.MonthlyUsd, 6);
        Assert.Equal(fargate.CostLines.Sum(l => l.MonthlyUsd), fargate.MonthlyUsd);
        Assert.Equal(fargate.MonthlyUsd, estimate.Projection[PathIds.EksFargate].MonthlyUsd[0]);
    }

    [Theory]
    // clusters × (0.10 | 0.60) × 730, as on EKS nodes.
    [InlineData(1, SupportTier.Standard, 73)]
    [InlineData(1, SupportTier.Extended, 438)]
    [InlineData(3, SupportTier.Standard, 219)]
    public void Estimate_FargateControlPlane_IsClustersTimesHourlyRateTimes730(int clusters, SupportTier tier, int expected)
    {
        var fargate = Fixture.Estimate(Scenario.Default with { Clusters = clusters, SupportTier = tier })[PathIds.EksFargate];

        Assert.Equal(expected, fargate.Line(CostKind.ControlPlane).MonthlyUsd);
    }

    [Fact]
    public void Estimate_FargateMemorySplit_AddsUpToTheProvisionedShape()
    {
        // 4 GB = 4,096 MiB: 256 Fargate agents + 100 BEAM base + 100,000 / 3 × 28 / 1024 = 911.46 MiB of connections + headroom.
        var fargate = Fixture.Estimate(Scenario.Default)[PathIds.EksFargate];

        var slices = fargate.Memory.Slices.ToDictionary(s => s.Name, s => s.Amount);
        Assert.Equal(256, slices["Fargate agents (256 MiB)"]);
        Assert.Equal(100, slices["BEAM base"]);
        Assert.Equal(100_000.0 / 3 * 28 / 1024, slices["Connections"], 9);
        Assert.Equal(4_096, fargate.Memory.Slices.Sum(s => s.Amount), 9);
    }

    [Fact]
    public void Estimate_DefaultScenarioWithoutGrowth_VerdictComparesThreePaths()
    {
        // Without internet egress (it is the same on every path and would only dilute the percentage), every month
        // alike: EC2 $498.798984, EKS on Fargate $511.378459 (+$12.579475), EKS $571.798984 (+$73).
        // EC2 saves 36 × $12.579475 = $452.86 → "$453" against Fargate, the next cheapest; 12.579475 / 511.378459 = 2.46 % → "2.5 %".
        // The three paths before ECS (EcsPathTests compares all five).
        var estimate = Fixture.Estimate(NoEgress with { GrowthPercentPerMonth = 0, HiddenPaths = Fixture.WithoutEcs });
        var verdict = estimate.Verdict;

        Assert.Equal(PathIds.Ec2, verdict.CheapestPath);
        Assert.Equal(PathIds.EksFargate, verdict.RunnerUpPath);
        Assert.Equal(PathIds.Ec2, verdict.Month1CheapestPath);
        Assert.Equal(36 * (BeforeEgress - Ec2Monthly), verdict.HorizonSavingUsd, 6);
        Assert.Equal((double)((BeforeEgress - Ec2Monthly) / BeforeEgress * 100), verdict.HorizonSavingPercent, 6);
        Assert.Equal(
            "EC2 saves $453 (2.5 %) over 36 months against EKS on Fargate, the next cheapest; no other path is cheaper in any month.",
            verdict.Summary);
        Assert.Equal(BeforeEgress - Ec2Monthly, estimate.Comparison(PathIds.EksFargate).Month1DifferenceUsd!.Value, 6);
        Assert.Equal(73m, estimate.Comparison(PathIds.Eks).Month1DifferenceUsd!.Value, 6);
        Assert.Equal(36 * 73m, estimate.Comparison(PathIds.Eks).HorizonDifferenceUsd!.Value, 6);
    }

    [Fact]
    public void Estimate_OnlyFargateShown_CostsItAlone()
    {
        // One month: $511.378459 + $2,123.088368 internet egress = $2,634.466827 → "$2,634".
        var scenario = Scenario.Default with { HiddenPaths = PathList.Of([PathIds.Ec2, PathIds.Eks, PathIds.EcsEc2, PathIds.EcsFargate]), HorizonMonths = 1 };

        var estimate = Fixture.Estimate(scenario);

        Assert.Equal([PathIds.EksFargate], estimate.Paths.Select(p => p.Id));
        Assert.Equal(Total, estimate[PathIds.EksFargate].MonthlyUsd, 6);
        Assert.Null(estimate.Verdict.CheapestPath);
        Assert.Equal("EKS on Fargate (the only path shown) costs $2,634 over 1 month.", estimate.Verdict.Summary);
    }

    /// <summary>120 GiB + 256 MiB = 120.25 GB: more than the largest shape, 16 vCPU / 120 GB. Pods on nodes (one per node) do not use the pod size.</summary>
    private static readonly Scenario PodBeyondFargate = NoEgress with { PodMemoryMiB = 120 * 1024, GrowthPercentPerMonth = 0, HiddenPaths = Fixture.WithoutEcs };

    [Fact]
    public void Estimate_PodBeyondTheLargestShape_MakesOnlyFargateInfeasible()
    {
        Assert.Null(FargateShape.For(1000, 120 * 1024));

        var estimate = Fixture.Estimate(PodBeyondFargate);
        var fargate = estimate[PathIds.EksFargate];

        Assert.True(estimate[PathIds.Ec2].Feasible);
        Assert.True(estimate[PathIds.Eks].Feasible);
        Assert.False(fargate.Feasible);
        Assert.Equal("Fargate", fargate.MachineType);
        Assert.Equal(0, fargate.Machines);
        Assert.Empty(fargate.CostLines);
        Assert.Equal(0m, fargate.MonthlyUsd);

        var warning = Assert.Single(estimate.Warnings, w => w.Code == "eks-fargate-infeasible");
        Assert.Equal(PathIds.EksFargate, warning.Path);
        Assert.Contains("16 vCPU, 120 GB", warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(estimate.Warnings, w => w.Code is "ec2-infeasible" or "eks-infeasible");

        var series = estimate.Projection[PathIds.EksFargate];
        Assert.All(series.MonthlyUsd, m => Assert.Null(m));
        Assert.All(series.CumulativeUsd, m => Assert.Null(m));
        Assert.All(series.Machines, m => Assert.Equal(0, m));
        Assert.All(estimate.Projection[PathIds.Ec2].MonthlyUsd, m => Assert.NotNull(m));
        Assert.All(estimate.Projection[PathIds.Eks].MonthlyUsd, m => Assert.NotNull(m));
    }

    [Fact]
    public void Estimate_PodBeyondTheLargestShape_VerdictNamesTheOtherTwo()
    {
        // Without growth (and without internet egress) EKS costs EC2 + $73 every month: 36 × 73 = $2,628; 73 / 571.798984 = 12.8 % → "13 %".
        var estimate = Fixture.Estimate(PodBeyondFargate);
        var verdict = estimate.Verdict;

        Assert.Equal(PathIds.Ec2, verdict.CheapestPath);
        Assert.Equal(PathIds.Eks, verdict.RunnerUpPath);
        Assert.Equal(PathIds.Ec2, verdict.Month1CheapestPath);
        Assert.Equal(36 * 73m, verdict.HorizonSavingUsd, 6);
        Assert.Equal(
            "EC2 saves $2,628 (13 %) over 36 months; EKS is never cheaper. EKS on Fargate cannot run these inputs (see its warning).",
            verdict.Summary);
        var fargate = estimate.Comparison(PathIds.EksFargate);
        Assert.Null(fargate.HorizonUsd);
        Assert.Null(fargate.Month1Usd);
        Assert.Null(fargate.HorizonDifferenceUsd);
        Assert.Null(fargate.Month1DifferenceUsd);
        Assert.Null(fargate.BreakEvenMonth);
    }
}
