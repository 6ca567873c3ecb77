using System.Globalization;
using System.Text;
using CostCalc.Domain.Estimation;
using CostCalc.Domain.Vocabulary;

namespace CostCalc.Web.Components.Calculator;

/// <summary>An estimate as CSV: one section of cost lines per path, the projection with columns per path, then connections dropped by cause per path.</summary>
public static class EstimateCsv
{
    public static string Write(Estimate estimate)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        var inv = CultureInfo.InvariantCulture;
        var csv = new StringBuilder();
        csv.Append(inv, $"# CostCalc estimate, region {estimate.Scenario.Region}, prices as of {Formats.Date(estimate.PricesAsOf)}, snapshot {estimate.SnapshotId}\n");
        csv.Append("path,cost_line,kind,monthly_usd,detail,source\n");
        foreach (var path in estimate.Paths)
        {
            foreach (var line in path.CostLines)
            {
                csv.Append(inv, $"{path.Id},{Quote(line.Name)},{CostKindStyle.Of(line.Kind).Code},{Formats.UsdPlain(line.MonthlyUsd)},{Quote(line.Detail)},{Quote(line.Source)}\n");
            }

            csv.Append(inv, $"{path.Id},Total,,{Formats.UsdPlain(path.Feasible ? path.MonthlyUsd : null)},,\n");
        }

        var series = estimate.Projection.Paths;
        csv.Append("\nmonth,connections");
        foreach (var column in new[] { "machines", "monthly_usd", "cumulative_usd" })
        {
            foreach (var s in series)
            {
                csv.Append(inv, $",{s.Path}_{column}");
            }
        }

        csv.Append('\n');
        for (var m = 0; m < estimate.Projection.Months; m++)
        {
            csv.Append(inv, $"{m + 1},{estimate.Projection.Connections[m]}");
            foreach (var s in series)
            {
                csv.Append(inv, $",{s.Machines[m]}");
            }

            foreach (var s in series)
            {
                csv.Append(',').Append(Formats.UsdPlain(s.MonthlyUsd[m]));
            }

            foreach (var s in series)
            {
                csv.Append(',').Append(Formats.UsdPlain(s.CumulativeUsd[m]));
            }

            csv.Append('\n');
        }

        csv.Append("\npath,drop_cause,events_per_month,connections_dropped_per_month,vm_restarts_per_month,detail,source\n");
        foreach (var path in estimate.Paths)
        {
            foreach (var cause in path.Disruption.Causes)
            {
                csv.Append(inv, $"{path.Id},{Quote(cause.Cause)},{cause.EventsPerMonth:0.####},{cause.ConnectionsDroppedPerMonth},{cause.VmRestartsPerMonth},{Quote(cause.Detail)},{Quote(cause.Source)}\n");
            }
        }

        return csv.ToString();
    }

    private static string Quote(string value) =>
        value.AsSpan().IndexOfAny(",\"\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
