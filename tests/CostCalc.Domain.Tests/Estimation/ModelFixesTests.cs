using System.Globalization;
using CostCalc.Domain.Catalog;
using CostCalc.Domain.Estimation;
using CostCalc.Domain.Prices;
using CostCalc.Domain.Scenarios;
using CostCalc.Domain.Tests.TestSupport;

namespace CostCalc.Domain.Tests.Estimation;

/// <summary>
/// One worked example per fix of the capacity and cost model, each computed by hand from the public
/// figures (the fixture's specs and us-east-1 prices), never from the code's output. Figures used
/// throughout:
/// <list type="bullet">
/// <item>m6i.large: 2 vCPU, 8192 MiB, 29 max pods. VM overhead ⌈8192 × 0.075⌉ = 615 → 7,577 MiB visible;
/// kube-reserved 60 + 10 = 70 m and 11 × 29 + 255 = 574 MiB; eviction 100 MiB → allocatable 1,930 m / 6,903 MiB.</item>
/// <item>c5.4xlarge: 16 vCPU, 32768 MiB, 234 max pods. VM overhead ⌈32768 × 0.075⌉ = 2,458 → 30,310 MiB;
/// kube-reserved 60 + 10 + 10 + 0.25 % × 12,000 = 110 m and 11 × 234 + 255 = 2,829 MiB; eviction 100 →
/// allocatable 15,890 m / 27,381 MiB.</item>
/// <item>Default DaemonSets: host agents 250 m / 250 MiB / 2 pods + node components 180 m / 104 MiB / 3 pods
/// = 430 m / 354 MiB / 5 pods. So m6i.large keeps 1,500 m / 6,549 MiB / 24 slots, c5.4xlarge 15,460 m /
/// 27,027 MiB / 229 slots.</item>
/// <item>Add-ons: 3 pods of ⌈300 / 3⌉ = 100 m and ⌈340 / 3⌉ = 114 MiB.</item>
/// <item>Default CPU per connection with ≥ 2 VMs: 0.2 msg/s × (50 + 0.2 × 70) µs = 12.8 µs/s of messages + 20 new conn/s
/// ÷ 100,000 × 200 µs of set-ups (no TLS on the VMs behind the ALB) = 0.04 → 12.84 µs/s.</item>
/// </list>
/// t3.nano and t4g.large are not in the shared fixture; <see cref="Extended"/> adds them with their
/// published specs and us-east-1 on-demand prices.
/// </summary>
public class ModelFixesTests
{
    /// <summary>t3.nano: 2 vCPU, 512 MiB, 5 % baseline, 2 ENIs × 2 IPv4, 4 max pods (eni-max-pods.txt).</summary>
    private static readonly InstanceType T3Nano = Fixture.Type("t3.nano", 2, 512, CpuArchitecture.X64, true, true, 0.05, 2, 2, 4);

    /// <summary>t4g.large: 2 vCPU, 8192 MiB, arm64, 30 % baseline, 3 ENIs × 12 IPv4, 35 max pods.</summary>
    private static readonly InstanceType T4gLarge = Fixture.Type("t4g.large", 2, 8192, CpuArchitecture.Arm64, true, true, 0.30, 3, 12, 35);

    /// <summary>The fixture's catalog and us-east-1 prices plus t3.nano ($0.0052/h) and t4g.large ($0.0672/h).</summary>
    private static readonly Estimator Extended = new(
        new InstanceCatalog([.. Fixture.AllTypes, T3Nano, T4gLarge], Fixture.Catalog.Origin),
        new PriceBook("test-snapshot", "hand-built test fixture", Fixture.InstancePricesAsOf,
        [
            new RegionPrices(
                new Region(Fixture.Region, "US East (N. Virginia)"),
                new Dictionary<string, InstancePrice>(Fixture.UsEast1InstancePrices)
                {
                    ["t3.nano"] = new(0.0052m, null, null, null, null, null),
                    ["t4g.large"] = new(0.0672m, null, null, null, null, null),
                },
                Fixture.Gp3,
                Fixture.Services,
                Fixture.UsEast1Origins),
        ]));

    private static Estimate EstimateExtended(Scenario scenario) => Extended.Estimate(scenario, Fixture.Today);

    // ---- 1. Schedulers under a CPU limit; a fixed-size pod is credited its share of the node ----

    [Theory]
    // Limit 4,000 m: schedulers = min(max(1, ⌊4000 / 1000⌋), 16) = 4; the 10 % throttling penalty applies.
    [InlineData(4000, 10.0, 4, 0.9)]
    [InlineData(4000, 0.0, 4, 1.0)]
    // No limit: one scheduler per node vCPU (16); no limit, so no throttling penalty either.
    [InlineData(0, 10.0, 16, 1.0)]
    public void Estimate_FixedPodsSharingANode_CreditsEachPodItsShareNotItsLimit(
        int limit, double penaltyPercent, int schedulers, double throttleFactor)
    {
        // c5.4xlarge keeps 15,460 m / 27,027 MiB / 229 slots after the DaemonSets (see above).
        // Pods of 500 m / 4,096 MiB: by slots 229, by CPU ⌊15,460 / 500⌋ = 30, by memory ⌊27,027 / 4,096⌋ = 6 → 6 per node.
        // Share of the free CPU = 15.46 / 6 = 2.5767 cores < limit 4 and < schedulers → credited 2.5767 (the old model: 4).
        var scenario = Scenario.Default with
        {
            EksNodeInstanceType = "c5.4xlarge",
            PodLayout = PodLayout.FixedPodSize,
            PodCpuRequestMillicores = 500,
            PodCpuLimitMillicores = limit,
            PodMemoryMiB = 4096,
            ThrottlingPenaltyPercent = penaltyPercent,
        };

        var eks = Fixture.Estimate(scenario)[PathIds.Eks];

        Assert.True(eks.Feasible);
        Assert.Equal(6, eks.VmsPerMachine);
        Assert.Equal(schedulers, eks.VmSchedulers);
        Assert.Equal(15.46 / 6 * throttleFactor, eks.VmCpuCores, 9);
    }

    // ---- 2. Add-ons are packed as small pods into the room BEAM pods leave ----

    /// <summary>8 BEAM pods of 4,000 m / 8,192 MiB on c5.4xlarge, no spare: minimum 8, 1,000 connections need 1 VM.</summary>
    private static readonly Scenario EightLargePodsOnC54xlarge = Scenario.Default with
    {
        PeakConnections = 1_000,
        MinimumInstances = 8,
        SpareInstances = 0,
        EksNodeInstanceType = "c5.4xlarge",
        PodLayout = PodLayout.FixedPodSize,
        PodCpuRequestMillicores = 4000,
        PodCpuLimitMillicores = 4000,
        PodMemoryMiB = 8192,
    };

    [Fact]
    public void Estimate_AddOnsFitBesideFullBeamNodes_NeedNoExtraNode()
    {
        // Per node min(229 slots, ⌊15,460 / 4,000⌋ = 3, ⌊27,027 / 8,192⌋ = 3) = 3 → ⌈8 / 3⌉ = 3 BEAM nodes (3, 3, 2).
        // A full node keeps 15,460 − 12,000 = 3,460 m and 27,027 − 24,576 = 2,451 MiB: min(226, 34, 21) = 21 add-on
        // pods of 100 m / 114 MiB, so the 3 add-on pods fit on the first full node. 3 nodes in all (the old model: ⌈11 / 3⌉ = 4).
        var eks = Fixture.Estimate(EightLargePodsOnC54xlarge)[PathIds.Eks];

        Assert.True(eks.Feasible);
        Assert.Equal(3, eks.VmsPerMachine);
        Assert.Equal(8, eks.Vms);
        Assert.Equal(3, eks.Machines);
        Assert.Equal(0, eks.SystemNodes);
        Assert.Equal(3 * 0.68m * 730, eks.Line(CostKind.Compute).MonthlyUsd);
        Assert.False(eks.HasLine(CostKind.SystemNodes));
    }

    // ---- 3. One pod per node: add-ons on the BEAM nodes, or on a system node group ----

    [Theory]
    // Add-on pods per BEAM node = min(3, ⌈3 / (minimum + spare)⌉); each takes 114 MiB from the BEAM pod's 6,549 MiB.
    [InlineData(2, 1, 6_549 - 114)] // ⌈3 / 3⌉ = 1 → 6,435 MiB
    [InlineData(2, 0, 6_549 - 228)] // ⌈3 / 2⌉ = 2 → 6,321 MiB
    [InlineData(1, 0, 6_549 - 342)] // ⌈3 / 1⌉ = 3 → 6,207 MiB
    [InlineData(3, 3, 6_549 - 114)] // ⌈3 / 6⌉ = 1 → 6,435 MiB
    public void Estimate_OnePodPerNodeWithAddOnsOnBeamNodes_GivesUpMemoryNotCpu(int minimum, int spare, double podMemoryMiB)
    {
        // CPU stays 1,500 m (the pod has no limit, so the add-ons' 100 m requests are not lost); 2 schedulers (2 vCPU).
        var scenario = Scenario.Default with { MinimumInstances = minimum, SpareInstances = spare };

        var eks = Fixture.Estimate(scenario)[PathIds.Eks];

        Assert.True(eks.Feasible);
        Assert.Equal(podMemoryMiB, eks.VmMemoryMiB);
        Assert.Equal(1.5, eks.VmCpuCores, 12);
        Assert.Equal(2, eks.VmSchedulers);
        Assert.Equal(0, eks.SystemNodes);
        Assert.False(eks.HasLine(CostKind.SystemNodes));
    }

    [Theory]
    [InlineData(PurchaseOption.OnDemand, 0.096, 0.0416)]
    [InlineData(PurchaseOption.ReservedStandard1Year, 0.0635, 0.0261)]
    public void Estimate_AddOnsOnSystemNodes_PricesTheirOwnNodeGroupAtTheEksPurchaseOption(
        PurchaseOption option, double beamUsdPerHour, double systemUsdPerHour)
    {
        // t3.medium: 4096 − ⌈307.2⌉ = 3,788 MiB; kube-reserved 70 m and 11 × 17 + 255 = 442 MiB; eviction 100
        // → 1,930 m / 3,246 MiB; after DaemonSets 1,500 m / 2,892 MiB / 12 slots → min(12, 15, 25) = 12 add-on pods.
        // System nodes = max(2, ⌈3 / 12⌉) = 2. BEAM pods keep the whole 6,549 MiB / 1.5 cores: CPU-bound
        // ⌊1.5 × 10⁶ × 0.7 / 12.84⌋ = ⌊81,775.7⌋ = 81,775 → max(2, ⌈100,000 / 81,775⌉) + 1 spare = 3 BEAM nodes; 5 machines.
        var scenario = Scenario.Default with { AddOnPlacement = AddOnPlacement.SystemNodes, EksPurchaseOption = option };

        var eks = Fixture.Estimate(scenario)[PathIds.Eks];

        Assert.True(eks.Feasible);
        Assert.Equal(6_549, eks.VmMemoryMiB);
        Assert.Equal(81_775, eks.CpuBoundConnectionsPerVm);
        Assert.Equal(3, eks.Vms);
        Assert.Equal(2, eks.SystemNodes);
        Assert.Equal(5, eks.Machines);
        Assert.Equal(2 * (decimal)systemUsdPerHour * 730, eks.Line(CostKind.SystemNodes).MonthlyUsd);
        Assert.Equal(3 * (decimal)beamUsdPerHour * 730, eks.Line(CostKind.Compute).MonthlyUsd);
        Assert.Equal(5 * 20 * 0.08m, eks.Line(CostKind.Storage).MonthlyUsd);
    }

    // ---- 4. Host agents cost both paths ----

    [Fact]
    public void Estimate_HostAgents_TakeMemoryAndCpuFromTheEc2VmToo()
    {
        // EC2 m6i.large: 8192 − 615 VM overhead − 300 OS − 250 host agents = 7,027 MiB; 2 − 0.25 = 1.75 cores.
        // Memory-bound ⌊(7,027 × 0.7 − 100) × 1024 / 28⌋ = ⌊176,234.06⌋ = 176,234; CPU-bound ⌊1.75 × 10⁶ × 0.7 / 12.84⌋ = ⌊95,404.98⌋ = 95,404.
        // EKS: 1,930 − 250 − 180 = 1,500 m for the BEAM pod.
        var estimate = Fixture.Estimate(Scenario.Default);

        Assert.Equal(7_027, estimate[PathIds.Ec2].VmMemoryMiB);
        Assert.Equal(1.75, estimate[PathIds.Ec2].VmCpuCores, 12);
        Assert.Equal(176_234, estimate[PathIds.Ec2].MemoryBoundConnectionsPerVm);
        Assert.Equal(95_404, estimate[PathIds.Ec2].CpuBoundConnectionsPerVm);
        Assert.Equal(250, Assert.Single(estimate[PathIds.Ec2].Memory.Slices, s => s.Name == "Host agents").Amount);
        Assert.Equal(250, Assert.Single(estimate[PathIds.Ec2].Cpu.Slices, s => s.Name == "Host agents").Amount);
        Assert.Equal(1.5, estimate[PathIds.Eks].VmCpuCores, 12);
        Assert.Equal(250, Assert.Single(estimate[PathIds.Eks].Memory.Slices, s => s.Name == "Host agents").Amount);
    }

    // ---- 5. Spare capacity is counted in machines ----

    [Fact]
    public void Estimate_OneSpareMachine_AddsAWholeNodeOfPodsOnEks()
    {
        // The 8-pod c5.4xlarge example with 1 spare: EKS pods = 8 + 1 × 3 pods per node = 11 → ⌈11 / 3⌉ = 4 nodes
        // (the 3 add-on pods fit on a full node's leftover as in fix 2). EC2: 8 + 1 = 9 instances.
        var estimate = Fixture.Estimate(EightLargePodsOnC54xlarge with { SpareInstances = 1 });

        Assert.Equal(11, estimate[PathIds.Eks].Vms);
        Assert.Equal(4, estimate[PathIds.Eks].Machines);
        Assert.Equal(9, estimate[PathIds.Ec2].Vms);
        Assert.Equal(9, estimate[PathIds.Ec2].Machines);
    }

    // ---- 6. Cross-AZ transfer ----

    [Fact]
    public void Estimate_DefaultScenario_CrossAzIsTheSameOnEveryPath()
    {
        // Both paths run 3 machines (EC2 ⌈100,000 / 95,404⌉ = 2 + 1; EKS ⌈100,000 / 81,775⌉ = 2 + 1), so Z' = 3, s = 0.2.
        // 100,000 × 0.2 msg/s × 0.2 × 2/3 × 512 B × 2,628,000 s / 2³⁰ = 3,341.67 GB; × $0.01 × 2 = $66.8335.
        var estimate = Fixture.Estimate(Scenario.Default);

        // EKS on Fargate runs 3 pods too (⌈100,000 / 54,517⌉ = 2 + 1; see fix 12), so the same figure; so do ECS on EC2
        // (⌈100,000 / 89,953⌉ = 2 + 1 instances, docs/model.md §11.2) and ECS on Fargate (the 1 vCPU task's 54,517, §11.4).
        Assert.Equal(5, estimate.Paths.Count);
        foreach (var path in estimate.Paths)
        {
            Assert.Equal(3, path.Machines - path.SystemNodes);
            Assert.Equal(0.2, path.RemoteMessageShare, 12);
            var line = path.Line(CostKind.CrossAzTransfer);
            Assert.Equal(66.8335m, line.MonthlyUsd, 4);
            Assert.Contains("3,341.7 GB", line.Detail, StringComparison.Ordinal);
        }
    }

    // ---- 7. NAT gateways ----

    [Fact]
    public void Estimate_NatGateways_ArePricedIdenticallyOnEveryPath()
    {
        // 3 gateways × $0.045 × 730 h = $98.55, + 1,000 GB × $0.045 = $45 → $143.55 on each path.
        var estimate = Fixture.Estimate(Scenario.Default with { NatGateways = 3, NatProcessedGbPerMonth = 1_000 });

        Assert.Equal(143.55m, estimate[PathIds.Ec2].Line(CostKind.NatGateway).MonthlyUsd);
        Assert.Equal(143.55m, estimate[PathIds.Eks].Line(CostKind.NatGateway).MonthlyUsd);
        Assert.Equal(143.55m, estimate[PathIds.EksFargate].Line(CostKind.NatGateway).MonthlyUsd);
    }

    // ---- 8. CPU credits ----

    [Fact]
    public void Estimate_UnlimitedBurstable_ChargesSurplusOverBaselineIncludingAgents()
    {
        // 0.2 msg/s × 500 µs, no remote sends, + set-ups 20 ÷ 100,000 × 200 µs = 0.04: 100.04 µs per connection-second;
        // 100,000 connections keep 10.004 cores busy.
        // EC2 t3.large (unlimited): 2 − 0.25 = 1.75 cores, ⌊1.75 × 10⁶ × 0.7 / 100.04⌋ = 12,245 per VM → ⌈8.17⌉ = 9 + 1 = 10.
        //   Per instance 10.004 / 10 + 0.25 agents = 1.2504 cores vs a 0.3 × 2 = 0.6 baseline: 0.6504 × 10 × $0.05 × 730 = $237.396.
        // EKS t3.large: 1,930 − 430 = 1,500 m → ⌊1,050,000 / 100.04⌋ = 10,495 per pod → ⌈9.53⌉ = 10 + 1 = 11 nodes.
        //   Per node 10.004 / 11 + 0.43 DaemonSets − 0.6 = 0.73945 surplus; × 11 = 8.134 vCPU × $0.05 × 730 = $296.891.
        // EC2 t4g.large (arm64): same 1.75 cores and 10 instances, Graviton rate: 0.6504 × 10 × $0.04 × 730 = $189.9168.
        var scenario = Scenario.Default with
        {
            Ec2InstanceType = "t3.large",
            EksNodeInstanceType = "t3.large",
            CpuMicrosecondsPerMessage = 500,
            RemoteMessagePercent = 0,
            BurstableUnlimited = true,
        };

        var x86 = EstimateExtended(scenario);
        var arm = EstimateExtended(scenario with { Ec2InstanceType = "t4g.large" });

        Assert.Equal(10, x86[PathIds.Ec2].Machines);
        Assert.Equal(237.396m, x86[PathIds.Ec2].Line(CostKind.CpuCredits).MonthlyUsd, 6);
        Assert.Equal(11, x86[PathIds.Eks].Machines);
        Assert.Equal(296.891m, x86[PathIds.Eks].Line(CostKind.CpuCredits).MonthlyUsd, 6);
        Assert.Equal(10, arm[PathIds.Ec2].Machines);
        Assert.Equal(189.9168m, arm[PathIds.Ec2].Line(CostKind.CpuCredits).MonthlyUsd, 6);
    }

    // ---- 9. EC2 deploys restart instances by default ----

    [Fact]
    public void Estimate_DefaultEc2Deploy_IsARollingRestartThatDropsEveryConnectionPerDeploy()
    {
        // 8 deploys × 100,000 connections = 800,000 dropped; 8 × 3 instances = 24 restarts (the deploy cause;
        // OS/AMI patching adds its own, docs/model.md §6).
        var estimate = Fixture.Estimate(Scenario.Default);

        Assert.Equal(Ec2DeployMethod.RollingRestart, Scenario.Default.Ec2DeployMethod);
        var deploys = estimate[PathIds.Ec2].Disruption.Find(DropCauses.Deploys)!;
        Assert.Equal(800_000, deploys.ConnectionsDroppedPerMonth);
        Assert.Equal(24, deploys.VmRestartsPerMonth);
    }

    // ---- 10. The verdict over the horizon ----

    [Fact]
    public void Estimate_DefaultScenario_VerdictSaysEc2SavesTheHorizonDifference()
    {
        // Month 1: both paths run 3 m6i.large with the same volumes, ALB and cross-AZ; EKS adds the control plane,
        // $0.10 × 730 = $73.00. EKS pods hold fewer connections (81,775 vs 95,404 CPU-bound), so EKS never needs fewer
        // machines as connections grow, and it pays the control plane every month: EKS is never cheaper.
        // EKS on Fargate is hidden: the two-path comparison and its sentence.
        // Without internet egress: the same amount on both paths, it would only shrink the percentage below 10 %.
        var estimate = Fixture.Estimate(Scenario.Default with { HiddenPaths = Fixture.OnlyEc2AndEks, ClientBytesPerConnectionPerSecond = 0 });
        var verdict = estimate.Verdict;
        var ec2 = estimate.Projection[PathIds.Ec2];
        var eks = estimate.Projection[PathIds.Eks];

        Assert.Equal(73.00m, eks.MonthlyUsd[0]!.Value - ec2.MonthlyUsd[0]!.Value, 6);
        Assert.Equal(36, estimate.Projection.Months);
        Assert.Equal(PathIds.Ec2, verdict.CheapestPath);
        Assert.Equal(PathIds.Eks, verdict.RunnerUpPath);
        Assert.Equal(PathIds.Ec2, verdict.Month1CheapestPath);
        Assert.Empty(verdict.FlipMonths);
        var saving = eks.CumulativeUsd[^1]!.Value - ec2.CumulativeUsd[^1]!.Value;
        Assert.Equal(saving, verdict.HorizonSavingUsd);
        Assert.Equal(saving, estimate.Comparison(PathIds.Eks).HorizonDifferenceUsd);
        Assert.True(saving >= 36 * 73m, $"saving {saving}");
        Assert.Equal((double)(saving / eks.CumulativeUsd[^1]!.Value * 100), verdict.HorizonSavingPercent, 9);
        Assert.Matches(@"^EC2 saves \$\d{1,3}(,\d{3})* \(\d+ %\) over 36 months; EKS is never cheaper\.$", verdict.Summary);
        Assert.StartsWith(string.Create(CultureInfo.InvariantCulture, $"EC2 saves ${Math.Round(saving):#,0} ("), verdict.Summary, StringComparison.Ordinal);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"({verdict.HorizonSavingPercent:0} %)"), verdict.Summary, StringComparison.Ordinal);
    }

    // ---- 11. No sentinels ----

    [Fact]
    public void Estimate_NoMessages_HasNoCpuBoundAtAll()
    {
        // No messages and set-ups that cost nothing: no CPU per connection, so no CPU bound (null, not a huge
        // number); memory binds. (The set-up is zeroed because this test is about the null bound; with the default
        // 200 µs set-ups there is a CPU bound, see the next test.)
        // EC2 memory-bound 176,234 (fix 4): ⌈100,000 / 176,234⌉ = 1 → max(2, 1) + 1 = 3 instances.
        var estimate = Fixture.Estimate(Scenario.Default with { MessagesPerConnectionPerSecond = 0, ConnectionSetupCpuMicroseconds = 0 });

        Assert.All(estimate.Paths, p => Assert.Null(p.CpuBoundConnectionsPerVm));
        Assert.All(estimate.Paths, p => Assert.Equal(BindingResource.Memory, p.Binding));
        Assert.Equal(176_234, estimate[PathIds.Ec2].ConnectionsPerVm);
        Assert.Equal(3, estimate[PathIds.Ec2].Machines);
        Assert.Equal(0m, estimate[PathIds.Ec2].Line(CostKind.CrossAzTransfer).MonthlyUsd);
    }

    [Fact]
    public void Estimate_NoMessagesButDefaultSetUps_HasAFarCpuBound()
    {
        // Silent connections still cost their set-ups: 20 new conn/s ÷ 100,000 × 200 µs = 0.04 µs per
        // connection-second. EC2 1,225,000 ÷ 0.04 = 30,625,000; EKS 1,050,000 ÷ 0.04 = 26,250,000; Fargate
        // 700,000 ÷ 0.04 = 17,500,000 — all far above memory, which still binds.
        var estimate = Fixture.Estimate(Scenario.Default with { MessagesPerConnectionPerSecond = 0 });

        Assert.Equal(30_625_000, estimate[PathIds.Ec2].CpuBoundConnectionsPerVm);
        Assert.Equal(26_250_000, estimate[PathIds.Eks].CpuBoundConnectionsPerVm);
        Assert.Equal(17_500_000, estimate[PathIds.EksFargate].CpuBoundConnectionsPerVm);
        Assert.All(estimate.Paths, p => Assert.Equal(BindingResource.Memory, p.Binding));
        Assert.Equal(176_234, estimate[PathIds.Ec2].ConnectionsPerVm);
    }

    [Fact]
    public void Estimate_EksNodeTooSmallForItsDaemonSets_IsInfeasibleWithoutSentinels()
    {
        // t3.nano: 512 − ⌈38.4⌉ = 473 MiB visible; kube-reserved 11 × 4 + 255 = 299 MiB; eviction 100 → 74 MiB
        // allocatable, less 354 MiB of DaemonSets → nothing left (and 4 max pods < 5 DaemonSet pods).
        // EKS on Fargate is hidden: EC2 against EKS on nodes, as the fix was made.
        var estimate = EstimateExtended(Scenario.Default with { EksNodeInstanceType = "t3.nano", HiddenPaths = Fixture.OnlyEc2AndEks });
        var eks = estimate[PathIds.Eks];

        Assert.True(estimate[PathIds.Ec2].Feasible);
        Assert.False(eks.Feasible);
        Assert.Equal(0m, eks.MonthlyUsd);
        Assert.Empty(eks.CostLines);
        Assert.Equal(0, eks.Machines);
        Assert.Null(estimate.Verdict.Month1CheapestPath);
        var comparison = estimate.Comparison(PathIds.Eks);
        Assert.Null(comparison.Month1DifferenceUsd);
        Assert.Null(comparison.HorizonDifferenceUsd);
        Assert.All(estimate.Projection[PathIds.Eks].MonthlyUsd, m => Assert.Null(m));
        Assert.All(estimate.Projection[PathIds.Eks].CumulativeUsd, m => Assert.Null(m));
        Assert.All(estimate.Projection[PathIds.Ec2].MonthlyUsd, m => Assert.NotNull(m));
        Assert.Null(estimate.Verdict.CheapestPath);
        var ec2Total = estimate.Projection[PathIds.Ec2].CumulativeUsd[^1]!.Value;
        Assert.Equal(
            string.Create(CultureInfo.InvariantCulture,
                $"Only EC2 can run these inputs; it costs ${Math.Round(ec2Total):#,0} over 36 months. EKS cannot run these inputs (see its warning)."),
            estimate.Verdict.Summary);
        var warning = Assert.Single(estimate.Warnings, w => w.Code == "eks-infeasible");
        Assert.Equal(PathIds.Eks, warning.Path);
        Assert.Contains("t3.nano", warning.Message, StringComparison.Ordinal);
        Assert.Contains("74 MiB", warning.Message, StringComparison.Ordinal);
        Assert.Contains("larger node", warning.Message, StringComparison.Ordinal);
        Assert.All(eks.Memory.Slices.Concat(eks.Cpu.Slices), s =>
            Assert.True(s.Amount >= 0 && double.IsFinite(s.Amount), $"{s.Name} = {s.Amount}"));
        Assert.True(eks.VmCpuCores >= 0 && double.IsFinite(eks.VmCpuCores), $"{eks.VmCpuCores} cores");
    }

    // ---- 12. Fargate with the default layout ----

    [Fact]
    public void Estimate_FargateWithDefaultOnePodPerNodeLayout_GivesAnEstimate()
    {
        // Pod 1,000 m / 3,072 MiB + 256 MiB = 3.25 GB → 1 vCPU / 4 GB: $0.04048 + 4 × $0.004445 = $0.05826/h.
        // 1 scheduler, 1 core: CPU-bound ⌊10⁶ × 0.7 / 12.84⌋ = ⌊54,517.1⌋ = 54,517 → max(2, ⌈1.83⌉) + 1 = 3 pods: 3 × 0.05826 × 730 = $127.5894.
        // Add-ons: 100 m / 114 MiB + 256 → 0.25 vCPU / 0.5 GB = $0.0123425/h × 3 pods × 730 = $27.030075.
        // EKS on Fargate is a path of its own, shown by default: the default scenario sizes it.
        var scenario = Scenario.Default;

        Assert.Equal(PodLayout.OnePodPerNode, scenario.PodLayout);
        Assert.Empty(ScenarioValidator.Validate(scenario, Fixture.Prices, Fixture.Catalog));
        var fargate = Fixture.Estimate(scenario)[PathIds.EksFargate];

        Assert.True(fargate.Feasible);
        Assert.Equal(1, fargate.VmCpuCores, 12);
        Assert.Equal(54_517, fargate.CpuBoundConnectionsPerVm);
        Assert.Equal(3, fargate.Vms);
        Assert.Equal(3, fargate.Machines);
        Assert.Equal(127.5894m, fargate.Line(CostKind.Compute).MonthlyUsd, 6);
        Assert.Equal(27.030075m, fargate.Line(CostKind.SystemNodes).MonthlyUsd, 6);
    }
}
