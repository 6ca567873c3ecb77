using CostCalc.Domain.Estimation;
using CostCalc.Domain.Scenarios;
using CostCalc.Domain.Tests.TestSupport;

namespace CostCalc.Domain.Tests.Estimation;

/// <summary>The spare policy: N+k machines, N+k VMs, or a plan that survives losing a zone (docs/model.md §7.6).</summary>
public class SparePolicyTests
{
    [Theory]
    // Smallest M with M − ⌈M/Z⌉ ≥ N, by hand:
    // Z = 3: N = 2 → M = 3 (3 − 1 = 2); N = 6 → M = 9 (8 − 3 = 5 < 6, 9 − 3 = 6); N = 7 → M = 11 (10 − 4 = 6, 11 − 4 = 7); N = 10 → M = 15 (14 − 5 = 9, 15 − 5 = 10).
    // Z = 2: the largest zone is half, so M = 2N: N = 2 → 4, N = 7 → 14 (13 − 7 = 6 < 7).
    // Z = 4: N = 3 → M = 4 (4 − 1 = 3); N = 1 → M = 2 (2 − 1 = 1).
    [InlineData(2, 3, 3)]
    [InlineData(6, 3, 9)]
    [InlineData(7, 3, 11)]
    [InlineData(10, 3, 15)]
    [InlineData(2, 2, 4)]
    [InlineData(7, 2, 14)]
    [InlineData(3, 4, 4)]
    [InlineData(1, 4, 2)]
    public void ZoneMachines_HandWorked(long needed, int zones, long machines)
    {
        Assert.Equal(machines, Spares.ZoneMachines(needed, zones));
    }

    [Fact]
    public void ZoneMachines_IsTheSmallestThatSurvivesLosingTheLargestZone()
    {
        for (var zones = 2; zones <= 6; zones++)
        {
            for (long needed = 1; needed <= 300; needed++)
            {
                var m = Spares.ZoneMachines(needed, zones);
                Assert.True(m - Spares.LargestZone(m, zones) >= needed, $"N={needed}, Z={zones}: {m}");
                Assert.True(m - 1 - Spares.LargestZone(m - 1, zones) < needed, $"N={needed}, Z={zones}: {m - 1} would do");
            }
        }
    }

    [Fact]
    public void Zone_ThreeZones_500kConnections_SizesEveryPathToSurviveAZone()
    {
        // By hand (docs/model.md §7.5–7.6): CPU per connection-second at two or more VMs 0.2 × (50 + 0.2 × 70) = 12.8
        // + set-ups 20 new/s ÷ 500,000 × 200 µs = 0.008 → 12.808 µs. Per VM: EC2 m6i.large ⌊1,225,000 ÷ 12.808⌋ = 95,643
        // (CPU), EKS m6i.large ⌊1,050,000 ÷ 12.808⌋ = ⌊81,980.01⌋ = 81,980 (CPU), Fargate 1 vCPU ⌊700,000 ÷ 12.808⌋ = 54,653.
        // EC2: N = ⌈500,000 / 95,643⌉ = 6 → M = 9, 3 per zone (N+1 would be 7).
        // EKS: N = ⌈500,000 / 81,980⌉ = 7 → M = 11, up to 4 per zone.
        // Fargate: N = ⌈500,000 / 54,653⌉ = 10 → M = 15, 5 per zone.
        var estimate = Fixture.Estimate(Scenario.Default with { PeakConnections = 500_000, SparePolicy = SparePolicy.Zone });

        Assert.Equal(9, estimate[PathIds.Ec2].Machines);
        Assert.Equal("survives losing any 1 of 3 zones (3 instances each)", estimate[PathIds.Ec2].Survives);
        Assert.Equal(11, estimate[PathIds.Eks].Machines);
        Assert.Equal("survives losing any 1 of 3 zones (up to 4 nodes each)", estimate[PathIds.Eks].Survives);
        Assert.Equal(15, estimate[PathIds.EksFargate].Machines);
        Assert.Equal("survives losing any 1 of 3 zones (5 Fargate pods each)", estimate[PathIds.EksFargate].Survives);
    }

    [Fact]
    public void Zone_TwoZones_500kConnections_DoublesWhatPeakNeeds()
    {
        // Two zones: losing one loses half, so M = 2N: EC2 2 × 6 = 12, EKS 2 × 7 = 14, Fargate 2 × 10 = 20.
        var estimate = Fixture.Estimate(Scenario.Default with { PeakConnections = 500_000, SparePolicy = SparePolicy.Zone, AvailabilityZones = 2 });

        Assert.Equal(12, estimate[PathIds.Ec2].Machines);
        Assert.Equal("survives losing any 1 of 2 zones (6 instances each)", estimate[PathIds.Ec2].Survives);
        Assert.Equal(14, estimate[PathIds.Eks].Machines);
        Assert.Equal(20, estimate[PathIds.EksFargate].Machines);
    }

    [Fact]
    public void Machines_Default_IsNPlusOneMachineAndSaysSo()
    {
        // 100,000 connections: max(2, ⌈100,000 / 95,404⌉) = 2, + 1 spare = 3 on every path (docs/model.md §7.6).
        var estimate = Fixture.Estimate(Scenario.Default);

        Assert.All(estimate.Paths, p => Assert.Equal(3, p.Machines));
        Assert.Equal("survives losing 1 instance", estimate[PathIds.Ec2].Survives);
        Assert.Equal("survives losing 1 node", estimate[PathIds.Eks].Survives);
        Assert.Equal("survives losing 1 Fargate pod", estimate[PathIds.EksFargate].Survives);
        Assert.Equal("no spare: losing 1 instance drops below peak", Fixture.Estimate(Scenario.Default with { SpareInstances = 0 })[PathIds.Ec2].Survives);
    }

    [Fact]
    public void Vms_FixedPodsOnALargeNode_CountsSparePodsNotNodes()
    {
        // m5.2xlarge node (docs/model.md §2.1–2.4, §7.2): allocatable 7,910m / 32,768 − 2,458 − 893 − 100 = 29,317 MiB;
        // free after DaemonSets 7,480m / 28,963 MiB / 53 slots → 1,000m / 3,072 MiB pods: min(53, 7, 9) = 7 per node.
        // Each pod gets min(7,480 / 7, 1,000m limit, 1 scheduler) = 1 core → ⌊700,000 ÷ 12.808⌋ = 54,653 per pod; 500,000 → 10 pods.
        // machines: 10 + 1 node × 7 = 17 pods on ⌈17 / 7⌉ = 3 nodes; VMs: 10 + 1 = 11 pods on 2 nodes.
        var fixedPods = Scenario.Default with
        {
            PeakConnections = 500_000,
            EksNodeInstanceType = "m5.2xlarge",
            PodLayout = PodLayout.FixedPodSize,
        };

        var machines = Fixture.Estimate(fixedPods)[PathIds.Eks];
        var vms = Fixture.Estimate(fixedPods with { SparePolicy = SparePolicy.Vms })[PathIds.Eks];

        Assert.Equal(7, machines.VmsPerMachine);
        Assert.Equal(17, machines.Vms);
        Assert.Equal(3, machines.Machines - machines.SystemNodes);
        Assert.Equal(11, vms.Vms);
        Assert.Equal(2, vms.Machines - vms.SystemNodes);
        Assert.Equal("survives losing 1 BEAM VM, not a whole node (7 VMs each)", vms.Survives);
        // On EC2 and on Fargate a machine is one VM, so the two policies agree.
        var ec2 = Fixture.Estimate(fixedPods with { SparePolicy = SparePolicy.Vms });
        Assert.Equal(Fixture.Estimate(fixedPods)[PathIds.Ec2].Machines, ec2[PathIds.Ec2].Machines);
        Assert.Equal(Fixture.Estimate(fixedPods)[PathIds.EksFargate].Machines, ec2[PathIds.EksFargate].Machines);
    }

    [Fact]
    public void Zone_SpareInstancesIsNotInUse()
    {
        var field = ScenarioFields.Find("spareInstances")!;

        Assert.True(field.Matters(Scenario.Default));
        Assert.False(field.Matters(Scenario.Default with { SparePolicy = SparePolicy.Zone }));
    }

    [Fact]
    public void Zone_OneAvailabilityZone_IsAValidationProblemOnTheSparePolicy()
    {
        var problems = Fixture.Estimator.Validate(Scenario.Default with { SparePolicy = SparePolicy.Zone, AvailabilityZones = 1 });

        var problem = Assert.Single(problems);
        Assert.Equal("sparePolicy", problem.Field);
        Assert.Contains("at least 2 availability zones", problem.Message, StringComparison.Ordinal);
        Assert.Empty(Fixture.Estimator.Validate(Scenario.Default with { SparePolicy = SparePolicy.Zone, AvailabilityZones = 2 }));
    }

    [Theory]
    [MemberData(nameof(PropertyCases.Seeds), MemberType = typeof(PropertyCases))]
    public void Zone_AfterLosingTheLargestZone_TheRestStillHoldPeak(int seed)
    {
        var random = new Random(seed);
        var scenario = RandomScenarios.Any(random) with { SparePolicy = SparePolicy.Zone, AvailabilityZones = random.Next(2, 7) };

        foreach (var path in Fixture.Estimate(scenario).Paths.Where(p => p.Feasible))
        {
            var beamMachines = path.Machines - path.SystemNodes;
            var left = beamMachines - Spares.LargestZone(beamMachines, scenario.AvailabilityZones);
            var held = left * path.VmsPerMachine * path.ConnectionsPerVm;
            Assert.True(held >= scenario.PeakConnections,
                $"{path.Name}: {beamMachines} machines over {scenario.AvailabilityZones} zones, {left} left × {path.VmsPerMachine} × {path.ConnectionsPerVm} < {scenario.PeakConnections}");
            Assert.True(left * path.VmsPerMachine >= scenario.MinimumInstances, $"{path.Name}: fewer than the minimum VMs left");
            Assert.StartsWith($"survives losing any 1 of {scenario.AvailabilityZones} zones", path.Survives, StringComparison.Ordinal);
        }
    }
}
