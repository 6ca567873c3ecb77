using CostCalc.Domain.Estimation;
using CostCalc.Domain.Scenarios;
using CostCalc.Domain.Tests.TestSupport;

namespace CostCalc.Domain.Tests.Estimation;

/// <summary>Invariants of the daily load shape and autoscaling (docs/model.md §7.10–§7.12) over random scenarios.</summary>
public class LoadShapePropertyTests
{
    private static readonly CostKind[] UsageBilled =
        [CostKind.LoadBalancer, CostKind.InternetEgress, CostKind.CrossAzTransfer, CostKind.NatGateway, CostKind.CpuCredits];

    /// <summary>A random scenario with a random day shape (never flat) and random scale-in inputs.</summary>
    private static Scenario Shaped(Random random, bool autoscaling) => RandomScenarios.Any(random) with
    {
        PeakHoursPerDay = RandomScenarios.Between(random, 1, 23.5),
        OffPeakLoadPercent = RandomScenarios.Between(random, 0, 100),
        RampMinutes = random.Next(3) == 0 ? 0 : RandomScenarios.Between(random, 0, 300),
        ScaleInDrainSeconds = RandomScenarios.Between(random, 0, 600),
        Autoscaling = autoscaling,
    };

    [Theory]
    [MemberData(nameof(PropertyCases.Seeds), MemberType = typeof(PropertyCases))]
    public void Estimate_TwentyFourPeakHours_IsTodaysEstimateWhateverTheOtherShapeInputs(int seed)
    {
        var random = new Random(seed);
        var today = RandomScenarios.Any(random) with { HorizonMonths = 6 };
        var flat = today with
        {
            PeakHoursPerDay = 24,
            OffPeakLoadPercent = RandomScenarios.Between(random, 0, 100),
            RampMinutes = RandomScenarios.Between(random, 0, 720),
            ScaleInDrainSeconds = RandomScenarios.Between(random, 0, 3_600),
            Autoscaling = random.Next(2) == 0,
        };

        var expected = Fixture.Estimate(today);
        var actual = Fixture.Estimate(flat);

        foreach (var path in expected.Paths)
        {
            var other = actual[path.Id];
            Assert.Equal(path.MonthlyUsd, other.MonthlyUsd);
            Assert.Equal(path.CostLines, other.CostLines);
            Assert.Equal(path.Disruption.ConnectionsDroppedPerMonth, other.Disruption.ConnectionsDroppedPerMonth);
            Assert.Equal(path.Disruption.VmRestartsPerMonth, other.Disruption.VmRestartsPerMonth);
            Assert.Equal(path.Disruption.Facts, other.Disruption.Facts);
            Assert.Equal(expected.Projection[path.Id].MonthlyUsd, actual.Projection[path.Id].MonthlyUsd);
        }
    }

    [Theory]
    [MemberData(nameof(PropertyCases.Seeds), MemberType = typeof(PropertyCases))]
    public void Estimate_LowerOffPeakLoad_NeverRaisesAUsageBilledLine(int seed)
    {
        var random = new Random(seed);
        var autoscaling = seed % 2 == 0;
        var higher = Shaped(random, autoscaling);
        var lower = higher with { OffPeakLoadPercent = RandomScenarios.Between(random, 0, higher.OffPeakLoadPercent) };

        var high = Fixture.Estimate(higher);
        var low = Fixture.Estimate(lower);

        foreach (var path in high.Paths.Where(p => p.Feasible))
        {
            foreach (var kind in UsageBilled)
            {
                // With autoscaling, fewer busier burstable machines may spend more surplus credits (model.md §7.10).
                if (autoscaling && kind == CostKind.CpuCredits)
                {
                    continue;
                }

                var before = Amount(path, kind);
                var after = Amount(low[path.Id], kind);
                Assert.True(after <= before + 0.000001m, $"seed {seed} {path.Id} {kind}: {after} > {before} at a lower off-peak load");
            }
        }
    }

    [Theory]
    [MemberData(nameof(PropertyCases.Seeds), MemberType = typeof(PropertyCases))]
    public void Estimate_Autoscaling_MachinesNeverExceedThePeakFleetAndDropsAreNeverNegative(int seed)
    {
        var random = new Random(seed);
        var scenario = Shaped(random, autoscaling: true);
        var fixedFleet = Fixture.Estimate(scenario with { Autoscaling = false });
        var autoscaled = Fixture.Estimate(scenario);

        foreach (var path in autoscaled.Paths.Where(p => p.Feasible))
        {
            var steady = fixedFleet[path.Id];
            Assert.True(path.Disruption.ConnectionsDroppedPerMonth >= steady.Disruption.ConnectionsDroppedPerMonth, $"seed {seed} {path.Id}");
            Assert.True(path.Disruption.VmRestartsPerMonth >= steady.Disruption.VmRestartsPerMonth, $"seed {seed} {path.Id}");
            Assert.Equal(steady.Machines, path.Machines);
            Assert.NotNull(path.Disruption.Find(DropCauses.ScaleIn));
        }
    }

    [Theory]
    [MemberData(nameof(PropertyCases.Seeds), MemberType = typeof(PropertyCases))]
    public void ConnectionsDroppedPerDay_LongerDrain_NeverDropsMore(int seed)
    {
        var random = new Random(seed);
        var removed = random.NextInt64(0, 1_000);
        var vms = removed + random.NextInt64(1, 1_000);
        var peak = RandomScenarios.Between(random, 1, 10_000_000);
        var rate = random.Next(5) == 0 ? 0 : RandomScenarios.Between(random, 0, 10_000);
        var shortDrain = RandomScenarios.Between(random, 0, 3_600);
        var longDrain = RandomScenarios.Between(random, shortDrain, 3_600);

        var more = ScaleIn.ConnectionsDroppedPerDay(removed, peak, vms, shortDrain, rate);
        var fewer = ScaleIn.ConnectionsDroppedPerDay(removed, peak, vms, longDrain, rate);

        Assert.InRange(fewer, 0, more);
        Assert.True(more <= removed * peak / vms * (1 + 1e-12), $"seed {seed}: more than the removed VMs hold");
    }

    private static decimal Amount(PathEstimate path, CostKind kind) =>
        path.CostLines.Where(l => l.Kind == kind).Sum(l => l.MonthlyUsd);
}
