using System.Globalization;
using System.Text;
using CostCalc.Domain.Estimation;
using CostCalc.Domain.Vocabulary;

namespace CostCalc.Web.Exports;

/// <summary>
/// An estimate as one tidy CSV table: one header, then one row per observation (a cost line, a path's
/// total, a month of the projection, a drop cause's figure); a cost line says whether it is at list price
/// or adjusted (its basis). Every row repeats the region, price date
/// and snapshot, so a row read alone still says what it is about; no comment or blank lines.
/// </summary>
public static class EstimateCsv
{
    public const string Header = "region,prices_as_of,snapshot,path,month,record,item,cost_kind,value,unit,detail,source,basis";

    public static string Write(Estimate estimate)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        var csv = new StringBuilder().Append(Header).Append('\n');
        var context = $"{Quote(estimate.Scenario.Region)},{Formats.Date(estimate.PricesAsOf)},{Quote(estimate.SnapshotId)}";
        void Row(string path, int month, string record, string item, string costKind, string value, string unit, string detail = "", string source = "", string basis = "") =>
            csv.Append(CultureInfo.InvariantCulture,
                $"{context},{path},{month},{record},{Quote(item)},{costKind},{value},{unit},{Quote(detail)},{Quote(source)},{Quote(basis)}\n");

        foreach (var path in estimate.Paths)
        {
            foreach (var line in path.CostLines)
            {
                Row(path.Id, 1, "cost_line", line.Name, CostKindStyle.Of(line.Kind).Code, Formats.UsdPlain(line.MonthlyUsd), "usd_per_month", line.Detail, line.Source, line.Basis);
            }

            Row(path.Id, 1, "total", "Total", "", Formats.UsdPlain(path.Feasible ? path.MonthlyUsd : null), "usd_per_month");
        }

        var projection = estimate.Projection;
        for (var m = 0; m < projection.Months; m++)
        {
            Row("", m + 1, "projection", "connections", "", Formats.Number(projection.Connections[m], "0"), "connections");
            foreach (var s in projection.Paths)
            {
                Row(s.Path, m + 1, "projection", "machines", "", Formats.Number(s.Machines[m], "0"), "machines");
                Row(s.Path, m + 1, "projection", "monthly_cost", "", Formats.UsdPlain(s.MonthlyUsd[m]), "usd_per_month");
                Row(s.Path, m + 1, "projection", "cumulative_cost", "", Formats.UsdPlain(s.CumulativeUsd[m]), "usd");
            }
        }

        foreach (var path in estimate.Paths)
        {
            foreach (var cause in path.Disruption.Causes)
            {
                Row(path.Id, 1, "drop_cause", cause.Cause, "", Formats.Number(cause.EventsPerMonth, "0.####"), "events_per_month", cause.Detail, cause.Source);
                Row(path.Id, 1, "drop_cause", cause.Cause, "", Formats.Number(cause.ConnectionsDroppedPerMonth, "0"), "connections_dropped_per_month");
                Row(path.Id, 1, "drop_cause", cause.Cause, "", Formats.Number(cause.VmRestartsPerMonth, "0"), "vm_restarts_per_month");
            }
        }

        return csv.ToString();
    }

    private static string Quote(string value) =>
        value.AsSpan().IndexOfAny(",\"\n\r") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
