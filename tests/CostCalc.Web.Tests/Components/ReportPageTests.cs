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

    private IRenderedComponent<ReportPage> Open(string id, string query = "")
    {
        // The page reads ?reprice= from the address (static SSR: re-pricing is a plain link).
        Services.GetRequiredService<NavigationManager>().NavigateTo($"/r/{id}{query}");
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
    public async Task Render_SavedReport_ShowsABridgeForEveryOtherPathAndTheCrossover()
    {
        var saved = await SaveAsync(Scenario.Default);

        var page = Open(saved.Id);

        // One bridge for every path but the cheapest, each drawn, with no picker (a static page cannot switch).
        Assert.Equal(saved.Estimate.Paths.Count - 1, saved.Estimate.Bridges.Count);
        Assert.All(saved.Estimate.Bridges, b => Assert.Single(page.FindAll($"#chart-bridge-{b.Path} svg")));
        Assert.Empty(page.FindAll(".cc-bridge-pick"));
        Assert.Single(page.FindAll("#chart-crossover svg"));
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
    public async Task Reprice_Link_IsAPlainGetOfThisPageWithRepriceToday()
    {
        var saved = await SaveAsync(Scenario.Default);

        var page = Open(saved.Id);

        Assert.Equal($"/r/{saved.Id}?reprice=today#reprice-panel", page.Find("#reprice").GetAttribute("href"));
        Assert.Empty(page.FindAll("#reprice-panel"));
    }

    [Fact]
    public async Task Reprice_SameSnapshot_SaysPlainlyNothingChangedAndShowsSavedAndTodayPerCostLine()
    {
        var saved = await SaveAsync(Scenario.Default);

        var page = Open(saved.Id, "?reprice=today");

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("#reprice-table")));
        Assert.Equal($"Same price snapshot ({saved.SnapshotId}) — nothing changed.", page.Find("#reprice-outcome").TextContent.Trim());
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

        var page = Open(saved.Id, "?reprice=today");

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
    public async Task Render_TitleAndNotes_ShownAsTextNeverAsMarkup()
    {
        var text = new ReportText("Chat <b>v2</b> & friends", "First line <script>alert(1)</script>\nSecond line");
        var saved = (await Services.GetRequiredService<ReportService>().SaveAsync(Estimator.Estimate(Scenario.Default, Today), text)).Report!;

        var page = Open(saved.Id);

        Assert.Equal("Chat <b>v2</b> & friends", page.Find("#report-title").TextContent);
        Assert.Empty(page.FindAll("#report-title b"));
        Assert.Equal("First line <script>alert(1)</script>\nSecond line", page.Find("#report-author-notes").TextContent.Trim());
        Assert.Empty(page.FindAll("#report-author-notes script"));
        Assert.Contains("&lt;script&gt;", page.Find("#report-author-notes").InnerHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_NoTitle_NamesTheRegionAndShowsNoNotes()
    {
        var saved = await SaveAsync(Scenario.Default);

        var page = Open(saved.Id);

        Assert.Equal($"Saved report · {saved.Estimate.RegionName}", page.Find("#report-title").TextContent);
        Assert.Empty(page.FindAll("#report-author-notes"));
    }

    [Fact]
    public async Task Render_OneInputOffItsDefault_ListsThatInputAloneWithItsDefault()
    {
        // Only peak connections differs: 750,000 against the default 100,000 (docs/model.md, defaults table).
        var saved = await SaveAsync(Scenario.Default with { PeakConnections = 750_000 });

        var page = Open(saved.Id);

        var rows = page.FindAll("#changed-inputs tbody tr");
        var cells = Assert.Single(rows).QuerySelectorAll("td").Select(c => c.TextContent).ToList();
        Assert.Equal(["Workload", "Peak concurrent connections", "750,000 connections", "100,000 connections"], cells);
    }

    [Fact]
    public async Task Render_DefaultScenario_SaysEveryInputIsAtItsDefault()
    {
        var saved = await SaveAsync(Scenario.Default);

        var page = Open(saved.Id);

        Assert.Empty(page.FindAll("#changed-inputs tbody tr"));
        Assert.NotEmpty(page.FindAll("#changed-inputs-none"));
    }

    [Theory]
    [InlineData(true, 0, "Same price snapshot (S) — nothing changed.")]
    [InlineData(true, 1, "Same price snapshot (S), but this version of CostCalc computes some lines differently: see the changes below.")]
    [InlineData(false, 0, "Today's prices (snapshot S) give the same cost on every line.")]
    [InlineData(false, 1, "Today's prices (snapshot S) change the cost: see the changes below.")]
    public void RepriceOutcome_SaysWhetherTheSnapshotAndTheLinesChanged(bool sameSnapshot, int changeUsd, string expected)
    {
        var today = Estimator.Estimate(Scenario.Default, Today) with { SnapshotId = "S" };
        var lines = new List<RepricedLine>
        {
            new(PathIds.Ec2, "EC2", Domain.Estimation.CostKind.Compute, "EC2 instances", 100m, 100m + changeUsd),
            new(PathIds.Ec2, "EC2", Domain.Estimation.CostKind.Compute, "Total", 100m, 100m + changeUsd),
        };

        var outcome = ReportPage.RepriceOutcome(new Repricing(today, lines, null), today, sameSnapshot ? "S" : "older");

        Assert.Equal(expected, outcome);
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
        page.WaitForElement("#share-confirm", TimeSpan.FromSeconds(5)).Click();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("#shared-report-link")), TimeSpan.FromSeconds(5));
        var url = page.Find("#shared-report-link").GetAttribute("href")!;
        var id = url[(url.LastIndexOf('/') + 1)..];
        var saved = await Services.GetRequiredService<ReportService>().OpenAsync(id);
        Assert.Equal(400_000, saved!.Scenario.PeakConnections);
        Assert.Equal(page.Find("#headline-ec2 .cc-card-value").GetAttribute("data-value"),
            saved.Estimate[PathIds.Ec2].MonthlyUsd.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Share_WithTitleAndNotes_StoresThemWithTheReport()
    {
        var page = RenderCalculator();
        page.Find("#share-link").Click();

        page.Find("#share-form input").Change("  Chat cluster, Q3  ");
        page.Find("#share-form textarea").Change("Line one\r\nLine two");
        page.WaitForElement("#share-confirm", TimeSpan.FromSeconds(5)).Click();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("#shared-report-link")), TimeSpan.FromSeconds(5));
        var url = page.Find("#shared-report-link").GetAttribute("href")!;
        var saved = await Services.GetRequiredService<ReportService>().OpenAsync(url[(url.LastIndexOf('/') + 1)..]);
        // Trimmed, and line breaks stored as \n.
        Assert.Equal("Chat cluster, Q3", saved!.Title);
        Assert.Equal("Line one\nLine two", saved.AuthorNotes);
        Assert.Empty(page.FindAll("#share-form"));
    }

    [Fact]
    public void Share_WhileAnInputIsInvalid_SavesNothing_AndKeepsTheFormOpen()
    {
        var snackbars = Services.GetRequiredService<ISnackbar>();
        var page = RenderCalculator();
        page.Find("#in-peakConnections").Input("-5");
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("#invalid-inputs")), TimeSpan.FromSeconds(5));

        page.Find("#share-link").Click();
        page.WaitForElement("#share-confirm", TimeSpan.FromSeconds(5)).Click();

        page.WaitForAssertion(() => Assert.Contains(snackbars.ShownSnackbars, s => s.Message != null && s.Message.Contains("Fix the highlighted inputs", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(5));
        Assert.Empty(page.FindAll("#shared-report-link"));
        Assert.NotEmpty(page.FindAll("#share-form"));
    }

    [Fact]
    public void Share_CancelAndClosingTheBanner_HideThemAgain_ThroughLaterInputChanges()
    {
        var page = RenderCalculator();
        page.Find("#share-link").Click();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("#share-form")), TimeSpan.FromSeconds(5));

        page.Find("#share-cancel").Click();
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("#share-form")), TimeSpan.FromSeconds(5));

        page.Find("#share-link").Click();
        page.WaitForElement("#share-confirm", TimeSpan.FromSeconds(5)).Click();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("#shared-report-link")), TimeSpan.FromSeconds(5));
        page.Find("#shared-report .mud-alert-close button").Click();
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("#shared-report")), TimeSpan.FromSeconds(5));

        // An input change re-renders the page; the share form draws nothing until Share is pressed again.
        page.Find("#in-peakConnections").Input("500000");
        page.WaitForAssertion(() => Assert.Contains("peakConnections=500000", Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal),
            TimeSpan.FromSeconds(5));
        Assert.Empty(page.FindAll("#share-form"));
        Assert.Empty(page.FindAll("#shared-report"));
        page.Find("#share-link").Click();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("#share-form")), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void Share_OverTheLimit_ShowsASnackbarAndSavesNothingMore()
    {
        ReportOptions.SavesPerMinutePerClient = 1;
        var snackbars = Services.GetRequiredService<ISnackbar>();
        var page = RenderCalculator();
        page.Find("#share-link").Click();
        page.WaitForElement("#share-confirm", TimeSpan.FromSeconds(5)).Click();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("#shared-report-link")), TimeSpan.FromSeconds(5));
        var first = page.Find("#shared-report-link").GetAttribute("href");

        page.Find("#share-link").Click();
        page.WaitForElement("#share-confirm", TimeSpan.FromSeconds(5)).Click();

        page.WaitForAssertion(() => Assert.Contains(snackbars.ShownSnackbars, s => s.Message != null && s.Message.Contains("Too many reports", StringComparison.Ordinal)));
        Assert.Equal(first, page.Find("#shared-report-link").GetAttribute("href"));
    }
}
