using CostCalc.Domain.Estimation;
using CostCalc.Domain.Scenarios;
using CostCalc.Web.Reports.Documents;
using CostCalc.Web.Tests.TestSupport;
using Microsoft.AspNetCore.WebUtilities;

namespace CostCalc.Web.Tests.Reports;

/// <summary>Saved reports and links keep your prices; reports saved before them open at list prices.</summary>
public sealed class YourPricesDocumentTests : MudBunitContext
{
    private static readonly DateOnly Today = new(2026, 11, 25);

    private static readonly Scenario Adjusted = Scenario.Default with
    {
        EksFeeDiscountPercent = 15,
        RateOverrides = ItemList.Of(new RateOverride("m6i.large onDemand", UsdPerHour: 0.09m), new RateOverride("egress tier 1", UsdPerUnit: 0.07m)),
        FixedCosts = ItemList.Of(new FixedCost("Support & monitoring", PathIds.Ec2, UsdPerMachineMonth: 15m)),
    };

    [Fact]
    public void WriteThenRead_KeepsTheAdjustmentsTheirNotesAndTheNumbers()
    {
        var estimate = Estimator.Estimate(Adjusted, Today);

        var (scenarioJson, estimateJson) = ReportDocuments.Write(estimate);
        var (scenario, read, notes) = ReportDocuments.Read(ReportDocuments.CurrentVersion, scenarioJson, estimateJson);

        Assert.Empty(notes);
        Assert.Equal(Adjusted, scenario);
        Assert.NotNull(read.AdjustedPrices);
        Assert.Equal(estimate.AdjustedPrices, read.AdjustedPrices);
        foreach (var (saved, opened) in estimate.Paths.Zip(read.Paths))
        {
            Assert.Equal(saved.CostLines.Select(l => (l.Name, l.MonthlyUsd, l.Basis)), opened.CostLines.Select(l => (l.Name, l.MonthlyUsd, l.Basis)));
        }
    }

    [Fact]
    public void Read_ReportSavedBeforeYourPrices_IsAtListPrice()
    {
        var (scenarioJson, estimateJson) = ReportDocuments.Write(Estimator.Estimate(Scenario.Default, Today));
        // What a report of the previous version held: no adjustment on any line, no notice, no price inputs.
        var old = System.Text.Json.Nodes.JsonNode.Parse(estimateJson)!.AsObject();
        old.Remove("adjustedPrices");
        foreach (var path in old["paths"]!.AsArray())
        {
            foreach (var line in path!["costLines"]!.AsArray())
            {
                line!.AsObject().Remove("adjustment");
            }
        }

        var oldScenario = System.Text.Json.Nodes.JsonNode.Parse(scenarioJson)!.AsObject();
        foreach (var field in ScenarioFields.All.Where(f => f.Group == FieldGroup.YourPrices))
        {
            oldScenario.Remove(field.Name);
        }

        var (scenario, read, notes) = ReportDocuments.Read(2, oldScenario.ToJsonString(), old.ToJsonString());

        Assert.Empty(notes);
        Assert.Equal(Scenario.Default, scenario);
        Assert.Null(read.AdjustedPrices);
        Assert.All(read.Paths.SelectMany(p => p.CostLines), l => Assert.False(l.Adjusted));
    }

    [Fact]
    public void Url_RoundTripsTheLists()
    {
        var query = ScenarioUrl.Encode(Adjusted);

        Assert.Contains("rateOverrides%5B0%5D.rate=m6i.large%20onDemand", query, StringComparison.Ordinal);
        var (decoded, error) = Decode(query);
        Assert.Null(error);
        Assert.Equal(Adjusted, decoded);
    }

    [Fact]
    public void Url_BadItem_IsLeftOutAloneWithANote()
    {
        var (decoded, error) = Decode("v=1&peakConnections=5000&rateOverrides[0].rate=ALB&rateOverrides[0].usdPerHour=0.02"
            + "&rateOverrides[1].rate=nonsense&rateOverrides[1].usdPerHour=1&fixedCosts[0].name=Fee&fixedCosts[0].path=ec2&fixedCosts[0].usdPerMonth=10");

        Assert.Equal(Scenario.Default with
        {
            PeakConnections = 5000,
            RateOverrides = ItemList.Of(new RateOverride("ALB", UsdPerHour: 0.02m)),
            FixedCosts = ItemList.Of(new FixedCost("Fee", PathIds.Ec2, UsdPerMonth: 10m)),
        }, decoded);
        Assert.Contains("rateOverrides[1].rate", error, StringComparison.Ordinal);
    }

    private static (Scenario Scenario, string? Error) Decode(string query) =>
        ScenarioUrl.Decode(QueryHelpers.ParseQuery(query).ToDictionary(kv => kv.Key, kv => kv.Value.ToString()), Estimator.Prices, Estimator.Catalog);
}
