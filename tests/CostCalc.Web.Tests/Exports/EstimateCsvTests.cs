using System.Globalization;
using CostCalc.Domain.Scenarios;
using CostCalc.Web.Exports;
using CostCalc.Web.Tests.TestSupport;

namespace CostCalc.Web.Tests.Exports;

public sealed class EstimateCsvTests : MudBunitContext
{
    private static readonly DateOnly Today = new(2026, 11, 25);

    private static List<string[]> Rows(string csv) => [.. csv.TrimEnd('\n').Split('\n').Skip(1).Select(Cells)];

    /// <summary>One CSV line's cells (RFC 4180: commas inside quotes do not split, "" is a quote).</summary>
    private static string[] Cells(string line)
    {
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '"' && quoted && i + 1 < line.Length && line[i + 1] == '"')
            {
                cell.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }

        cells.Add(cell.ToString());
        return [.. cells];
    }

    [Fact]
    public void Write_StartsWithItsHeaderAndHasNoBlankOrCommentLines()
    {
        var csv = EstimateCsv.Write(Estimator.Estimate(Scenario.Default, Today));

        Assert.StartsWith(EstimateCsv.Header + "\n", csv, StringComparison.Ordinal);
        var lines = csv.TrimEnd('\n').Split('\n');
        Assert.DoesNotContain(lines, l => l.Length == 0 || l.StartsWith('#'));
    }

    [Fact]
    public void Write_EveryRowHasTheHeadersColumns()
    {
        var csv = EstimateCsv.Write(Estimator.Estimate(Scenario.Default, Today));
        var columns = EstimateCsv.Header.Split(',').Length;

        Assert.All(csv.TrimEnd('\n').Split('\n'), line => Assert.Equal(columns, Cells(line).Length));
    }

    [Fact]
    public void Write_Defaults_TotalsPerPathAndMonthOneOfTheProjection()
    {
        var estimate = Estimator.Estimate(Scenario.Default, Today);

        var rows = Rows(EstimateCsv.Write(estimate));

        foreach (var path in estimate.Paths)
        {
            var total = rows.Single(r => r[3] == path.Id && r[5] == "total");
            Assert.Equal(path.MonthlyUsd.ToString("0.00", CultureInfo.InvariantCulture), total[8]);
            Assert.Equal(["us-east-1", "1", "usd_per_month"], [total[0], total[4], total[9]]);
            var month1 = rows.Single(r => r[3] == path.Id && r[4] == "1" && r[6] == "monthly_cost");
            Assert.Equal(total[8], month1[8]);
        }

        // 36 months of connections, the default peak of 100,000 in month 1.
        var connections = rows.Where(r => r[5] == "projection" && r[6] == "connections").ToList();
        Assert.Equal(36, connections.Count);
        Assert.Equal("100000", connections[0][8]);
        Assert.Equal(36 * estimate.Paths.Count, rows.Count(r => r[6] == "cumulative_cost"));
    }

    [Fact]
    public void Write_Defaults_ConnectionsDroppedByCausePerPath()
    {
        var estimate = Estimator.Estimate(Scenario.Default, Today);

        var rows = Rows(EstimateCsv.Write(estimate));

        // Default deploys: 8 a month × 100,000 connections on every path; EC2's instance refresh: 12 a year = 1 a month × 100,000
        // connections and 3 VMs restarted; 3 Kubernetes upgrades a year = 0.25 a month × 100,000 = 25,000.
        var dropped = rows.Where(r => r[5] == "drop_cause" && r[9] == "connections_dropped_per_month").ToList();
        Assert.All(estimate.Paths, p => Assert.Contains(dropped, r => r[3] == p.Id && r[6] == "Deploys" && r[8] == "800000"));
        Assert.Contains(dropped, r => r[3] == "ec2" && r[6] == "OS/AMI patching" && r[8] == "100000");
        Assert.Contains(rows, r => r[3] == "ec2" && r[6] == "OS/AMI patching" && r[9] == "vm_restarts_per_month" && r[8] == "3");
        Assert.Contains(dropped, r => r[3] == "eks" && r[6] == "Kubernetes upgrades" && r[8] == "25000");
    }

    [Fact]
    public void Write_CostLines_SayWhetherTheyAreAtListPriceOrAdjusted()
    {
        var list = Rows(EstimateCsv.Write(Estimator.Estimate(Scenario.Default, Today)));
        var adjusted = Rows(EstimateCsv.Write(Estimator.Estimate(Scenario.Default with { Ec2DiscountPercent = 20 }, Today)));

        var ec2Compute = (List<string[]> rows) => rows.First(r => r[3] == "ec2" && r[5] == "cost_line" && r[7] == "compute");
        Assert.Equal("list price", ec2Compute(list)[12]);
        Assert.StartsWith("adjusted: ", ec2Compute(adjusted)[12], StringComparison.Ordinal);
        Assert.Contains("20 %", ec2Compute(adjusted)[12], StringComparison.Ordinal);
    }

    [Fact]
    public void Write_HiddenPath_LeavesItsRowsOut()
    {
        var estimate = Estimator.Estimate(Scenario.Default with { HiddenPaths = PathList.Of([PathIds.Eks]) }, Today);

        var csv = EstimateCsv.Write(estimate);

        Assert.DoesNotContain(",eks,", csv, StringComparison.Ordinal);
        Assert.Contains(",eks-fargate,1,total,", csv, StringComparison.Ordinal);
    }
}
