using CostCalc.Domain.Estimation;
using CostCalc.Domain.Scenarios;
using CostCalc.Domain.Tests.TestSupport;

namespace CostCalc.Domain.Tests.Estimation;

/// <summary>Properties over seeded random scenarios (<see cref="PropertyCases.Count"/> cases each).</summary>
public partial class EstimatorTests
{
    [Theory]
    [MemberData(nameof(PropertyCases.Seeds), MemberType = typeof(PropertyCases))]
    public void Estimate_MoreConnections_NeverCostsLessOnAnyPath(int seed)
    {
        var random = new Random(seed);
        var scenario = RandomScenarios.Any(random);
        var more = scenario with { PeakConnections = scenario.PeakConnections + random.NextInt64(1, scenario.PeakConnections + 1) };

        var before = Fixture.Estimate(scenario);
        var after = Fixture.Estimate(more);

        Assert.Equal(before.Paths.Select(p => p.Id), after.Paths.Select(p => p.Id));
        foreach (var (a, b) in before.Paths.Zip(after.Paths))
        {
            if (a.Feasible && b.Feasible)
            {
                Assert.True(b.MonthlyUsd >= a.MonthlyUsd,
                    $"{a.Name}: {scenario.PeakConnections} → ${a.MonthlyUsd}, {more.PeakConnections} → ${b.MonthlyUsd}");
                Assert.True(b.Machines >= a.Machines, $"{a.Name}: {a.Machines} → {b.Machines} machines");
            }
        }
    }

    [Theory]
    [MemberData(nameof(PropertyCases.Seeds), MemberType = typeof(PropertyCases))]
    public void Estimate_MoreMemoryPerConnection_NeverRaisesConnectionsPerVm(int seed)
    {
        var random = new Random(seed);
        var scenario = RandomScenarios.Any(random);
        var kib = Math.Min(10_240, scenario.MemoryPerConnectionKiB * RandomScenarios.Between(random, 1, 10));
        var more = scenario with { MemoryPerConnectionKiB = kib };

        var before = Fixture.Estimate(scenario);
        var after = Fixture.Estimate(more);

        foreach (var (a, b) in before.Paths.Zip(after.Paths))
        {
            Assert.True(b.ConnectionsPerVm <= a.ConnectionsPerVm,
                $"{a.Name}: {scenario.MemoryPerConnectionKiB} KiB → {a.ConnectionsPerVm}, {kib} KiB → {b.ConnectionsPerVm}");
        }
    }

    [Theory]
    [MemberData(nameof(PropertyCases.Seeds), MemberType = typeof(PropertyCases))]
    public void Estimate_BiggerInstanceOfAFamily_NeverHoldsFewerConnectionsPerVmOnEc2(int seed)
    {
        var random = new Random(seed);
        var scenario = RandomScenarios.Any(random) with { HiddenPaths = PathList.Empty };

        var perVm = Fixture.M5Family
            .Select(t => (t.Name, Fixture.Estimate(scenario with { Ec2InstanceType = t.Name })[PathIds.Ec2].ConnectionsPerVm))
            .ToList();

        for (var i = 1; i < perVm.Count; i++)
        {
            Assert.True(perVm[i].ConnectionsPerVm >= perVm[i - 1].ConnectionsPerVm,
                $"{perVm[i - 1].Name} {perVm[i - 1].ConnectionsPerVm} > {perVm[i].Name} {perVm[i].ConnectionsPerVm}");
        }
    }

    [Theory]
    [MemberData(nameof(PropertyCases.Seeds), MemberType = typeof(PropertyCases))]
    public void Estimate_RandomScenario_Ec2CountIsMaxOfMinimumAndNeededPlusSpare(int seed)
    {
        var scenario = RandomScenarios.Any(new Random(seed)) with { HiddenPaths = PathList.Empty };

        var ec2 = Fixture.Estimate(scenario)[PathIds.Ec2];

        if (!ec2.Feasible)
        {
            Assert.Equal(0, ec2.Machines);
            return;
        }

        var needed = Math.Max(scenario.MinimumInstances, (long)Math.Ceiling(scenario.PeakConnections / (double)ec2.ConnectionsPerVm));
        // An instance is one VM, so N+k VMs and N+k machines agree; a zone plan is sized by its own rule (SparePolicyTests).
        Assert.Equal(scenario.SparePolicy == SparePolicy.Zone ? Spares.ZoneMachines(needed, scenario.AvailabilityZones) : needed + scenario.SpareInstances, ec2.Machines);
    }

    [Theory]
    [MemberData(nameof(PropertyCases.Seeds), MemberType = typeof(PropertyCases))]
    public void Estimate_RandomScenario_EksHoldsEveryConnection(int seed)
    {
        // Both EKS paths: pods on nodes, and pods on Fargate (one micro-VM per pod, no system nodes).
        var scenario = RandomScenarios.Any(new Random(seed)) with { HiddenPaths = PathList.Empty };
        var estimate = Fixture.Estimate(scenario);

        foreach (var eks in new[] { estimate[PathIds.Eks], estimate[PathIds.EksFargate] })
        {
            if (!eks.Feasible)
            {
                continue;
            }

            // A zone plan keeps no k spares of its own (SparePolicyTests checks it survives losing a zone).
            var spares = scenario.SparePolicy == SparePolicy.Zone ? 0 : scenario.SpareInstances;
            Assert.True((eks.Vms - spares) * (double)eks.ConnectionsPerVm >= scenario.PeakConnections, eks.Id);
            Assert.True(eks.Vms >= scenario.MinimumInstances + spares, eks.Id);
            if (eks.Id == PathIds.EksFargate)
            {
                Assert.Equal(eks.Vms, eks.Machines);
                Assert.Equal(0, eks.SystemNodes);
            }
            else if (scenario.PodLayout == PodLayout.OnePodPerNode)
            {
                Assert.Equal(eks.Vms + eks.SystemNodes, eks.Machines);
            }
            else
            {
                Assert.True(eks.Machines * eks.VmsPerMachine >= eks.Vms, $"{eks.Machines} nodes × {eks.VmsPerMachine} < {eks.Vms} pods");
            }
        }
    }
}
