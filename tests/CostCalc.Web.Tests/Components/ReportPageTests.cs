using Bunit;
using CostCalc.Domain.Scenarios;
using CostCalc.Web.Components.Pages;
using CostCalc.Web.Reports;
using CostCalc.Web.Tests.TestSupport;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CostCalc.Web.Tests.Components;

public sealed class ReportPageTests : MudBunitContext
{
    private static readonly DateOnly Today = new(2026, 11, 25);

    private async Task<SavedReport> SaveAsync(Scenario scenario) =>
        (await Services.GetRequiredService<ReportService>().SaveAsync(Estimator.Estimate(scenario, Today))).Report!;

    private IRenderedComponent<ReportPage> Open(string id)
    {
        Render<MudPopoverProvider>();
        var page = Render<ReportPage>(p => p.Add(c => c.Id, id));
        page.WaitForAssertion(() => Assert.Empty(page.FindAll(".mud-progress-linear")), TimeSpan.FromSeconds(5));
        return page;
    }

    [Fact]
    public async Task Render_SavedReport_ShowsTheStoredNumbersAndPriceDate()
    {
        var saved = await SaveAsync(Scenario.Default with { PeakConnections = 750_000 });

        var page = Open(saved.Id);

        Assert.Equal(saved.Estimate[PathIds.Ec2].MonthlyUsd.ToString(System.Globalization.CultureInfo.InvariantCulture),
            page.Find("#headline-ec2 .cc-card-value").GetAttribute("data-value"));
        Assert.Contains($"Prices as of {saved.Estimate.PricesAsOf:yyyy-MM-dd}", page.Find("#prices-as-of").TextContent, StringComparison.Ordinal);
        Assert.Contains(saved.SnapshotId, page.Find("#prices-as-of").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_PricesChangedSinceSaving_StillShowsTheSavedNumbers()
    {
        var saved = await SaveAsync(Scenario.Default);
        UsePrices(new Domain.Prices.PriceBook("other", "test", Today, []));

        var page = Open(saved.Id);

        Assert.Equal(saved.Estimate[PathIds.Eks].MonthlyUsd.ToString(System.Globalization.CultureInfo.InvariantCulture),
            page.Find("#headline-eks .cc-card-value").GetAttribute("data-value"));
    }

    [Fact]
    public async Task Reprice_Click_ShowsSavedAndTodayPerCostLine()
    {
        var saved = await SaveAsync(Scenario.Default);
        var page = Open(saved.Id);

        page.Find("#reprice").Click();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("#reprice-table")));
        var rows = page.FindAll("#reprice-table tbody tr");
        // Every cost line of every path, and one total per path.
        Assert.Equal(saved.Estimate.Paths.Sum(p => p.CostLines.Count) + 5, rows.Count);
        Assert.Equal(5, saved.Estimate.Paths.Count);
        Assert.Equal([PathIds.Ec2, PathIds.Eks, PathIds.EksFargate, PathIds.EcsEc2, PathIds.EcsFargate], page.FindAll("#reprice-table tr.cc-total").Select(r => r.GetAttribute("data-path")));
        Assert.All(rows, r => Assert.Equal("no change", r.QuerySelector(".cc-change")!.TextContent));
    }

    [Fact]
    public async Task Reprice_RegionGoneFromTodaysPrices_ExplainsInsteadOfCrashing()
    {
        var saved = await SaveAsync(Scenario.Default);
        UsePrices(new Domain.Prices.PriceBook("empty", "test", Today, []));
        var page = Open(saved.Id);

        page.Find("#reprice").Click();

        page.WaitForAssertion(() => Assert.Contains("cannot price this scenario", page.Find("#reprice-panel").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task OpenInCalculator_Link_CarriesTheScenario()
    {
        var saved = await SaveAsync(Scenario.Default with { PeakConnections = 123_456 });

        var page = Open(saved.Id);

        Assert.Contains("peakConnections=123456", page.Find("#open-in-calculator").GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_UnknownId_ShowsTheFriendlyNotFound()
    {
        var page = Open("AAAAAAAAAAAAAAAAAAAAAA");

        Assert.Contains("This report does not exist", page.Find("#report-not-found").TextContent, StringComparison.Ordinal);
    }
}

public sealed class CalculatorShareTests : MudBunitContext
{
    private IRenderedComponent<CalculatorPage> RenderCalculator(string client = "203.0.113.1")
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/?" + ScenarioUrl.Encode(Scenario.Default with { PeakConnections = 400_000 }));
        Render<MudPopoverProvider>();
        Render<MudSnackbarProvider>();
        return Render<CalculatorPage>(p => p.AddCascadingValue(new ReportClient(client)));
    }

    [Fact]
    public async Task Share_Click_SavesTheEstimateOnScreenAndShowsItsLink()
    {
        var page = RenderCalculator();

        page.Find("#share-link").Click();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("#shared-report-link")), TimeSpan.FromSeconds(5));
        var url = page.Find("#shared-report-link").GetAttribute("href")!;
        var id = url[(url.LastIndexOf('/') + 1)..];
        var saved = await Services.GetRequiredService<ReportService>().OpenAsync(id);
        Assert.Equal(400_000, saved!.Scenario.PeakConnections);
        Assert.Equal(page.Find("#headline-ec2 .cc-card-value").GetAttribute("data-value"),
            saved.Estimate[PathIds.Ec2].MonthlyUsd.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Share_OverTheLimit_ShowsASnackbarAndSavesNothingMore()
    {
        ReportOptions.SavesPerMinutePerClient = 1;
        var snackbars = Services.GetRequiredService<ISnackbar>();
        var page = RenderCalculator();
        page.Find("#share-link").Click();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("#shared-report-link")), TimeSpan.FromSeconds(5));
        var first = page.Find("#shared-report-link").GetAttribute("href");

        page.Find("#share-link").Click();

        page.WaitForAssertion(() => Assert.Contains(snackbars.ShownSnackbars, s => s.Message != null && s.Message.Contains("Too many reports", StringComparison.Ordinal)));
        Assert.Equal(first, page.Find("#shared-report-link").GetAttribute("href"));
    }
}
