using CostCalc.Domain.Scenarios;

namespace CostCalc.Domain.Estimation;

/// <summary>Month-by-month size and cost of every path as connections grow.</summary>
internal static class ProjectionBuilder
{
    public static Projection Build(IReadOnlyList<(string Id, IPathPlan Plan)> paths, Scenario scenario)
    {
        var months = scenario.HorizonMonths;
        var connections = new long[months];
        var growth = 1 + (scenario.GrowthPercentPerMonth / 100);
        double count = scenario.PeakConnections;
        for (var m = 0; m < months; m++)
        {
            connections[m] = (long)Math.Round(count);
            count = Math.Max(1, count * growth);
        }

        var series = new PathSeries[paths.Count];
        var sheet = CostSheet.Totals();
        for (var p = 0; p < paths.Count; p++)
        {
            series[p] = Series(paths[p].Id, paths[p].Plan, scenario, months, sheet);
        }

        return new Projection(connections, series);
    }

    private static PathSeries Series(string id, IPathPlan plan, Scenario scenario, int months, CostSheet sheet)
    {
        var machines = new long[months];
        var vms = new long[months];
        var monthly = new decimal?[months];
        var cumulative = new decimal?[months];
        var growth = 1 + (scenario.GrowthPercentPerMonth / 100);
        double connections = scenario.PeakConnections;
        decimal? total = 0;
        for (var m = 0; m < months; m++)
        {
            var size = plan.Size(connections);
            machines[m] = size.Machines;
            vms[m] = size.Vms;
            if (size.Feasible)
            {
                sheet.Clear();
                plan.Cost(size, connections, sheet);
                monthly[m] = sheet.Total;
            }

            total += monthly[m];
            cumulative[m] = total;
            connections = Math.Max(1, connections * growth);
        }

        return new PathSeries(id, machines, vms, monthly, cumulative);
    }
}
