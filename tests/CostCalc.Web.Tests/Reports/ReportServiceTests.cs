using System.Text.Json;
using CostCalc.Domain.Estimation;
using CostCalc.Domain.Prices;
using CostCalc.Domain.Scenarios;
using CostCalc.Reports.Store;
using CostCalc.Web.Hosting;
using CostCalc.Web.Reports;
using CostCalc.Web.Reports.Documents;
using CostCalc.Web.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace CostCalc.Web.Tests.Reports;

public sealed class ReportServiceTests : MudBunitContext
{
    private static readonly DateOnly Today = new(2026, 11, 25);

    private ReportService Service => Services.GetRequiredService<ReportService>();

    [Fact]
    public async Task SaveAsync_ThenOpen_ReturnsTheSameEstimate()
    {
        var estimate = Estimator.Estimate(Scenario.Default with { PeakConnections = 250_000 }, Today);

        var outcome = await Service.SaveAsync(estimate);
        var opened = await Service.OpenAsync(outcome.Report!.Id);

        Assert.Equal(SaveStatus.Saved, outcome.Status);
        Assert.NotNull(opened);
        Assert.Equal(ReportDocuments.CurrentVersion, opened.SchemaVersion);
        Assert.Equal(JsonSerializer.Serialize(estimate, JsonSetup.Options), JsonSerializer.Serialize(opened.Estimate, JsonSetup.Options));
        Assert.Equal([PathIds.Ec2, PathIds.Eks, PathIds.EksFargate, PathIds.EcsEc2, PathIds.EcsFargate], opened.Estimate.Paths.Select(p => p.Id));
        Assert.Empty(opened.Notes);
        Assert.Equal(estimate.Scenario, opened.Scenario);
        Assert.Equal(estimate.SnapshotId, opened.SnapshotId);
        Assert.Equal(outcome.Report.CreatedUtc, opened.CreatedUtc);
        Assert.Equal(ReportJson.AppVersion, opened.AppVersion);
    }

    [Fact]
    public async Task SaveAsync_EstimateOverTheCap_IsRefusedAndNotStored()
    {
        ReportOptions.MaxEstimateBytes = 1000;
        var estimate = Estimator.Estimate(Scenario.Default, Today);

        var outcome = await Service.SaveAsync(estimate);

        Assert.Equal(SaveStatus.TooLarge, outcome.Status);
        Assert.Null(outcome.Report);
    }

    [Fact]
    public async Task OpenAsync_StoredJsonWithAFieldThisVersionLacks_StillOpens()
    {
        // A format-1 (two-path) estimate, as saved by the earlier version, with a member this version never wrote.
        var golden = Path.Combine(AppContext.BaseDirectory, "Reports", "Golden", "v1-default");
        var json = File.ReadAllText(golden + ".estimate.json").Insert(1, "\"fieldFromTheFuture\":1,");
        using var saved = JsonDocument.Parse(json);
        var record = new ReportRecord(ReportId.New(), DateTimeOffset.UnixEpoch, 1, "9.9.9", "embedded-2026-07-20",
            File.ReadAllText(golden + ".scenario.json"), json);
        await Services.GetRequiredService<ReportStore>().TryInsertAsync(record);

        var opened = await Service.OpenAsync(record.Id);

        Assert.Equal(saved.RootElement.GetProperty("ec2").GetProperty("monthlyUsd").GetDecimal(), opened!.Estimate[PathIds.Ec2].MonthlyUsd);
    }

    [Fact]
    public async Task OpenAsync_StoredInputThisVersionLacks_OpensWithANote()
    {
        var estimate = Estimator.Estimate(Scenario.Default, Today);
        var (scenarioJson, estimateJson) = ReportDocuments.Write(estimate);
        var record = new ReportRecord(ReportId.New(), DateTimeOffset.UnixEpoch, ReportDocuments.CurrentVersion, "9.9.9", estimate.SnapshotId,
            scenarioJson.Insert(1, "\"fieldFromTheFuture\":1,"), estimateJson);
        await Services.GetRequiredService<ReportStore>().TryInsertAsync(record);

        var opened = await Service.OpenAsync(record.Id);

        Assert.Equal(estimate[PathIds.Ec2].MonthlyUsd, opened!.Estimate[PathIds.Ec2].MonthlyUsd);
        Assert.Equal(estimate.Scenario, opened.Scenario);
        Assert.Contains(opened.Notes, n => n.Contains("fieldFromTheFuture", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reprice_SamePrices_EveryLineUnchanged()
    {
        var saved = (await Service.SaveAsync(Estimator.Estimate(Scenario.Default, Today))).Report!;

        var repricing = Service.Reprice(saved);

        Assert.NotNull(repricing.Today);
        Assert.NotEmpty(repricing.Lines);
        Assert.All(repricing.Lines, l => Assert.Equal(0m, l.ChangeUsd));
    }

    [Fact]
    public async Task Reprice_PricesDoubled_ShowsOldAndNewPerLine()
    {
        var saved = (await Service.SaveAsync(Estimator.Estimate(Scenario.Default, Today))).Report!;
        UsePrices(Doubled(Estimator.Prices));

        var repricing = Service.Reprice(saved);

        var compute = repricing.Lines.First(l => l.Path == PathIds.Ec2 && l.Kind == CostKind.Compute && l.Name != "Total");
        Assert.Equal(compute.SavedUsd * 2, compute.TodayUsd);
        Assert.Equal(saved.Estimate[PathIds.Ec2].MonthlyUsd, repricing.Lines.Single(l => l.Path == PathIds.Ec2 && l.Name == "Total").SavedUsd);
    }

    [Fact]
    public void Compare_LineOnlyToday_IsListedWithoutASavedAmount()
    {
        var saved = Estimator.Estimate(Scenario.Default, Today);
        var today = Estimator.Estimate(Scenario.Default with { NatGateways = 1 }, Today);

        var lines = Repricing.Compare(saved, today);

        Assert.Contains(lines, l => l.Kind == CostKind.NatGateway && l.SavedUsd is null && l.TodayUsd > 0);
    }

    private static PriceBook Doubled(PriceBook book) => new(book.SnapshotId + "-x2", book.Source, book.AsOf,
        book.Regions.Select(r => new RegionPrices(r.Region,
            r.InstanceTypeNames.ToDictionary(n => n, n => r.Find(n)! with { OnDemandUsdPerHour = r.Find(n)!.OnDemandUsdPerHour * 2 }, StringComparer.Ordinal),
            r.Gp3, r.Services, r.Origins)));
}
