using CostCalc.Domain.Estimation;
using CostCalc.Domain.Prices;
using CostCalc.Domain.Scenarios;
using CostCalc.Domain.Tests.TestSupport;

namespace CostCalc.Domain.Tests.Estimation;

/// <summary>
/// The projection prices a month again only when its connections differ from the month before's. These properties
/// hold it to a straightforward computation that sizes and prices every month of every path on its own.
/// </summary>
public class ProjectionPropertyTests
{
    [Theory]
    [MemberData(nameof(PropertyCases.Seeds), MemberType = typeof(PropertyCases))]
    public void Projection_RandomScenario_EqualsEveryMonthComputedOnItsOwn(int seed)
    {
        var random = new Random(seed);
        var scenario = WithHorizon(RandomScenarios.Any(random), random);

        var projection = Fixture.Estimate(scenario).Projection;

        var region = PriceAdjustments.Apply(scenario, Fixture.Prices.Find(scenario.Region)!);
        var counts = MonthByMonth(scenario);
        Assert.Equal(counts.Select(c => (long)Math.Round(c)), projection.Connections);
        foreach (var path in Fixture.Estimator.Shown(scenario))
        {
            var plan = path.Plan(scenario, region, Fixture.Catalog);
            var series = projection[path.Id];
            decimal? cumulative = 0;
            for (var m = 0; m < counts.Length; m++)
            {
                var size = plan.Size(counts[m]);
                decimal? usd = size.Feasible ? Estimator.Describe(path.Id, path.Name, plan, counts[m]).MonthlyUsd : null;
                cumulative += usd;
                var at = $"{path.Name}, month {m + 1} of {counts.Length}, {counts[m]} connections";
                Assert.True(size.Machines == series.Machines[m], $"{at}: {size.Machines} machines, projected {series.Machines[m]}");
                Assert.True(size.Vms == series.Vms[m], $"{at}: {size.Vms} VMs, projected {series.Vms[m]}");
                Assert.True(usd == series.MonthlyUsd[m], $"{at}: ${usd}, projected ${series.MonthlyUsd[m]}");
                Assert.True(cumulative == series.CumulativeUsd[m], $"{at}: ${cumulative} so far, projected ${series.CumulativeUsd[m]}");
            }
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(36)]
    [InlineData(60)]
    public void Projection_NoGrowth_EveryMonthCostsWhatMonthOneDoes(int months)
    {
        var scenario = Scenario.Default with { GrowthPercentPerMonth = 0, HorizonMonths = months };

        var estimate = Fixture.Estimate(scenario);

        foreach (var path in estimate.Paths)
        {
            var series = estimate.Projection[path.Id];
            Assert.All(series.MonthlyUsd, usd => Assert.Equal(path.MonthlyUsd, usd));
            Assert.All(series.Machines, machines => Assert.Equal(path.Machines, machines));
            Assert.All(series.Vms, vms => Assert.Equal(path.Vms, vms));
        }
    }

    /// <summary>
    /// A horizon of 1–60 months; growth of 0 % a third of the time (every month equal), else the drawn rate, now and
    /// then steep enough to fall to the floor of one connection; and now and then a day with a peak, autoscaled or not.
    /// </summary>
    private static Scenario WithHorizon(Scenario scenario, Random random) => scenario with
    {
        HorizonMonths = random.Next(1, 61),
        GrowthPercentPerMonth = random.Next(3) switch
        {
            0 => 0,
            1 => RandomScenarios.Between(random, -50, -20),
            _ => scenario.GrowthPercentPerMonth,
        },
        PeakHoursPerDay = random.Next(3) == 0 ? random.Next(1, 24) : 24,
        Autoscaling = random.Next(2) == 0,
    };

    /// <summary>Month 1 at the peak, each next month grown by the rate and never below one connection.</summary>
    private static double[] MonthByMonth(Scenario scenario)
    {
        var counts = new double[scenario.HorizonMonths];
        double count = scenario.PeakConnections;
        for (var m = 0; m < counts.Length; m++)
        {
            counts[m] = count;
            count = Math.Max(1, count * (1 + (scenario.GrowthPercentPerMonth / 100)));
        }

        return counts;
    }
}
