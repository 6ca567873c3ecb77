using System.Text.Json;
using CostCalc.Domain.Comparing;
using CostCalc.Domain.Prices;
using CostCalc.Domain.Scenarios;
using CostCalc.Web.Hosting;
using CostCalc.Web.Reports;
using CostCalc.Web.Reports.Documents;
using CostCalc.Web.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace CostCalc.Web.Tests.Reports;

/// <summary>Report format 3: a comparison saved as one report opens with every scenario, label and estimate as saved.</summary>
public sealed class ComparisonDocumentTests : MudBunitContext
{
    private static readonly DateOnly Today = new(2026, 11, 25);

    [Fact]
    public async Task SaveComparison_ThenOpen_ReturnsEveryScenarioAsSaved()
    {
        var service = Services.GetRequiredService<ReportService>();
        var spot = Scenario.Default with { Ec2PurchaseOption = PurchaseOption.Spot };
        var comparison = Comparison.Of([new(null, Estimator.Estimate(Scenario.Default, Today)), new("Spot", Estimator.Estimate(spot, Today))]);

        var outcome = await service.SaveComparisonAsync(comparison, new ReportText("Spot or not", null));
        var opened = await service.OpenAsync(outcome.Report!.Id);

        Assert.NotNull(opened);
        Assert.Equal(ReportDocuments.ComparisonVersion, opened.SchemaVersion);
        Assert.Equal("Spot or not", opened.Title);
        Assert.Equal(["Baseline", "Spot"], opened.Compared!.Select(s => s.Label));
        Assert.Equal(spot, opened.Compared![1].Estimate.Scenario);
        Assert.Equal(JsonSerializer.Serialize(comparison.Scenarios[1].Estimate, JsonSetup.Options), JsonSerializer.Serialize(opened.Compared[1].Estimate, JsonSetup.Options));
        Assert.Equal(Scenario.Default, opened.Scenario); // the record's own scenario is the first's
        Assert.Empty(opened.Notes);
    }

    [Fact]
    public async Task AReportOfOneScenario_HasNoComparison()
    {
        var saved = (await Services.GetRequiredService<ReportService>().SaveAsync(Estimator.Estimate(Scenario.Default, Today))).Report!;

        Assert.Null((await Services.GetRequiredService<ReportService>().OpenAsync(saved.Id))!.Compared);
    }
}
