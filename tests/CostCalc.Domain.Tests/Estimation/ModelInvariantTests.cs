using CostCalc.Domain.Capacity;
using CostCalc.Domain.Estimation;
using CostCalc.Domain.Scenarios;
using CostCalc.Domain.Tests.TestSupport;

namespace CostCalc.Domain.Tests.Estimation;

/// <summary>
/// Invariants of the model over seeded random valid scenarios (<see cref="PropertyCases.Count"/> cases
/// each): packing respects the node, costs add up, shared costs match, spare capacity covers a lost
/// machine, nothing is NaN or negative, and the verdict follows the projection.
/// </summary>
public class ModelInvariantTests
{
    private const double Tolerance = 1e-9;

    /// <summary>A random scenario with a random horizon, so projections and verdicts span several months.</summary>
    private static Scenario Any(int seed)
    {
        var random = new Random(seed);
        var scenario = RandomScenarios.Any(random);
        return scenario with { HorizonMonths = random.Next(1, 37) };
    }

    [Theory]
    [MemberData(nameof(PropertyCases.Seeds), MemberType = typeof(PropertyCases))]
    public void Estimate_FixedSizePods_NeverOvercommitTheNodeAfterDaemonSets(int seed)
    {
        // Every case on fixed-size pods on nodes (the limit RandomScenarios draws is 0 or at least the request).
        var scenario = Any(seed) with { PodLayout = PodLayout.FixedPodSize, Fargate = false };

        var eks = Fixture.Estimate(scenario).Eks;

        var node = NodeOverhead.For(Fixture.Find(scenario.EksNodeInstanceType), scenario.MaxPodsMode, scenario.FixedMaxPods, scenario.AutoMode);
        var freeCpu = node.AllocatableCpuMillicores - scenario.HostAgentCpuMillicores - scenario.NodeComponentCpuMillicores;
        var freeMemory = node.AllocatableMemoryMiB - scenario.HostAgentMemoryMiB - scenario.NodeComponentMemoryMiB;
        var freeSlots = node.MaxPods - scenario.HostAgentPods - scenario.NodeComponentPods;
        var pods = eks.VmsPerMachine;
        var context = $"{scenario.EksNodeInstanceType}: {pods} pods of {scenario.PodCpuRequestMillicores} m / {scenario.PodMemoryMiB} MiB, "
            + $"{eks.VmCpuCores} cores credited; free {freeCpu} m / {freeMemory} MiB / {freeSlots} slots";

        Assert.True(pods >= 0, context);
        Assert.True(double.IsFinite(eks.VmCpuCores) && eks.VmCpuCores >= 0, context);
        if (pods == 0)
        {
            Assert.False(eks.Feasible, context);
            return;
        }

        Assert.True(pods * eks.VmCpuCores <= (freeCpu / 1000.0) + Tolerance, context);
        Assert.True(pods * scenario.PodCpuRequestMillicores <= freeCpu, context);
        Assert.True(pods * scenario.PodMemoryMiB <= freeMemory, context);
        Assert.True(pods <= freeSlots, context);
    }

    [Theory]
    [MemberData(nameof(PropertyCases.Seeds), MemberType = typeof(PropertyCases))]
    public void Estimate_RandomScenario_CostLinesSumToEachPathsMonthlyCost(int seed)
    {
        var estimate = Fixture.Estimate(Any(seed));

        foreach (var (path, month1) in new[]
        {
            (estimate.Ec2, estimate.Projection[0].Ec2MonthlyUsd),
            (estimate.Eks, estimate.Projection[0].EksMonthlyUsd),
        })
        {
            Assert.Equal(path.MonthlyUsd, path.CostLines.Sum(l => l.MonthlyUsd));
            Assert.Equal(path.CostLines.Count, path.CostLines.Select(l => l.Kind).Distinct().Count());
            if (path.Feasible)
            {
                // Month 1 of the projection prices every cost kind; the lines must show all of them.
                Assert.Equal(month1, path.MonthlyUsd);
            }
            else
            {
                Assert.Empty(path.CostLines);
                Assert.Equal(0m, path.MonthlyUsd);
            }
        }
    }

    [Theory]
    [MemberData(nameof(PropertyCases.Seeds), MemberType = typeof(PropertyCases))]
    public void Estimate_BothPathsSpanEveryZone_SharedCostsAreEqual(int seed)
    {
        var scenario = Any(seed);
        var estimate = Fixture.Estimate(scenario);
        var ec2 = estimate.Ec2;
        var eks = estimate.Eks;
        if (!ec2.Feasible || !eks.Feasible
            || ec2.Machines - ec2.SystemNodes < scenario.AvailabilityZones
            || eks.Machines - eks.SystemNodes < scenario.AvailabilityZones)
        {
            return;
        }

        foreach (var kind in new[] { CostKind.CrossAzTransfer, CostKind.NatGateway, CostKind.LoadBalancer })
        {
            Assert.Equal(ec2.HasLine(kind), eks.HasLine(kind));
            if (ec2.HasLine(kind))
            {
                Assert.True(ec2.Line(kind).MonthlyUsd == eks.Line(kind).MonthlyUsd,
                    $"{kind}: EC2 ${ec2.Line(kind).MonthlyUsd} on {ec2.Machines} machines, EKS ${eks.Line(kind).MonthlyUsd} on {eks.Machines} "
                    + $"({eks.SystemNodes} system), {scenario.AvailabilityZones} AZs");
            }
        }
    }

    [Theory]
    [MemberData(nameof(PropertyCases.Seeds), MemberType = typeof(PropertyCases))]
    public void Estimate_LosingTheLargestMachine_LeavesEnoughCapacityForThePeak(int seed)
    {
        var scenario = Any(seed);
        var estimate = Fixture.Estimate(scenario);

        foreach (var path in new[] { estimate.Ec2, estimate.Eks })
        {
            if (!path.Feasible)
            {
                continue;
            }

            var left = path.Vms - (path.VmsPerMachine * scenario.SpareInstances);
            Assert.True((double)left * path.ConnectionsPerVm >= scenario.PeakConnections,
                $"{path.Path}: ({path.Vms} VMs − {path.VmsPerMachine} × {scenario.SpareInstances} spare) × {path.ConnectionsPerVm} "
                + $"< {scenario.PeakConnections} connections");
        }
    }

    [Theory]
    [MemberData(nameof(PropertyCases.Seeds), MemberType = typeof(PropertyCases))]
    public void Estimate_RandomScenario_HasNoNaNInfinityOrNegativeFigure(int seed)
    {
        var estimate = Fixture.Estimate(Any(seed));

        foreach (var path in new[] { estimate.Ec2, estimate.Eks })
        {
            Assert.All(path.CostLines, l => Assert.True(l.MonthlyUsd >= 0, $"{path.Path} {l.Kind} = {l.MonthlyUsd}"));
            Assert.All(path.Memory.Slices.Concat(path.Cpu.Slices), s =>
                Assert.True(double.IsFinite(s.Amount) && s.Amount >= 0, $"{path.Path} {s.Name} = {s.Amount}"));
            Assert.True(double.IsFinite(path.VmCpuCores) && path.VmCpuCores >= 0, $"{path.Path} {path.VmCpuCores} cores");
            Assert.True(path.MonthlyUsd >= 0, $"{path.Path} ${path.MonthlyUsd}");
        }

        var first = estimate.Projection[0];
        Assert.Equal(estimate.Ec2.Feasible, first.Ec2MonthlyUsd is not null);
        Assert.Equal(estimate.Eks.Feasible, first.EksMonthlyUsd is not null);
        Assert.All(estimate.Projection, m =>
        {
            // Null only where the path cannot run that month (no machines), never a negative or $0 stand-in.
            Assert.Equal(m.Ec2Machines > 0, m.Ec2MonthlyUsd is not null);
            Assert.Equal(m.EksMachines > 0, m.EksMonthlyUsd is not null);
            foreach (var usd in new[] { m.Ec2MonthlyUsd, m.EksMonthlyUsd, m.Ec2CumulativeUsd, m.EksCumulativeUsd })
            {
                Assert.True(usd is null || usd >= 0, $"month {m.Month}: {usd}");
            }
        });
    }

    [Theory]
    [MemberData(nameof(PropertyCases.Seeds), MemberType = typeof(PropertyCases))]
    public void Estimate_RandomScenario_VerdictFollowsTheLastCumulativeCosts(int seed)
    {
        var estimate = Fixture.Estimate(Any(seed));
        var verdict = estimate.Verdict;
        var last = estimate.Projection[^1];

        if (last.Ec2CumulativeUsd is not { } ec2 || last.EksCumulativeUsd is not { } eks)
        {
            Assert.Null(verdict.CheapestPath);
            Assert.Equal(0m, verdict.HorizonSavingUsd);
            return;
        }

        Assert.Equal(Math.Abs(ec2 - eks), verdict.HorizonSavingUsd);
        DeploymentPath? cheapest = ec2 == eks ? null : ec2 < eks ? DeploymentPath.Ec2 : DeploymentPath.Eks;
        Assert.Equal(cheapest, verdict.CheapestPath);
    }
}
