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
        var months = new MonthPricer(plan, sheet);
        decimal total = 0;
        for (var m = 0; m < counts.Length; m++)
        {
            if (months.At(counts[m]).MonthlyUsd is not { } usd)
            {
                return null;
            }

            total += usd;
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
        var pricer = new MonthPricer(plan, sheet);
        decimal? total = 0;
        for (var m = 0; m < months; m++)
        {
            var (size, usd) = pricer.At(counts[m]);
            machines[m] = size.Machines;
            vms[m] = size.Vms;
            monthly[m] = usd;
            total += usd;
            cumulative[m] = total;
        }

        return new PathSeries(id, machines, vms, monthly, cumulative);
    }

    /// <summary>
    /// One path sized and priced month by month, a month priced again only when its connections differ from the
    /// month before's. A plan is a pure function of the connection count, so a month with the same count as the
    /// one before (every month at 0 % growth; the floor of one connection) has the same size and cost.
    /// </summary>
    private sealed class MonthPricer(IPathPlan plan, CostSheet sheet)
    {
        private bool _priced;
        private double _connections;
        private PathSize _size;
        private decimal? _monthlyUsd;

        /// <summary>The path's size at these connections, and its monthly cost; null when it cannot run.</summary>
        public (PathSize Size, decimal? MonthlyUsd) At(double connections)
        {
            if (!_priced || connections != _connections)
            {
                _size = plan.Size(connections);
                _monthlyUsd = null;
                if (_size.Feasible)
                {
                    sheet.Clear();
                    plan.Cost(_size, connections, sheet);
                    _monthlyUsd = sheet.Total;
                }

                (_priced, _connections) = (true, connections);
            }

            return (_size, _monthlyUsd);
        }
    }
}
