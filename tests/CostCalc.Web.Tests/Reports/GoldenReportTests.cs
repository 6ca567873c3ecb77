using System.Globalization;
using System.Text.Json;
using Bunit;
using CostCalc.Domain.Scenarios;
using CostCalc.Domain.Vocabulary;
using CostCalc.Reports.Store;
using CostCalc.Web.Components.Pages;
using CostCalc.Web.Reports;
using CostCalc.Web.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CostCalc.Web.Tests.Reports;

/// <summary>
/// Reports saved by the two-path version (format 1; the files in Golden/ were written by it before
/// paths became a list) open and render with the numbers they were saved with. Expected numbers are
/// read from the files themselves, never from the code under test.
/// </summary>
public sealed class GoldenReportTests : MudBunitContext
{
    public static TheoryData<string, string, string> Cases => new()
    {
        { "v1-default", PathIds.Eks, PathIds.EksFargate },
        { "v1-fargate", PathIds.EksFargate, PathIds.Eks },
        { "v1-system-nodes-spot", PathIds.Eks, PathIds.EksFargate },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Open_FormatOneReport_HasTheSavedNumbersOnTwoPaths(string name, string eksPath, string hiddenPath)
    {
        using var golden = JsonDocument.Parse(File.ReadAllText(GoldenFile(name, "estimate")));
        var root = golden.RootElement;

        var report = await OpenAsync(name);

        var estimate = report.Estimate;
        Assert.Equal([PathIds.Ec2, eksPath], estimate.Paths.Select(p => p.Id));
        Assert.Equal(PathList.Of([hiddenPath]), report.Scenario.HiddenPaths);
        Assert.Empty(report.Notes);
        foreach (var (saved, id) in new[] { (root.GetProperty("ec2"), PathIds.Ec2), (root.GetProperty("eks"), eksPath) })
        {
            var path = estimate[id];
            Assert.Equal(saved.GetProperty("monthlyUsd").GetDecimal(), path.MonthlyUsd);
            Assert.Equal(saved.GetProperty("connectionsPerVm").GetInt64(), path.ConnectionsPerVm);
            Assert.Equal(saved.GetProperty("machines").GetInt64(), path.Machines);
            Assert.Equal(
                saved.GetProperty("costLines").EnumerateArray().Select(l => (l.GetProperty("name").GetString(), l.GetProperty("monthlyUsd").GetDecimal())),
                path.CostLines.Select(l => ((string?)l.Name, l.MonthlyUsd)));
        }

        var months = root.GetProperty("projection").EnumerateArray().ToList();
        Assert.Equal(months.Select(m => m.GetProperty("ec2CumulativeUsd").GetDecimal()), estimate.Projection[PathIds.Ec2].CumulativeUsd.Select(v => v!.Value));
        Assert.Equal(months.Select(m => m.GetProperty("eksMonthlyUsd").GetDecimal()), estimate.Projection[eksPath].MonthlyUsd.Select(v => v!.Value));
        Assert.Equal(months.Select(m => m.GetProperty("connections").GetInt64()), estimate.Projection.Connections);
        Assert.Equal(root.GetProperty("beyondCost").GetProperty("ec2VmRestartsPerMonth").GetInt64(), estimate[PathIds.Ec2].Disruption.VmRestartsPerMonth);
    }

    [Fact]
    public async Task Open_FormatOneDefault_KeepsItsVerdictSentence()
    {
        using var golden = JsonDocument.Parse(File.ReadAllText(GoldenFile("v1-default", "estimate")));

        var report = await OpenAsync("v1-default");

        Assert.Equal(golden.RootElement.GetProperty("verdict").GetProperty("summary").GetString(), report.Estimate.Verdict.Summary);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Render_FormatOneReport_ShowsEverySavedCostLine(string name, string eksPath, string hiddenPath)
    {
        _ = hiddenPath;
        using var golden = JsonDocument.Parse(File.ReadAllText(GoldenFile(name, "estimate")));
        var id = (await OpenAsync(name)).Id;

        Render<MudPopoverProvider>();
        var page = Render<ReportPage>(p => p.Add(c => c.Id, id));
        page.WaitForAssertion(() => Assert.Empty(page.FindAll(".mud-progress-linear")), TimeSpan.FromSeconds(5));

        foreach (var (saved, path) in new[] { (golden.RootElement.GetProperty("ec2"), PathIds.Ec2), (golden.RootElement.GetProperty("eks"), eksPath) })
        {
            var table = page.Find($"#cost-lines-{path}").TextContent;
            foreach (var line in saved.GetProperty("costLines").EnumerateArray())
            {
                Assert.Contains(Formats.UsdCents(line.GetProperty("monthlyUsd").GetDecimal()), table, StringComparison.Ordinal);
            }

            Assert.Equal(saved.GetProperty("monthlyUsd").GetDecimal().ToString(CultureInfo.InvariantCulture),
                page.Find($"#headline-{path} .cc-card-value").GetAttribute("data-value"));
        }
    }

    [Fact]
    public async Task Save_OpenedFormatOneReport_RoundTripsThroughTheCurrentFormat()
    {
        var old = await OpenAsync("v1-fargate");
        var service = Services.GetRequiredService<ReportService>();

        var saved = (await service.SaveAsync(old.Estimate)).Report!;
        var reopened = await service.OpenAsync(saved.Id);

        Assert.Equal(2, reopened!.SchemaVersion);
        Assert.Equal(JsonSerializer.Serialize(old.Estimate, Hosting.JsonSetup.Options), JsonSerializer.Serialize(reopened.Estimate, Hosting.JsonSetup.Options));
        Assert.Equal(old.Scenario, reopened.Scenario);
    }

    [Fact]
    public async Task Open_StoredInputThisVersionDoesNotKnow_SaysSoInsteadOfDroppingIt()
    {
        var scenario = File.ReadAllText(GoldenFile("v1-default", "scenario")).Insert(1, "\"inputFromTheFuture\":7,");

        var report = await OpenAsync("v1-default", scenario);

        Assert.Contains(report.Notes, n => n.Contains("inputFromTheFuture", StringComparison.Ordinal));
    }

    private async Task<SavedReport> OpenAsync(string name, string? scenarioJson = null)
    {
        var record = new ReportRecord(ReportId.New(), DateTimeOffset.UnixEpoch, 1, "1.0.0", "embedded-2026-07-20",
            scenarioJson ?? File.ReadAllText(GoldenFile(name, "scenario")), File.ReadAllText(GoldenFile(name, "estimate")));
        await Services.GetRequiredService<ReportStore>().TryInsertAsync(record);
        return (await Services.GetRequiredService<ReportService>().OpenAsync(record.Id))!;
    }

    private static string GoldenFile(string name, string part) =>
        Path.Combine(AppContext.BaseDirectory, "Reports", "Golden", $"{name}.{part}.json");
}
