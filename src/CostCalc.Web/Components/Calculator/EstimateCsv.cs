using System.Globalization;
using System.Text;
using CostCalc.Domain.Estimation;

namespace CostCalc.Web.Components.Calculator;

/// <summary>An estimate as CSV: one section of cost lines per path, then the projection.</summary>
public static class EstimateCsv
{
    public static string Write(Estimate estimate)
    {
        var inv = CultureInfo.InvariantCulture;
        var csv = new StringBuilder();
        csv.Append(inv, $"# CostCalc estimate, region {estimate.Scenario.Region}, prices as of {estimate.PricesAsOf:yyyy-MM-dd}, snapshot {estimate.SnapshotId}\n");
        csv.Append("path,cost_line,monthly_usd,detail,source\n");
        foreach (var path in new[] { estimate.Ec2, estimate.Eks })
        {
            foreach (var line in path.CostLines)
            {
                csv.Append(inv, $"{Display.PathName(path.Path)},{Quote(line.Name)},{line.MonthlyUsd:0.00},{Quote(line.Detail)},{Quote(line.Source)}\n");
            }

            csv.Append(inv, $"{Display.PathName(path.Path)},Total,{path.MonthlyUsd:0.00},,\n");
        }

        csv.Append("\nmonth,connections,ec2_machines,eks_machines,ec2_monthly_usd,eks_monthly_usd,ec2_cumulative_usd,eks_cumulative_usd\n");
        foreach (var m in estimate.Projection)
        {
            csv.Append(inv, $"{m.Month},{m.Connections},{m.Ec2Machines},{m.EksMachines},{m.Ec2MonthlyUsd:0.00},{m.EksMonthlyUsd:0.00},{m.Ec2CumulativeUsd:0.00},{m.EksCumulativeUsd:0.00}\n");
        }

        return csv.ToString();
    }

    private static string Quote(string value) =>
        value.AsSpan().IndexOfAny(",\"\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
