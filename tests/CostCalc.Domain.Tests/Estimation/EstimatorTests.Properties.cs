using CostCalc.Domain.Scenarios;
using CostCalc.Domain.Tests.TestSupport;

namespace CostCalc.Domain.Tests.Estimation;

/// <summary>Properties over seeded random scenarios (<see cref="PropertyCases.Count"/> cases each).</summary>
public partial class EstimatorTests
{
    [Theory]
    [MemberData(nameof(PropertyCases.Seeds), MemberType = typeof(PropertyCases))]
    public void Estimate_MoreConnections_NeverCostsLessOnEitherPath(int seed)
    {
        var random = new Random(seed);
        var scenario = RandomScenarios.Any(random);
        var more = scenario with { PeakConnections = scenario.PeakConnections + random.NextInt64(1, scenario.PeakConnections + 1) };

        var before = Fixture.Estimate(scenario);
        var after = Fixture.Estimate(more);

        foreach (var (name, a, b) in new[] { ("EC2", before.Ec2, after.Ec2), ("EKS", before.Eks, after.Eks) })
        {
            if (a.Feasible && b.Feasible)
            {
                Assert.True(b.MonthlyUsd >= a.MonthlyUsd,
                    $"{name}: {scenario.PeakConnections} → ${a.MonthlyUsd}, {more.PeakConnections} → ${b.MonthlyUsd}");
                Assert.True(b.Machines >= a.Machines, $"{name}: {a.Machines} → {b.Machines} machines");
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

        Assert.True(after.Ec2.ConnectionsPerVm <= before.Ec2.ConnectionsPerVm,
            $"EC2: {scenario.MemoryPerConnectionKiB} KiB → {before.Ec2.ConnectionsPerVm}, {kib} KiB → {after.Ec2.ConnectionsPerVm}");
        Assert.True(after.Eks.ConnectionsPerVm <= before.Eks.ConnectionsPerVm,
            $"EKS: {scenario.MemoryPerConnectionKiB} KiB → {before.Eks.ConnectionsPerVm}, {kib} KiB → {after.Eks.ConnectionsPerVm}");
    }

    [Theory]
    [MemberData(nameof(PropertyCases.Seeds), MemberType = typeof(PropertyCases))]
    public void Estimate_BiggerInstanceOfAFamily_NeverHoldsFewerConnectionsPerVmOnEc2(int seed)
    {
        var random = new Random(seed);
        var scenario = RandomScenarios.Any(random);

        var perVm = Fixture.M5Family
            .Select(t => (t.Name, Fixture.Estimate(scenario with { Ec2InstanceType = t.Name }).Ec2.ConnectionsPerVm))
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
        var scenario = RandomScenarios.Any(new Random(seed));

        var ec2 = Fixture.Estimate(scenario).Ec2;

        if (!ec2.Feasible)
        {
            Assert.Equal(0, ec2.Machines);
            return;
        }

        var needed = (long)Math.Ceiling(scenario.PeakConnections / (double)ec2.ConnectionsPerVm);
        Assert.Equal(Math.Max(scenario.MinimumInstances, needed) + scenario.SpareInstances, ec2.Machines);
    }

    [Theory]
    [MemberData(nameof(PropertyCases.Seeds), MemberType = typeof(PropertyCases))]
    public void Estimate_RandomScenario_EksHoldsEveryConnection(int seed)
    {
        var scenario = RandomScenarios.Any(new Random(seed));

        var eks = Fixture.Estimate(scenario).Eks;

        if (!eks.Feasible)
        {
            return;
        }

        Assert.True((eks.Vms - scenario.SpareInstances) * (double)eks.ConnectionsPerVm >= scenario.PeakConnections);
        Assert.True(eks.Vms >= scenario.MinimumInstances + scenario.SpareInstances);
        if (scenario.Fargate || scenario.PodLayout == PodLayout.OnePodPerNode)
        {
            Assert.Equal(eks.Vms + eks.SystemNodes, eks.Machines);
        }
        else
        {
            Assert.True(eks.Machines * eks.VmsPerMachine >= eks.Vms, $"{eks.Machines} nodes × {eks.VmsPerMachine} < {eks.Vms} pods");
        }
    }
}
