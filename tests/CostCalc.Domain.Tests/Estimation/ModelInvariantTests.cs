using CostCalc.Domain.Capacity;
using CostCalc.Domain.Estimation;
using CostCalc.Domain.Scenarios;
using CostCalc.Domain.Tests.TestSupport;

namespace CostCalc.Domain.Tests.Estimation;

/// <summary>
/// Invariants of the model over seeded random valid scenarios (<see cref="PropertyCases.Count"/> cases
/// each), for every path the scenario shows (<see cref="RandomScenarios.Any"/> hides some now and then):
/// packing respects the node, costs add up, shared costs match, spare capacity covers a lost machine,
/// nothing is NaN or negative, and the verdict follows the projection.
/// </summary>
public class ModelInvariantTests
{
    private const double Tolerance = 1e-9;

    /// <summary>A random scenario with a random horizon, so projections and verdicts span several months.</summary>
    private static Scenario Any(int seed)
    {
        var random = new Random(seed);
        var scenario = RandomScenarios.Any(random);
        // Bytes to clients from a generator of their own, so the other inputs stay the ones each seed always drew:
        // none one time in five, else 1 B/s … 10 MB/s, spread evenly on a log scale.
        var egress = new Random(seed + 7_919);
        var clientBytes = egress.Next(5) == 0 ? 0 : Math.Pow(10, egress.NextDouble() * 7);
        return scenario with { HorizonMonths = random.Next(1, 37), ClientBytesPerConnectionPerSecond = clientBytes };
    }

    [Fact]
    public void RandomScenarios_OverAllSeeds_HideSomePathsButNeverAll()
    {
        // The generator must exercise hidden paths, or the properties below only ever see all five.
        var hidden = Enumerable.Range(0, PropertyCases.Count).Select(seed => Any(seed).HiddenPaths).ToList();

        Assert.Contains(hidden, h => h.Count == 0);
        Assert.Contains(hidden, h => h.Count == 1);
        Assert.Contains(hidden, h => h.Count == 2);
        Assert.DoesNotContain(hidden, h => h.Count == DeploymentPaths.BuiltIn.Count);
    }

    [Theory]
    [MemberData(nameof(PropertyCases.Seeds), MemberType = typeof(PropertyCases))]
    public void Estimate_FixedSizePods_NeverOvercommitTheNodeAfterDaemonSets(int seed)
    {
        // Every case on fixed-size pods on nodes (the limit RandomScenarios draws is 0 or at least the request).
        var scenario = Any(seed) with { PodLayout = PodLayout.FixedPodSize, HiddenPaths = PathList.Empty };

        var eks = Fixture.Estimate(scenario)[PathIds.Eks];

        var node = NodeOverhead.For(Fixture.Find(scenario.EksNodeInstanceType), scenario.MaxPodsMode, scenario.FixedMaxPods, scenario.AutoMode);
        // Under Auto Mode Kubernetes' node components are not pods (model.md §2.5): only the host agents take room.
        var components = scenario.AutoMode ? 0 : 1;
        var freeCpu = node.AllocatableCpuMillicores - scenario.HostAgentCpuMillicores - (components * scenario.NodeComponentCpuMillicores);
        var freeMemory = node.AllocatableMemoryMiB - scenario.HostAgentMemoryMiB - (components * scenario.NodeComponentMemoryMiB);
        var freeSlots = node.MaxPods - scenario.HostAgentPods - (components * scenario.NodeComponentPods);
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
    public void Estimate_RandomScenario_ShowsExactlyThePathsNotHidden(int seed)
    {
        var scenario = Any(seed);

        var estimate = Fixture.Estimate(scenario);

        string[] shown = [.. DeploymentPaths.BuiltIn.Select(p => p.Id).Where(id => !scenario.HiddenPaths.Contains(id))];
        Assert.NotEmpty(shown);
        Assert.Equal(shown, estimate.Paths.Select(p => p.Id));
        Assert.Equal(shown, estimate.Projection.Paths.Select(p => p.Path));
        Assert.Equal(shown, estimate.Verdict.Comparisons.Select(c => c.Path));
        Assert.All(estimate.Warnings, w => Assert.True(w.Path is null || shown.Contains(w.Path), $"{w.Code} on hidden {w.Path}"));
    }

    [Theory]
    [MemberData(nameof(PropertyCases.Seeds), MemberType = typeof(PropertyCases))]
    public void Estimate_RandomScenario_CostLinesSumToEachPathsMonthlyCost(int seed)
    {
        var estimate = Fixture.Estimate(Any(seed));

        foreach (var path in estimate.Paths)
        {
            var series = estimate.Projection[path.Id];
            Assert.Equal(path.MonthlyUsd, path.CostLines.Sum(l => l.MonthlyUsd));
            Assert.Equal(path.CostLines.Count, path.CostLines.Select(l => l.Kind).Distinct().Count());
            Assert.Equal(path.Machines, series.Machines[0]);
            Assert.Equal(path.Vms, series.Vms[0]);
            if (path.Feasible)
            {
                // Month 1 of the projection prices every cost kind; the lines must show all of them.
                Assert.Equal(series.MonthlyUsd[0], path.MonthlyUsd);
            }
            else
            {
                Assert.Null(series.MonthlyUsd[0]);
                Assert.Empty(path.CostLines);
                Assert.Equal(0m, path.MonthlyUsd);
            }
        }
    }

    [Theory]
    [MemberData(nameof(PropertyCases.Seeds), MemberType = typeof(PropertyCases))]
    public void Estimate_AnyTwoPaths_ShareTrafficCostsEqually(int seed)
    {
        // Load balancer and NAT depend on the traffic only; cross-AZ also on how many zones the BEAM machines
        // span, so it matches when both paths span every zone or run as many BEAM machines.
        var scenario = Any(seed);
        var estimate = Fixture.Estimate(scenario);
        var feasible = estimate.Paths.Where(p => p.Feasible).ToList();

        foreach (var a in feasible)
        {
            foreach (var b in feasible.Where(p => string.CompareOrdinal(p.Id, a.Id) > 0))
            {
                var (beamA, beamB) = (a.Machines - a.SystemNodes, b.Machines - b.SystemNodes);
                var sameZones = beamA == beamB || (beamA >= scenario.AvailabilityZones && beamB >= scenario.AvailabilityZones);
                var kinds = sameZones
                    ? new[] { CostKind.CrossAzTransfer, CostKind.NatGateway, CostKind.LoadBalancer }
                    : [CostKind.NatGateway, CostKind.LoadBalancer];
                foreach (var kind in kinds)
                {
                    Assert.Equal(a.HasLine(kind), b.HasLine(kind));
                    if (a.HasLine(kind))
                    {
                        Assert.True(a.Line(kind).MonthlyUsd == b.Line(kind).MonthlyUsd,
                            $"{kind}: {a.Name} ${a.Line(kind).MonthlyUsd} on {beamA} BEAM machines, {b.Name} ${b.Line(kind).MonthlyUsd} "
                            + $"on {beamB}, {scenario.AvailabilityZones} AZs");
                    }
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(PropertyCases.Seeds), MemberType = typeof(PropertyCases))]
    public void Estimate_RandomScenario_InternetEgressIsEqualOnEveryShownPathAndNeverNegative(int seed)
    {
        // The bytes to clients depend on connections and bytes per connection only, not on how a path runs its VMs.
        var scenario = Any(seed);
        var estimate = Fixture.Estimate(scenario);
        var feasible = estimate.Paths.Where(p => p.Feasible).ToList();

        foreach (var path in feasible)
        {
            Assert.Equal(scenario.ClientBytesPerConnectionPerSecond > 0, path.HasLine(CostKind.InternetEgress));
            if (path.HasLine(CostKind.InternetEgress))
            {
                Assert.True(path.Line(CostKind.InternetEgress).MonthlyUsd >= 0, $"{path.Id} ${path.Line(CostKind.InternetEgress).MonthlyUsd}");
                Assert.Equal(feasible[0].Line(CostKind.InternetEgress), path.Line(CostKind.InternetEgress));
            }
        }
    }

    [Theory]
    [MemberData(nameof(PropertyCases.Seeds), MemberType = typeof(PropertyCases))]
    public void Estimate_LosingTheLargestMachine_LeavesEnoughCapacityForThePeak(int seed)
    {
        var scenario = Any(seed);
        var estimate = Fixture.Estimate(scenario);

        foreach (var path in estimate.Paths)
        {
            if (!path.Feasible)
            {
                continue;
            }

            if (scenario.SparePolicy == SparePolicy.Zone)
            {
                continue; // sized to lose a zone, not k machines: SparePolicyTests checks it
            }

            // N+k VMs keep k spare VMs; N+k machines keep k machines' worth.
            var left = path.Vms - ((scenario.SparePolicy == SparePolicy.Vms ? 1 : path.VmsPerMachine) * scenario.SpareInstances);
            Assert.True((double)left * path.ConnectionsPerVm >= scenario.PeakConnections,
                $"{path.Id}: ({path.Vms} VMs − {path.VmsPerMachine} × {scenario.SpareInstances} spare) × {path.ConnectionsPerVm} "
                + $"< {scenario.PeakConnections} connections");
        }
    }

    [Theory]
    [MemberData(nameof(PropertyCases.Seeds), MemberType = typeof(PropertyCases))]
    public void Estimate_RandomScenario_HasNoNaNInfinityOrNegativeFigure(int seed)
    {
        var estimate = Fixture.Estimate(Any(seed));

        foreach (var path in estimate.Paths)
        {
            Assert.All(path.CostLines, l => Assert.True(l.MonthlyUsd >= 0, $"{path.Id} {l.Kind} = {l.MonthlyUsd}"));
            Assert.All(path.Memory.Slices.Concat(path.Cpu.Slices), s =>
                Assert.True(double.IsFinite(s.Amount) && s.Amount >= 0, $"{path.Id} {s.Name} = {s.Amount}"));
            Assert.True(double.IsFinite(path.VmCpuCores) && path.VmCpuCores >= 0, $"{path.Id} {path.VmCpuCores} cores");
            Assert.True(path.MonthlyUsd >= 0, $"{path.Id} ${path.MonthlyUsd}");
            Assert.Equal(path.Feasible, estimate.Projection[path.Id].MonthlyUsd[0] is not null);
        }

        var months = estimate.Projection.Months;
        Assert.Equal(estimate.Scenario.HorizonMonths, months);
        foreach (var series in estimate.Projection.Paths)
        {
            Assert.Equal(months, series.Machines.Count);
            Assert.Equal(months, series.Vms.Count);
            Assert.Equal(months, series.MonthlyUsd.Count);
            Assert.Equal(months, series.CumulativeUsd.Count);
            for (var m = 0; m < months; m++)
            {
                // Null only where the path cannot run that month (no machines), never a negative or $0 stand-in.
                Assert.Equal(series.Machines[m] > 0, series.MonthlyUsd[m] is not null);
                Assert.True(series.MonthlyUsd[m] is null || series.MonthlyUsd[m] >= 0, $"{series.Path} month {m + 1}: {series.MonthlyUsd[m]}");
                Assert.True(series.CumulativeUsd[m] is null || series.CumulativeUsd[m] >= 0, $"{series.Path} month {m + 1}: {series.CumulativeUsd[m]}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(PropertyCases.Seeds), MemberType = typeof(PropertyCases))]
    public void Estimate_RandomScenario_CumulativeIsTheRunningSumUntilAMonthCannotBeCosted(int seed)
    {
        var estimate = Fixture.Estimate(Any(seed));

        foreach (var series in estimate.Projection.Paths)
        {
            decimal? total = 0;
            for (var m = 0; m < estimate.Projection.Months; m++)
            {
                total = total is { } t && series.MonthlyUsd[m] is { } usd ? t + usd : null;
                Assert.Equal(total, series.CumulativeUsd[m]);
            }
        }
    }

    [Theory]
    [MemberData(nameof(PropertyCases.Seeds), MemberType = typeof(PropertyCases))]
    public void Estimate_RandomScenario_VerdictFollowsTheLastCumulativeCosts(int seed)
    {
        var estimate = Fixture.Estimate(Any(seed));
        var verdict = estimate.Verdict;
        var totals = estimate.Projection.Paths
            .Where(p => p.CumulativeUsd[^1] is not null)
            .Select(p => (p.Path, Total: p.CumulativeUsd[^1]!.Value))
            .OrderBy(p => p.Total)
            .ToList();

        if (totals.Count < 2 || totals[0].Total == totals[1].Total)
        {
            // Nothing to compare, or the cheapest totals tie: no winner.
            Assert.Null(verdict.CheapestPath);
            Assert.Null(verdict.RunnerUpPath);
            Assert.Equal(0m, verdict.HorizonSavingUsd);
            return;
        }

        // The cheapest path has the lowest horizon total of all, strictly; the saving is against the next cheapest.
        var cheapest = Assert.IsType<string>(verdict.CheapestPath);
        var cheapestTotal = estimate.Projection[cheapest].CumulativeUsd[^1]!.Value;
        Assert.All(totals.Where(t => t.Path != cheapest), t => Assert.True(cheapestTotal < t.Total, $"{cheapest} ${cheapestTotal} vs {t.Path} ${t.Total}"));
        Assert.Equal(totals[0].Path, cheapest);
        Assert.Equal(totals[1].Total - totals[0].Total, verdict.HorizonSavingUsd);
        Assert.Equal(totals[1].Total, estimate.Projection[verdict.RunnerUpPath!].CumulativeUsd[^1]);

        // Every comparison is against the cheapest path.
        foreach (var comparison in verdict.Comparisons)
        {
            var series = estimate.Projection[comparison.Path];
            Assert.Equal(series.CumulativeUsd[^1], comparison.HorizonUsd);
            Assert.Equal(series.MonthlyUsd[0], comparison.Month1Usd);
            Assert.Equal(series.CumulativeUsd[^1] - cheapestTotal, comparison.HorizonDifferenceUsd);
            Assert.True(comparison.HorizonDifferenceUsd is null || comparison.HorizonDifferenceUsd >= 0, $"{comparison.Path} {comparison.HorizonDifferenceUsd}");
        }
    }
}
