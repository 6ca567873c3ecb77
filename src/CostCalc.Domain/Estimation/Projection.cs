using CostCalc.Domain.Scenarios;

namespace CostCalc.Domain.Estimation;

/// <summary>Month-by-month size and cost of every path as connections grow.</summary>
internal static class ProjectionBuilder
{
    public static Projection Build(IReadOnlyList<(string Id, IPathPlan Plan)> paths, Scenario scenario)
    {
        var counts = Counts(scenario);
        var series = new PathSeries[paths.Count];
        var sheet = CostSheet.Totals();
        for (var p = 0; p < paths.Count; p++)
        {
            series[p] = Series(paths[p].Id, paths[p].Plan, counts, sheet);
        }

        return new Projection([.. counts.Select(c => (long)Math.Round(c))], series);
    }

    /// <summary>One growth sequence for every path: each month is sized at the unrounded count, shown rounded.</summary>
    public static double[] Counts(Scenario scenario)
    {
        var counts = new double[scenario.HorizonMonths];
        var growth = 1 + (scenario.GrowthPercentPerMonth / 100);
        double count = scenario.PeakConnections;
        for (var m = 0; m < counts.Length; m++)
        {
            counts[m] = count;
            count = Math.Max(1, count * growth);
        }

        return counts;
    }

    /// <summary>
    /// A path's cost summed over every month, as the projection's last cumulative figure, on a totals-only
    /// sheet; null as soon as a month cannot run (the projection's cumulative total is null from then on).
    /// </summary>
    public static decimal? HorizonTotal(IPathPlan plan, double[] counts, CostSheet sheet)
    {
        decimal total = 0;
        for (var m = 0; m < counts.Length; m++)
        {
            var size = plan.Size(counts[m]);
            if (!size.Feasible)
            {
                return null;
            }

            sheet.Clear();
            plan.Cost(size, counts[m], sheet);
            total += sheet.Total;
        }

        return total;
    }

    private static PathSeries Series(string id, IPathPlan plan, double[] counts, CostSheet sheet)
    {
        var months = counts.Length;
        var machines = new long[months];
        var vms = new long[months];
        var monthly = new decimal?[months];
        var cumulative = new decimal?[months];
        decimal? total = 0;
        for (var m = 0; m < months; m++)
        {
            var size = plan.Size(counts[m]);
            machines[m] = size.Machines;
            vms[m] = size.Vms;
            if (size.Feasible)
            {
                sheet.Clear();
                plan.Cost(size, counts[m], sheet);
                monthly[m] = sheet.Total;
            }

            total += monthly[m];
            cumulative[m] = total;
        }

        return new PathSeries(id, machines, vms, monthly, cumulative);
    }
}
