using Bunit;
using CostCalc.Domain.Estimation;
using CostCalc.Domain.Scenarios;
using CostCalc.Domain.Vocabulary;
using CostCalc.Web.Components.Calculator;
using CostCalc.Web.Tests.TestSupport;

namespace CostCalc.Web.Tests.Components;

/// <summary>The beyond-cost view shows connections dropped by cause on every path; the capacity view what each plan survives.</summary>
public sealed class BeyondCostPanelTests : MudBunitContext
{
    private static readonly DateOnly Today = new(2026, 11, 25);

    [Fact]
    public void Render_Defaults_ShowsEveryCauseRowWithACellPerPath()
    {
        var estimate = Estimator.Estimate(Scenario.Default, Today);

        var panel = Render<BeyondCostPanel>(p => p.Add(c => c.Estimate, estimate));

        Assert.Equal(["Deploys", "OS/AMI patching", "Kubernetes upgrades"], panel.FindAll("tr[data-cause]").Select(r => r.GetAttribute("data-cause")));
        // Deploys: 8 × 100,000 on every path; EC2 refreshes 12 a year (1 a month × 100,000), EKS upgrades 3 a year (0.25 × 100,000).
        Assert.All(panel.FindAll("tr[data-cause=\"Deploys\"] td"), td => Assert.Equal("800,000", td.TextContent));
        Assert.Equal("100,000", panel.Find("tr[data-cause=\"OS/AMI patching\"] td[data-path=\"ec2\"]").TextContent);
        Assert.Equal("25,000", panel.Find("tr[data-cause=\"Kubernetes upgrades\"] td[data-path=\"eks\"]").TextContent);
        // EC2 has no Kubernetes to upgrade: a dash, not 0.
        Assert.Equal(Formats.NoValue, panel.Find("tr[data-cause=\"Kubernetes upgrades\"] td[data-path=\"ec2\"]").TextContent);
        // Totals: 800,000 + 100,000 on EC2; 800,000 + 75,000 + 25,000 on EKS.
        Assert.All(panel.FindAll("tr[data-row=\"dropped\"] td"), td => Assert.Equal("900,000", td.TextContent));
        Assert.Contains("EKS: Kubernetes upgrades", panel.Find("#beyond-cost-facts").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_SpotOnEc2_AddsTheSpotRowOnlyWhereItApplies()
    {
        var estimate = Estimator.Estimate(Scenario.Default with { Ec2PurchaseOption = Domain.Prices.PurchaseOption.Spot }, Today);

        var panel = Render<BeyondCostPanel>(p => p.Add(c => c.Estimate, estimate));

        // 10 % of peak a month: 10,000.
        Assert.Equal("10,000", panel.Find("tr[data-cause=\"Spot interruptions\"] td[data-path=\"ec2\"]").TextContent);
        Assert.Equal(Formats.NoValue, panel.Find("tr[data-cause=\"Spot interruptions\"] td[data-path=\"eks\"]").TextContent);
    }

    [Fact]
    public void Render_CapacityTable_SaysWhatEachPlanSurvives()
    {
        var estimate = Estimator.Estimate(Scenario.Default with { PeakConnections = 500_000, SparePolicy = SparePolicy.Zone }, Today);

        var table = Render<CapacityTable>(p => p.Add(c => c.Estimate, estimate));

        var row = table.FindAll("tbody tr").Single(r => r.QuerySelector("th")!.TextContent == "Spare capacity");
        Assert.All(row.QuerySelectorAll("td"), td => Assert.StartsWith("survives losing any 1 of 3 zones", td.TextContent, StringComparison.Ordinal));
    }
}
