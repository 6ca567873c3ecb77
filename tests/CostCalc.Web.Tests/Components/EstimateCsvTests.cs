using System.Globalization;
using CostCalc.Domain.Scenarios;
using CostCalc.Web.Components.Calculator;
using CostCalc.Web.Tests.TestSupport;

namespace CostCalc.Web.Tests.Components;

public sealed class EstimateCsvTests : MudBunitContext
{
    private static readonly DateOnly Today = new(2026, 11, 25);

    [Fact]
    public void Write_Defaults_HasCostLinesPerPathThenProjectionColumnsPerPath()
    {
        var estimate = Estimator.Estimate(Scenario.Default, Today);

        var lines = EstimateCsv.Write(estimate).Split('\n');

        Assert.Equal("path,cost_line,kind,monthly_usd,detail,source", lines[1]);
        var costRows = lines.Skip(2).TakeWhile(l => l.Length > 0).ToList();
        Assert.Equal(estimate.Paths.Sum(p => p.CostLines.Count + 1), costRows.Count);
        Assert.Equal(["ec2", "eks", "eks-fargate", "ecs-ec2", "ecs-fargate"], costRows.Select(r => r.Split(',')[0]).Distinct());
        foreach (var path in estimate.Paths)
        {
            var total = costRows.Single(r => r.StartsWith($"{path.Id},Total,", StringComparison.Ordinal));
            Assert.Equal(path.MonthlyUsd.ToString("0.00", CultureInfo.InvariantCulture), total.Split(',')[3]);
        }

        var header = lines[2 + costRows.Count + 1];
        Assert.Equal(
            "month,connections,ec2_machines,eks_machines,eks-fargate_machines,ecs-ec2_machines,ecs-fargate_machines,"
            + "ec2_monthly_usd,eks_monthly_usd,eks-fargate_monthly_usd,ecs-ec2_monthly_usd,ecs-fargate_monthly_usd,"
            + "ec2_cumulative_usd,eks_cumulative_usd,eks-fargate_cumulative_usd,ecs-ec2_cumulative_usd,ecs-fargate_cumulative_usd",
            header);
        var month1 = lines[2 + costRows.Count + 2].Split(',');
        Assert.Equal("1", month1[0]);
        Assert.Equal("100000", month1[1]);
        Assert.Equal(estimate[PathIds.EksFargate].MonthlyUsd.ToString("0.00", CultureInfo.InvariantCulture), month1[9]);
        Assert.Equal(estimate[PathIds.EcsFargate].MonthlyUsd.ToString("0.00", CultureInfo.InvariantCulture), month1[11]);
        Assert.Contains(costRows, r => r.StartsWith("ecs-fargate,Cloud Map service discovery,serviceDiscovery,0.30,", StringComparison.Ordinal));
        Assert.Equal(36, lines.Skip(2 + costRows.Count + 2).TakeWhile(l => l.Length > 0).Count());
    }

    [Fact]
    public void Write_Defaults_EndsWithConnectionsDroppedByCausePerPath()
    {
        var estimate = Estimator.Estimate(Scenario.Default, Today);

        var lines = EstimateCsv.Write(estimate).Split('\n');

        var header = Array.IndexOf(lines, "path,drop_cause,events_per_month,connections_dropped_per_month,vm_restarts_per_month,detail,source");
        Assert.True(header > 0);
        var rows = lines.Skip(header + 1).TakeWhile(l => l.Length > 0).Select(l => l.Split(',')).ToList();
        Assert.Equal(estimate.Paths.Sum(p => p.Disruption.Causes.Count), rows.Count);
        // Default deploys: 8 a month × 100,000 connections on every path; EC2's instance refresh: 12 a year = 1 a month × 100,000.
        Assert.All(estimate.Paths, p => Assert.Contains(rows, r => r[0] == p.Id && r[1] == "Deploys" && r[2] == "8" && r[3] == "800000"));
        Assert.Contains(rows, r => r[0] == "ec2" && r[1] == "OS/AMI patching" && r[2] == "1" && r[3] == "100000" && r[4] == "3");
        Assert.Contains(rows, r => r[0] == "eks" && r[1] == "Kubernetes upgrades" && r[2] == "0.25" && r[3] == "25000");
    }

    [Fact]
    public void Write_HiddenPath_LeavesItsLinesAndColumnsOut()
    {
        var estimate = Estimator.Estimate(Scenario.Default with { HiddenPaths = PathList.Of([PathIds.Eks]) }, Today);

        var csv = EstimateCsv.Write(estimate);

        Assert.DoesNotContain("\neks,", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(",eks_machines", csv, StringComparison.Ordinal);
        Assert.Contains("\neks-fargate,Total,", csv, StringComparison.Ordinal);
        Assert.Contains(",ecs-fargate_cumulative_usd\n", csv, StringComparison.Ordinal);
    }
}
