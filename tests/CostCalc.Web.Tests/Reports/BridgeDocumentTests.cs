using System.Text.Json;
using System.Text.Json.Nodes;
using CostCalc.Domain.Scenarios;
using CostCalc.Web.Hosting;
using CostCalc.Web.Reports.Documents;
using CostCalc.Web.Tests.TestSupport;

namespace CostCalc.Web.Tests.Reports;

/// <summary>Saved reports keep the cost bridge and the crossover; format-2 reports saved before them still open, without them.</summary>
public sealed class BridgeDocumentTests : MudBunitContext
{
    private static readonly DateOnly Today = new(2026, 11, 25);

    [Fact]
    public void WriteThenRead_KeepsEveryBridgeBarAndTheCrossover()
    {
        var estimate = Estimator.Estimate(Scenario.Default with { PodLayout = PodLayout.FixedPodSize, EksNodeInstanceType = "m5.2xlarge", HiddenPaths = PathList.Of([PathIds.EcsEc2, PathIds.EcsFargate]) }, Today);

        var (scenarioJson, estimateJson) = ReportDocuments.Write(estimate);
        var (_, read, notes) = ReportDocuments.Read(ReportDocuments.CurrentVersion, scenarioJson, estimateJson);

        Assert.Empty(notes);
        Assert.NotEmpty(estimate.Bridges);
        Assert.Equal(JsonSerializer.Serialize(estimate.Bridges, JsonSetup.Options), JsonSerializer.Serialize(read.Bridges, JsonSetup.Options));
        Assert.Equal(JsonSerializer.Serialize(estimate.Crossover, JsonSetup.Options), JsonSerializer.Serialize(read.Crossover, JsonSetup.Options));
        Assert.NotEmpty(read.Crossover!.Points);
    }

    [Fact]
    public void Read_FormatTwoSavedBeforeBridges_OpensWithoutThemAndWithItsNumbers()
    {
        var estimate = Estimator.Estimate(Scenario.Default, Today);
        var (scenarioJson, estimateJson) = ReportDocuments.Write(estimate);
        var old = JsonNode.Parse(estimateJson)!.AsObject();
        old.Remove("bridges");
        old.Remove("crossover");

        var (_, read, notes) = ReportDocuments.Read(2, scenarioJson, old.ToJsonString());

        Assert.Empty(notes);
        Assert.Empty(read.Bridges);
        Assert.Null(read.Crossover);
        Assert.Equal(estimate.Paths.Select(p => p.MonthlyUsd), read.Paths.Select(p => p.MonthlyUsd));
        Assert.Equal(estimate.Verdict.Summary, read.Verdict.Summary);
    }
}
