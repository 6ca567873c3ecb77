using System.Text.Json;
using System.Text.Json.Nodes;
using CostCalc.Domain.Estimation;
using CostCalc.Domain.Scenarios;
using CostCalc.Web.Hosting;
using CostCalc.Web.Reports.Documents;
using CostCalc.Web.Tests.TestSupport;

namespace CostCalc.Web.Tests.Reports;

/// <summary>Saved reports keep the drops by cause and the survival text, and format-2 reports saved before them still open.</summary>
public sealed class DropCauseDocumentTests : MudBunitContext
{
    private static readonly DateOnly Today = new(2026, 11, 25);

    [Fact]
    public void WriteThenRead_KeepsEveryCauseAndWhatThePlanSurvives()
    {
        var estimate = Estimator.Estimate(Scenario.Default with { SparePolicy = SparePolicy.Zone, AutoMode = true }, Today);

        var (scenarioJson, estimateJson) = ReportDocuments.Write(estimate);
        var (_, read, notes) = ReportDocuments.Read(ReportDocuments.CurrentVersion, scenarioJson, estimateJson);

        Assert.Empty(notes);
        foreach (var (saved, opened) in estimate.Paths.Zip(read.Paths))
        {
            Assert.Equal(saved.Disruption.Causes, opened.Disruption.Causes);
            Assert.Equal(saved.Survives, opened.Survives);
            Assert.NotNull(opened.Survives);
        }

        Assert.Equal(JsonSerializer.Serialize(estimate, JsonSetup.Options), JsonSerializer.Serialize(read, JsonSetup.Options));
    }

    [Fact]
    public void Read_FormatTwoSavedBeforeCauses_OpensWithItsTotalsAsDeploys()
    {
        var estimate = Estimator.Estimate(Scenario.Default, Today);
        var (scenarioJson, estimateJson) = ReportDocuments.Write(estimate);
        // A report saved before this version: no dropCauses, no survives, and the totals of the day (8 × 100,000; 8 × 3).
        var old = JsonNode.Parse(estimateJson)!;
        foreach (var path in old["paths"]!.AsArray())
        {
            path!.AsObject().Remove("dropCauses");
            path.AsObject().Remove("survives");
            path["connectionsDroppedPerMonth"] = 800_000;
            path["vmRestartsPerMonth"] = 24;
        }

        var (_, read, notes) = ReportDocuments.Read(2, scenarioJson, old.ToJsonString());

        Assert.Empty(notes);
        Assert.All(read.Paths, p =>
        {
            var cause = Assert.Single(p.Disruption.Causes);
            Assert.Equal(DropCauses.Deploys, cause.Cause);
            Assert.Equal(800_000, p.Disruption.ConnectionsDroppedPerMonth);
            Assert.Equal(24, p.Disruption.VmRestartsPerMonth);
            Assert.Null(p.Survives);
        });
        Assert.Equal(estimate.Paths.Select(p => p.MonthlyUsd), read.Paths.Select(p => p.MonthlyUsd));
    }
}
