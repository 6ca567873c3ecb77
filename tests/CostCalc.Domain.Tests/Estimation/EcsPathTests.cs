using CostCalc.Domain.Capacity;
using CostCalc.Domain.Catalog;
using CostCalc.Domain.Estimation;
using CostCalc.Domain.Scenarios;
using CostCalc.Domain.Tests.TestSupport;

namespace CostCalc.Domain.Tests.Estimation;

/// <summary>
/// ECS on EC2 and ECS on Fargate (docs/model.md §11), worked by hand for the default scenario (100,000 connections,
/// m6i.large, 1,024-unit / 3,072 MiB tasks) from the fixture's rates: m6i.large $0.096/h, gp3 $0.08/GB-month,
/// Fargate $0.04048 per vCPU-hour and $0.004445 per GB-hour, Cloud Map $0.10 per registered task a month.
/// <list type="bullet">
/// <item>ECS on EC2, one task per instance: m6i.large 8,192 − ⌈7.5 % × 8,192⌉ = 7,577 MiB visible; − 300 OS − 250 host agents
/// − 200 ECS agent and runtime = 6,827 MiB (registered 7,577 − 0 reserved − 250 agents = 7,327 is more); CPU 2 − 0.25 − 0.1 =
/// 1.65 cores. By memory ⌊(6,827 × 0.7 − 100) × 1024 / 28⌋ = ⌊171,114.06⌋ = 171,114; by CPU ⌊1.65 × 10⁶ × 0.7 / 12.84⌋ =
/// ⌊89,953.27⌋ = 89,953 (12.84 µs/s: 0.2 × (50 + 0.2 × 70) + 20 / 100,000 × 200). Instances max(2, ⌈100,000 / 89,953⌉) + 1 = 3.</item>
/// <item>Its lines: instances 3 × 0.096 × 730 = $210.24 (EC2's); root volumes 3 × 30 GiB × $0.08 = $7.20 (EC2: 3 × 20 = $4.80);
/// Cloud Map 3 × $0.10 = $0.30; ALB, cross-AZ and egress EC2's (3 machines over 3 zones). So ECS on EC2 = EC2 + $2.40 + $0.30.</item>
/// <item>ECS on Fargate: the task 1,024 units = 1 vCPU, 3,072 MiB = 3 GB → the 1 vCPU / 3 GB size, nothing added:
/// 0.04048 + 3 × 0.004445 = $0.053815/h. The VM has 3,072 MiB and 1 core (as EKS on Fargate's pod): 54,517 by CPU → 3 tasks.
/// Compute 3 × 0.053815 × 730 = $117.85485, Cloud Map $0.30, no control plane, no add-on pods.</item>
/// </list>
/// </summary>
public class EcsPathTests
{
    private const decimal Alb = 216.92548828125m;
    private const decimal CrossAz = 66.83349609375m;

    /// <summary>EC2's default month without internet egress (3 × $210.24 / 3 + $4.80 + ALB + cross-AZ, <see cref="EstimatorTests"/>).</summary>
    private const decimal Ec2BeforeEgress = 498.798984375m;

    private const decimal EcsEc2BeforeEgress = Ec2BeforeEgress + 2.40m + 0.30m;

    private const decimal EcsFargateTaskUsdPerHour = 0.053815m;
    private const decimal EcsFargateCompute = 117.85485m;
    private const decimal EcsFargateBeforeEgress = EcsFargateCompute + 0.30m + Alb + CrossAz;

    /// <summary>EKS on Fargate's default month without egress (<see cref="FargatePathTests"/>): pods, add-ons, control plane, ALB, cross-AZ.</summary>
    private const decimal EksFargateBeforeEgress = 511.378459375m;

    /// <summary>c5.large: 2 vCPU, 4,096 MiB, 3 ENIs of 10 IPv4 (ec2-eni-limits-and-bandwidth-karpenter.csv), listed max pods 29.</summary>
    private static readonly InstanceType C5Large = Fixture.Type("c5.large", 2, 4096, CpuArchitecture.X64, false, true, null, 3, 10, 29);

    [Fact]
    public void Fixture_Rates_AreTheCitedFigures()
    {
        Assert.Equal(EcsFargateTaskUsdPerHour, Fixture.Services.FargateUsdPerVcpuHour + (3 * Fixture.Services.FargateUsdPerGbHour));
        Assert.Equal(EcsFargateCompute, 3 * EcsFargateTaskUsdPerHour * 730);
        Assert.Equal(0.10m, EcsService.CloudMapUsdPerInstanceMonth);
        Assert.Equal(2_624.59m, Math.Round(EcsEc2BeforeEgress + InternetEgressTests.DefaultEgressMonthly, 2));
        Assert.Equal(2_525.00m, Math.Round(EcsFargateBeforeEgress + InternetEgressTests.DefaultEgressMonthly, 2));
    }

    [Fact]
    public void EcsOnEc2_DefaultScenario_DiffersFromPlainEc2OnlyByTheAgentTheAmiVolumeAndCloudMap()
    {
        var estimate = Fixture.Estimate(Scenario.Default);
        var ec2 = estimate[PathIds.Ec2];
        var ecs = estimate[PathIds.EcsEc2];

        Assert.Equal("ECS on EC2", ecs.Name);
        Assert.Equal("m6i.large", ecs.MachineType);
        Assert.Equal(6_827, ecs.VmMemoryMiB, 9);
        Assert.Equal(1.65, ecs.VmCpuCores, 9);
        Assert.Equal(2, ecs.VmSchedulers);
        Assert.Equal(171_114, ecs.MemoryBoundConnectionsPerVm);
        Assert.Equal(89_953, ecs.CpuBoundConnectionsPerVm);
        Assert.Equal((3L, 3L, 1L), (ecs.Vms, ecs.Machines, ecs.VmsPerMachine));
        Assert.Equal(95_404, ec2.CpuBoundConnectionsPerVm);

        // Same instances, same shared lines; the root volume is the ECS-optimized AMI's 30 GiB; Cloud Map is ECS's own.
        Assert.Equal(ec2.Line(CostKind.Compute).MonthlyUsd, ecs.Line(CostKind.Compute).MonthlyUsd);
        Assert.Equal(210.24m, ecs.Line(CostKind.Compute).MonthlyUsd);
        Assert.Equal(7.20m, ecs.Line(CostKind.Storage).MonthlyUsd);
        Assert.Equal(4.80m, ec2.Line(CostKind.Storage).MonthlyUsd);
        Assert.Equal(0.30m, ecs.Line(CostKind.ServiceDiscovery).MonthlyUsd);
        foreach (var kind in new[] { CostKind.LoadBalancer, CostKind.CrossAzTransfer, CostKind.InternetEgress })
        {
            Assert.Equal(ec2.Line(kind).MonthlyUsd, ecs.Line(kind).MonthlyUsd);
        }

        Assert.False(ecs.HasLine(CostKind.ControlPlane));
        Assert.Equal(ec2.MonthlyUsd + 2.40m + 0.30m, ecs.MonthlyUsd);
        Assert.Equal(EcsEc2BeforeEgress + InternetEgressTests.DefaultEgressMonthly, ecs.MonthlyUsd, 6);
    }

    [Fact]
    public void EcsOnEc2_DefaultScenario_SplitsTheInstanceWithTheEcsAgent()
    {
        var ecs = Fixture.Estimate(Scenario.Default)[PathIds.EcsEc2];

        var memory = ecs.Memory.Slices.ToDictionary(s => s.Name, s => s.Amount);
        Assert.Equal(615, memory["VM overhead"]);
        Assert.Equal(300, memory["OS"]);
        Assert.Equal(250, memory["Host agents"]);
        Assert.Equal(200, memory["ECS agent and container runtime"]);
        Assert.Equal(100, memory["BEAM base"]);
        Assert.Equal(8_192, ecs.Memory.Slices.Sum(s => s.Amount), 9);
        var cpu = ecs.Cpu.Slices.ToDictionary(s => s.Name, s => s.Amount);
        Assert.Equal(250, cpu["Host agents"]);
        Assert.Equal(100, cpu["ECS agent and container runtime"]);
        // 33,333.3 connections × 12.84 µs = 428 millicores.
        Assert.Equal(100_000.0 / 3 * 12.84 / 1000, cpu["Connections"], 6);
        Assert.Equal(2_000, ecs.Cpu.Slices.Sum(s => s.Amount), 9);
    }

    [Fact]
    public void EcsOnFargate_SameTaskSizeAsTheEksPod_IsBilledWithoutThe256MiB()
    {
        // EKS: 1,000 m / 3,072 MiB + 256 = 3.25 GB → 1 vCPU / 4 GB, $0.05826/h. ECS: 1,024 units / 3,072 MiB → 1 vCPU / 3 GB.
        Assert.Equal(new FargateShape(1, 4), FargateShape.For(1000, 3072));
        Assert.Equal(new FargateShape(1, 3), FargateShape.ForEcsTask(1024, 3072));
        var estimate = Fixture.Estimate(Scenario.Default);
        var eks = estimate[PathIds.EksFargate];
        var ecs = estimate[PathIds.EcsFargate];

        Assert.Equal("Fargate 1 vCPU / 3 GB", ecs.MachineType);
        Assert.Equal("Fargate 1 vCPU / 4 GB", eks.MachineType);
        // The BEAM VM is the same size on both: 3,072 MiB, 1 core, 1 scheduler; so are the counts.
        Assert.Equal((eks.VmMemoryMiB, eks.VmCpuCores, eks.VmSchedulers), (ecs.VmMemoryMiB, ecs.VmCpuCores, ecs.VmSchedulers));
        Assert.Equal(54_517, ecs.ConnectionsPerVm);
        Assert.Equal((3L, 3L), (ecs.Vms, ecs.Machines));

        var compute = ecs.Line(CostKind.Compute);
        Assert.Equal("Fargate tasks", compute.Name);
        Assert.Equal(EcsFargateCompute, compute.MonthlyUsd, 9);
        Assert.Contains("20 GiB ephemeral storage included", compute.Detail, StringComparison.Ordinal);
        Assert.Equal(0.30m, ecs.Line(CostKind.ServiceDiscovery).MonthlyUsd);
        Assert.False(ecs.HasLine(CostKind.ControlPlane));
        Assert.False(ecs.HasLine(CostKind.SystemNodes));
        Assert.Equal(EcsFargateBeforeEgress + InternetEgressTests.DefaultEgressMonthly, ecs.MonthlyUsd, 6);

        // The difference: the control plane $73, the add-on pods $27.030075, the 256 MiB's extra GB on 3 pods
        // 3 × 0.004445 × 730 = $9.73455, less ECS's Cloud Map $0.30.
        Assert.Equal(73m + 27.030075m + 9.73455m - 0.30m, eks.MonthlyUsd - ecs.MonthlyUsd, 6);
        Assert.Equal(EksFargateBeforeEgress - EcsFargateBeforeEgress, eks.MonthlyUsd - ecs.MonthlyUsd, 6);
    }

    [Theory]
    [InlineData(256, 512, 0.25, 0.5)]
    [InlineData(1024, 2048, 1, 2)]   // EKS would bill 2,048 + 256 MiB = 2.25 GB → 3 GB
    [InlineData(1024, 8192, 1, 8)]   // EKS would bill 8.25 GB → 2 vCPU / 9 GB (the EKS guide's example)
    [InlineData(1536, 3000, 2, 4)]   // 1.5 vCPU rounds up to 2 vCPU, whose smallest memory is 4 GB
    [InlineData(8192, 17_000, 8, 20)] // 16.6 GB rounds up in 4 GB steps from 16
    public void FargateShape_EcsTask_IsTheSmallestCombinationWithNothingAdded(int units, int memoryMiB, double vcpu, double gb)
    {
        Assert.Equal(new FargateShape(vcpu, gb), FargateShape.ForEcsTask(units, memoryMiB));
    }

    [Fact]
    public void FargateShape_EcsTaskBeyondTheLargestSize_IsNull()
    {
        Assert.Null(FargateShape.ForEcsTask(16_384, (120 * 1024) + 1));
        Assert.Null(FargateShape.ForEcsTask(16_385, 32 * 1024));
        Assert.Equal(new FargateShape(16, 120), FargateShape.ForEcsTask(16_384, 120 * 1024));
    }

    [Fact]
    public void TaskLimit_C5LargeWithoutTrunking_IsTwoTasks()
    {
        // ECS developer guide: "a c5.large instance may have up to three ENIs … you can typically only run two such tasks";
        // with awsvpcTrunking it lists 10; bridge has no ENI limit; host runs one task of a task definition.
        Assert.Equal(2, EcsTaskNetwork.TaskLimit(C5Large, EcsNetworkMode.Awsvpc));
        Assert.Equal(10, EcsTaskNetwork.TaskLimit(C5Large, EcsNetworkMode.AwsvpcTrunking));
        Assert.Equal(EcsTaskNetwork.Unlimited, EcsTaskNetwork.TaskLimit(C5Large, EcsNetworkMode.Bridge));
        Assert.Equal(1, EcsTaskNetwork.TaskLimit(C5Large, EcsNetworkMode.Host));
    }

    [Theory]
    [InlineData("m6i.large", 10)]
    [InlineData("m6i.xlarge", 20)]
    [InlineData("m6i.2xlarge", 40)]
    [InlineData("m6i.8xlarge", 90)]
    [InlineData("m5.16xlarge", 120)]
    [InlineData("c7g.xlarge", 20)]
    [InlineData("m7g.medium", 4)]
    public void TrunkingLimit_ListedTypes_AreTheGuidesTable(string type, int tasks)
    {
        Assert.Equal(tasks, EcsTaskNetwork.TrunkingLimit(Fixture.Type(type, 2, 8192, CpuArchitecture.X64, false, true, null, 3, 10, 29)));
    }

    [Theory]
    [InlineData("t3.medium")]   // not in the table
    [InlineData("c5n.large")]   // family listed as unsupported
    [InlineData("m5n.large")]   // in the table, but the family is listed as unsupported
    [InlineData("c5.metal")]    // type listed as unsupported
    public void TrunkingLimit_UnsupportedTypes_AreNull(string type)
    {
        Assert.Null(EcsTaskNetwork.TrunkingLimit(Fixture.Type(type, 2, 8192, CpuArchitecture.X64, false, true, null, 3, 10, 29)));
    }

    [Fact]
    public void Validate_TrunkingOnAnUnsupportedType_IsAProblemAtTheNetworkMode()
    {
        var problems = Fixture.Estimator.Validate(Scenario.Default with { EcsInstanceType = "t3.medium", EcsNetworkMode = EcsNetworkMode.AwsvpcTrunking });

        var problem = Assert.Single(problems);
        Assert.Equal("ecsNetworkMode", problem.Field);
        Assert.Contains("t3.medium", problem.Message, StringComparison.Ordinal);
        // Hidden, ECS on EC2's inputs do not matter.
        Assert.Empty(Fixture.Estimator.Validate(Scenario.Default with
        {
            EcsInstanceType = "t3.medium", EcsNetworkMode = EcsNetworkMode.AwsvpcTrunking, HiddenPaths = PathList.Of([PathIds.EcsEc2]),
        }));
    }

    [Fact]
    public void Validate_AwsvpcOnATypeWithOneEni_IsAProblemAtTheNetworkMode()
    {
        var oneEni = Fixture.Type("m6i.large", 2, 8192, CpuArchitecture.X64, false, true, null, 1, 10, 29);
        var catalog = new InstanceCatalog([oneEni], new DataOrigin("test", "test", Fixture.InstancePricesAsOf));

        var problem = Assert.Single(ScenarioValidator.Validate(Scenario.Default, Fixture.Prices, catalog), p => p.Field == "ecsNetworkMode");

        Assert.Contains("only 1 ENI", problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ScenarioValidator.Validate(Scenario.Default with { EcsNetworkMode = EcsNetworkMode.Bridge }, Fixture.Prices, catalog),
            p => p.Field == "ecsNetworkMode");
    }

    [Fact]
    public void FixedTasks_OnM5XLarge_ArePackedUpToTheNetworkModesLimit()
    {
        // m5.xlarge: 4 vCPU → 4,096 units − 250 × 1.024 = 3,840 for tasks; 16,384 − ⌈1,228.8⌉ = 15,155 MiB − 250 = 14,905.
        // Tasks of 512 units / 1,024 MiB: ⌊3,840 / 512⌋ = 7 by CPU, ⌊14,905 / 1,024⌋ = 14 by memory.
        // awsvpc: 4 ENIs − 1 = 3; trunking: 20 (the guide's m5.xlarge); bridge: none; host: 1.
        var fixedTasks = Scenario.Default with
        {
            EcsInstanceType = "m5.xlarge", EcsTaskLayout = EcsTaskLayout.FixedTaskSize, EcsTaskCpuUnits = 512, EcsTaskMemoryMiB = 1024,
        };

        var awsvpc = Fixture.Estimate(fixedTasks);
        Assert.Equal(3, awsvpc[PathIds.EcsEc2].VmsPerMachine);
        var warning = Assert.Single(awsvpc.Warnings, w => w.Code == "ecs-ec2-network-limit");
        Assert.Equal(PathIds.EcsEc2, warning.Path);
        Assert.Contains("to 3 tasks though its CPU and memory would place 7: ENI trunking raises the limit to 20", warning.Message, StringComparison.Ordinal);
        Assert.Equal(7, Fixture.Estimate(fixedTasks with { EcsNetworkMode = EcsNetworkMode.AwsvpcTrunking })[PathIds.EcsEc2].VmsPerMachine);
        Assert.Equal(7, Fixture.Estimate(fixedTasks with { EcsNetworkMode = EcsNetworkMode.Bridge })[PathIds.EcsEc2].VmsPerMachine);
        Assert.Equal(1, Fixture.Estimate(fixedTasks with { EcsNetworkMode = EcsNetworkMode.Host })[PathIds.EcsEc2].VmsPerMachine);

        // A task's CPU: free cores 4 − 0.25 − 0.1 = 3.65, ÷ 3 tasks = 1.217, but its quota is 512 / 1,024 = 0.5 core (1 scheduler).
        var task = awsvpc[PathIds.EcsEc2];
        Assert.Equal(0.5, task.VmCpuCores, 9);
        Assert.Equal(1, task.VmSchedulers);
        Assert.Equal(1_024, task.VmMemoryMiB, 9);
    }

    [Fact]
    public void FixedTasks_FillingRegisteredMemory_WarnThatTheOsAndAgentAreNotReserved()
    {
        // m6i.large registers 7,577 − 250 agents = 7,327 MiB: two 3,072 MiB tasks (6,144) fit, by CPU ⌊(2,048 − 256) / 1,024⌋ = 1.
        // Tasks of 512 units / 3,584 MiB: ⌊1,792 / 512⌋ = 3 by CPU, ⌊7,327 / 3,584⌋ = 2 by memory, awsvpc 2 → 2 tasks.
        // 2 × 3,584 + 300 OS + 200 ECS agent = 7,668 > 7,327 MiB left after the host agents: overcommitted.
        var scenario = Scenario.Default with { EcsTaskLayout = EcsTaskLayout.FixedTaskSize, EcsTaskCpuUnits = 512, EcsTaskMemoryMiB = 3_584 };

        var estimate = Fixture.Estimate(scenario);

        Assert.Equal(2, estimate[PathIds.EcsEc2].VmsPerMachine);
        var warning = Assert.Single(estimate.Warnings, w => w.Code == "ecs-ec2-memory-overcommitted");
        Assert.Contains("at least 500 MiB", warning.Message, StringComparison.Ordinal);
        // With ECS_RESERVED_MEMORY = 500: 7,577 − 500 − 250 = 6,827 → 1 task by memory, and no warning.
        var reserved = Fixture.Estimate(scenario with { EcsReservedMemoryMiB = 500 });
        Assert.Equal(1, reserved[PathIds.EcsEc2].VmsPerMachine);
        Assert.DoesNotContain(reserved.Warnings, w => w.Code == "ecs-ec2-memory-overcommitted");
    }

    [Theory]
    [InlineData(100, 200, 3, 3, 3)]  // the defaults: 3 new tasks first, then all 3 old ones at once
    [InlineData(50, 100, 3, 1, 0)]   // ⌈1.5⌉ = 2 must stay healthy: 1 stopped before any is started
    [InlineData(100, 150, 3, 1, 1)]  // ⌊4.5⌋ − 3 = 1 new first, then 1 old
    [InlineData(0, 100, 3, 3, 0)]    // all stopped at once, none first
    [InlineData(100, 110, 3, 1, 0)]  // ⌊3.3⌋ − 3 = 0: no room, yet a deployment moves at least one task
    public void DeploymentWave_IsTheSurgePlusWhatMayGoBelowTheDesiredCount(double minimum, double maximum, long vms, long atOnce, long first)
    {
        var scenario = Scenario.Default with { EcsMinimumHealthyPercent = minimum, EcsMaximumPercent = maximum };
        var size = new PathSize(vms, vms, 0, 1, new VmCapacity(1, 1, 1, 1, 1), 0);

        Assert.Equal((atOnce, first), EcsService.DeploymentWave(scenario, size));
    }

    [Fact]
    public void Disruption_DefaultScenario_DeploysAndPatchingOnBothEcsPaths_NoKubernetesUpgrades()
    {
        var estimate = Fixture.Estimate(Scenario.Default);

        foreach (var id in new[] { PathIds.EcsEc2, PathIds.EcsFargate })
        {
            var disruption = estimate[id].Disruption;
            Assert.Equal([DropCauses.Deploys, DropCauses.Patching], disruption.Causes.Select(c => c.Cause));
            // 8 deploys × 100,000 = 800,000 (24 restarts); 12 refreshes / 12 = 1 a month → 100,000 (3).
            Assert.Equal(900_000, disruption.ConnectionsDroppedPerMonth);
            Assert.Equal(27, disruption.VmRestartsPerMonth);
            var deploys = disruption.Find(DropCauses.Deploys)!;
            Assert.Equal((3L, 3L), (deploys.VmsAtOnce, deploys.VmsStartedFirst));
            Assert.Contains(disruption.Facts, f => f.Name == "Task replacement");
        }

        // Instance refresh on ECS on EC2: ⌊10 % × 3⌋ → at least 1 instance; Fargate task maintenance moves as a deployment.
        Assert.Equal(1, estimate[PathIds.EcsEc2].Disruption.Find(DropCauses.Patching)!.VmsAtOnce);
        Assert.Equal(3, estimate[PathIds.EcsFargate].Disruption.Find(DropCauses.Patching)!.VmsAtOnce);
    }

    [Fact]
    public void Storm_DefaultDeployment_MovesEveryClientOntoTheNewTasksAtOnce()
    {
        // 100,000 clients onto 3 new tasks: each then carries 33,333.3 × 12.84 µs = 0.428 cores and accepts
        // 33,333.3 × 200 µs = 6.6667 core-s. ECS on EC2: 1.65 − 0.428 = 1.222 spare → 5.456 s; Fargate: 0.572 → 11.655 s.
        var estimate = Fixture.Estimate(Scenario.Default);
        var ec2 = estimate[PathIds.EcsEc2].Disruption.Storm!;
        var fargate = estimate[PathIds.EcsFargate].Disruption.Storm!;

        Assert.Equal((DropCauses.Deploys, 3L, 100_000L, 3L), (ec2.Cause, ec2.VmsAtOnce, ec2.Connections, ec2.SurvivingVms));
        Assert.Equal(6.6666666667 / 1.222, ec2.SecondsToAbsorb!.Value, 6);
        Assert.Equal(6.6666666667 / 0.572, fargate.SecondsToAbsorb!.Value, 6);
        Assert.True(ec2.Slow && fargate.Slow);

        // At 100 % / 150 % one task moves at a time, onto one new one: 3 VMs share its 33,333 clients, 11,111 × 200 µs =
        // 2.22 core-s each on 1.222 spare cores = 1.8 s. The worst wave is then the instance refresh: 1 instance down, 2 left
        // carrying 50,000 × 12.84 µs = 0.642 of 1.65 cores, 16,667 × 200 µs = 3.33 core-s ÷ 1.008 = 3.3 s, within the ladder.
        var gentle = Fixture.Estimate(Scenario.Default with { EcsMaximumPercent = 150 })[PathIds.EcsEc2].Disruption;
        var deploys = gentle.Find(DropCauses.Deploys)!;
        Assert.Equal((1L, 1L), (deploys.VmsAtOnce, deploys.VmsStartedFirst));
        Assert.Equal(DropCauses.Patching, gentle.Storm!.Cause);
        Assert.Equal(3.3333333333 / 1.008, gentle.Storm.SecondsToAbsorb!.Value, 6);
        Assert.False(gentle.Storm.Slow);
    }

    [Fact]
    public void Validate_HundredPercentMinimumAndMaximum_IsAProblemAtTheMaximum()
    {
        var problem = Assert.Single(Fixture.Estimator.Validate(Scenario.Default with { EcsMinimumHealthyPercent = 100, EcsMaximumPercent = 100 }));

        Assert.Equal("ecsMaximumPercent", problem.Field);
        Assert.Empty(Fixture.Estimator.Validate(Scenario.Default with { EcsMinimumHealthyPercent = 90, EcsMaximumPercent = 100 }));
    }

    [Fact]
    public void NodeDiscovery_EcsApi_HasNoCloudMapLine()
    {
        var estimate = Fixture.Estimate(Scenario.Default with { EcsNodeDiscovery = EcsNodeDiscovery.EcsApi });

        Assert.All(estimate.Paths, p => Assert.False(p.HasLine(CostKind.ServiceDiscovery), p.Id));
        Assert.Equal(EcsEc2BeforeEgress - 0.30m + InternetEgressTests.DefaultEgressMonthly, estimate[PathIds.EcsEc2].MonthlyUsd, 6);
    }

    [Fact]
    public void FargateSpot_Discount_LowersTheTaskPriceAndAddsReclaims()
    {
        // 50 % off $0.053815 = $0.0269075/h × 3 × 730 = $58.927425. 10 % of 3 tasks reclaimed a month → 10,000 dropped.
        var estimate = Fixture.Estimate(Scenario.Default with { FargateSpotDiscountPercent = 50 });
        var ecs = estimate[PathIds.EcsFargate];

        var compute = ecs.Line(CostKind.Compute);
        Assert.Equal("Fargate Spot tasks", compute.Name);
        Assert.Equal(58.927425m, compute.MonthlyUsd, 9);
        Assert.Equal(10_000, ecs.Disruption.Find(DropCauses.SpotInterruptions)!.ConnectionsDroppedPerMonth);
        Assert.Contains(estimate.Warnings, w => w.Code == "fargate-spot-estimate" && w.Path == PathIds.EcsFargate);
        Assert.Null(Fixture.Estimate(Scenario.Default)[PathIds.EcsFargate].Disruption.Find(DropCauses.SpotInterruptions));
    }

    [Fact]
    public void EcsFargate_TaskHoldingMoreSocketsThanTheOpenFilesLimit_Warns()
    {
        // No messages and free set-ups: memory-bound. 16 vCPU / 120 GB: ⌊(122,880 × 0.7 − 100) × 1024 / 28⌋ = 3,142,070 > 65,535.
        var scenario = Scenario.Default with
        {
            MessagesPerConnectionPerSecond = 0, ConnectionSetupCpuMicroseconds = 0, EcsTaskCpuUnits = 16_384, EcsTaskMemoryMiB = 120 * 1024,
        };

        var estimate = Fixture.Estimate(scenario);

        Assert.Equal(3_142_070, estimate[PathIds.EcsFargate].ConnectionsPerVm);
        Assert.Contains(estimate.Warnings, w => w.Code == "ecs-fargate-open-files" && w.Path == PathIds.EcsFargate);
        Assert.DoesNotContain(Fixture.Estimate(Scenario.Default).Warnings, w => w.Code == "ecs-fargate-open-files");
    }

    [Fact]
    public void EcsFargate_TaskBeyondTheLargestSize_IsInfeasibleWithAWarning()
    {
        var estimate = Fixture.Estimate(Scenario.Default with { EcsTaskCpuUnits = 16_384, EcsTaskMemoryMiB = 121 * 1024 });
        var ecs = estimate[PathIds.EcsFargate];

        Assert.False(ecs.Feasible);
        Assert.Equal("Fargate", ecs.MachineType);
        Assert.Empty(ecs.CostLines);
        Assert.Contains(estimate.Warnings, w => w.Code == "ecs-fargate-infeasible" && w.Path == PathIds.EcsFargate);
    }

    [Fact]
    public void Verdict_DefaultScenario_EcsOnFargateIsTheCheapestOfTheFivePaths()
    {
        // Month 1 (§11.7): ECS on Fargate $2,525.00 < EC2 $2,621.89 < ECS on EC2 $2,624.59 < EKS on Fargate $2,634.47 < EKS $2,694.89.
        var estimate = Fixture.Estimate(Scenario.Default);

        Assert.Equal(PathIds.EcsFargate, estimate.Verdict.Month1CheapestPath);
        Assert.Equal(PathIds.EcsFargate, estimate.Verdict.CheapestPath);
        Assert.Equal(
            [PathIds.EcsFargate, PathIds.Ec2, PathIds.EcsEc2, PathIds.EksFargate, PathIds.Eks],
            estimate.Paths.OrderBy(p => p.MonthlyUsd).Select(p => p.Id));
        Assert.Equal(
            [2_621.89m, 2_694.89m, 2_634.47m, 2_624.59m, 2_525.00m],
            estimate.Paths.Select(p => Math.Round(p.MonthlyUsd, 2)));
    }

    // ---- properties ----

    [Theory]
    [MemberData(nameof(PropertyCases.Seeds), MemberType = typeof(PropertyCases))]
    public void Property_SameTraffic_CostsTheSameOnEveryPath(int seed)
    {
        // The load balancer, NAT and internet egress depend on connections and bytes only, never on the machines.
        var scenario = RandomScenarios.Any(new Random(seed)) with { HiddenPaths = PathList.Empty };

        var estimate = Fixture.Estimate(scenario);
        var feasible = estimate.Paths.Where(p => p.Feasible).ToList();

        foreach (var kind in new[] { CostKind.LoadBalancer, CostKind.NatGateway, CostKind.InternetEgress })
        {
            var amounts = feasible.Select(p => p.CostLines.Where(l => l.Kind == kind).Sum(l => l.MonthlyUsd)).Distinct().ToList();
            Assert.True(amounts.Count <= 1, $"{kind}: {string.Join(", ", feasible.Select(p => $"{p.Id} {p.CostLines.Where(l => l.Kind == kind).Sum(l => l.MonthlyUsd)}"))}");
        }
    }

    [Theory]
    [MemberData(nameof(PropertyCases.Seeds), MemberType = typeof(PropertyCases))]
    public void Property_EcsOnEc2WithOneTaskPerInstance_IsNeverCheaperThanPlainEc2(int seed)
    {
        // The same instances (type, purchase option, volume size, operations hours) run the same VM with less left for it
        // (the ECS agent, ECS_RESERVED_MEMORY), so never fewer instances; Cloud Map only adds.
        var random = new Random(seed);
        var drawn = RandomScenarios.Any(random);
        var scenario = drawn with
        {
            HiddenPaths = PathList.Empty,
            HorizonMonths = 12,
            EcsInstanceType = drawn.Ec2InstanceType,
            EcsPurchaseOption = drawn.Ec2PurchaseOption,
            EcsTaskLayout = EcsTaskLayout.OneTaskPerInstance,
            EcsNetworkMode = random.Next(2) == 0 ? EcsNetworkMode.Awsvpc : EcsNetworkMode.Bridge,
            EcsRootVolumeGiB = drawn.Ec2RootVolumeGiB,
            EcsOperationsHoursPerMonth = drawn.Ec2OperationsHoursPerMonth,
        };

        var estimate = Fixture.Estimate(scenario);
        var ec2 = estimate.Projection[PathIds.Ec2];
        var ecs = estimate.Projection[PathIds.EcsEc2];

        for (var m = 0; m < estimate.Projection.Months; m++)
        {
            if (ecs.MonthlyUsd[m] is { } ecsUsd)
            {
                Assert.True(ec2.MonthlyUsd[m] is { } ec2Usd && ecsUsd >= ec2Usd, $"month {m + 1}: ECS on EC2 ${ecsUsd} < EC2 ${ec2.MonthlyUsd[m]}");
                Assert.True(ecs.Machines[m] >= ec2.Machines[m], $"month {m + 1}: {ecs.Machines[m]} < {ec2.Machines[m]} instances");
            }
        }
    }
}
