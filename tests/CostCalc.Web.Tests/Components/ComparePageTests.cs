using System.Globalization;
using Bunit;
using CostCalc.Domain.Comparing;
using CostCalc.Domain.Prices;
using CostCalc.Domain.Scenarios;
using CostCalc.Domain.Vocabulary;
using CostCalc.Web.Comparing;
using CostCalc.Web.Components.Calculator;
using CostCalc.Web.Components.Pages;
using CostCalc.Web.Reports;
using CostCalc.Web.Tests.TestSupport;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CostCalc.Web.Tests.Components;

public sealed class ComparePageTests : MudBunitContext
{
    private static readonly DateOnly Today = new(2026, 11, 25);
    private static readonly Scenario Spot = Scenario.Default with { Ec2PurchaseOption = PurchaseOption.Spot, EksPurchaseOption = PurchaseOption.Spot };
    private static readonly Scenario Nlb = Scenario.Default with { LoadBalancer = LoadBalancer.Nlb };

    private IRenderedComponent<ComparePage> RenderAt(string relativeUrl)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo(relativeUrl);
        Render<MudPopoverProvider>();
        var page = Render<ComparePage>();
        page.WaitForAssertion(() => Assert.Empty(page.FindAll(".mud-progress-linear")), TimeSpan.FromSeconds(5));
        return page;
    }

    private static string Link(params Scenario[] scenarios) =>
        CompareLink.To(scenarios.Select(s => new Pin(PinKind.Scenario, ScenarioUrl.Encode(s))));

    [Fact]
    public void TheDeltasShown_AreTheDomainsDeltas()
    {
        var page = RenderAt(Link(Scenario.Default, Spot, Nlb));

        var expected = Comparison.Of([.. new[] { Scenario.Default, Spot, Nlb }.Select(s => new ComparisonEntry(null, Estimator.Estimate(s, Today)))]);
        for (var s = 0; s < 3; s++)
        {
            foreach (var path in expected.Scenarios[s].Paths)
            {
                var cell = page.Find($"#compare-{path.Path}-horizon-{s}");
                Assert.Equal(path.HorizonDelta.Usd?.ToString(CultureInfo.InvariantCulture), cell.GetAttribute("data-delta-usd"));
                Assert.Contains(Formats.Usd(path.HorizonUsd), cell.TextContent, StringComparison.Ordinal);
                if (s > 0)
                {
                    var first = expected.First.Find(path.Path)!;
                    Assert.Contains(path.HorizonDelta.Describe(path.HorizonUsd, first.HorizonUsd), cell.TextContent, StringComparison.Ordinal);
                }
            }

            Assert.Equal(expected.Scenarios[s].Verdict, page.Find($"#compare-verdict-{s}").TextContent);
        }

        // Spot lowers the EC2 path against on-demand, so its delta is negative (a true minus sign).
        Assert.True(decimal.Parse(page.Find($"#compare-{PathIds.Ec2}-horizon-1").GetAttribute("data-delta-usd")!, CultureInfo.InvariantCulture) < 0);
        Assert.Contains("−$", page.Find($"#compare-{PathIds.Ec2}-horizon-1 .cc-delta").TextContent, StringComparison.Ordinal);
        Assert.Equal(["Baseline", "Purchase option: Spot (estimated), Node purchase option: Spot (estimated)", "Load balancer (every path): Network Load Balancer, TCP (TLS on the VMs)"],
            Enumerable.Range(0, 3).Select(s => page.Find($"#compare-label-{s}").TextContent[3..]));
    }

    [Fact]
    public void TheChart_OverlaysEveryScenariosPaths_WithOneDashPatternEach()
    {
        var page = RenderAt(Link(Scenario.Default, Spot));

        var lines = page.FindAll("#chart-compare-cumulative polyline");
        var paths = Estimator.Estimate(Scenario.Default, Today).Paths.Count;
        Assert.Equal(2 * paths, lines.Count);
        Assert.All(lines.Where(l => l.GetAttribute("data-scenario") == "0"), l => Assert.Null(l.GetAttribute("stroke-dasharray")));
        Assert.All(lines.Where(l => l.GetAttribute("data-scenario") == "1"), l => Assert.Equal("8 4", l.GetAttribute("stroke-dasharray")));
        Assert.Equal("$0", page.FindAll("#chart-compare-cumulative .cc-money-tick")[0].TextContent);
    }

    [Fact]
    public void TheChangedInputs_ListWhatDiffers()
    {
        var page = RenderAt(Link(Scenario.Default, Nlb));

        var row = Assert.Single(page.FindAll("#compare-inputs tbody tr"));
        Assert.Contains("Network Load Balancer, TCP (TLS on the VMs)", row.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void ActionLinks_RewriteTheAddress()
    {
        var page = RenderAt(Link(Scenario.Default, Spot));
        var pins = CompareLink.Parse(new Uri(Services.GetRequiredService<NavigationManager>().Uri).Query);

        Assert.Equal(CompareLink.First(pins, 1), page.Find("#compare-first-1").GetAttribute("href"));
        Assert.Equal(CompareLink.Without(pins, 0), page.Find("#compare-remove-0").GetAttribute("href"));
        Assert.Equal("/?" + ScenarioUrl.Encode(Spot), page.Find("#compare-open-1").GetAttribute("href"));
    }

    [Fact]
    public void AFifthPin_IsExplained_NotDropped()
    {
        var page = RenderAt(Link(Scenario.Default, Spot, Nlb, Scenario.Default with { PeakConnections = 5_000 }, Scenario.Default with { PeakConnections = 7_000 }));

        Assert.Equal(4, page.FindAll("#compare-table thead th[scope=col]").Count - 1);
        Assert.Contains("pins 5 scenarios", page.Find("#compare-past-limit").TextContent, StringComparison.Ordinal);
        Assert.Contains("peakConnections=7000", page.Find("#compare-past-limit a").GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public void AnUndecodablePinOrUnknownReport_IsExplained()
    {
        var page = RenderAt($"/compare?s=hello%3Dworld&r=AAAAAAAAAAAAAAAAAAAAAA&s=&s={Uri.EscapeDataString(ScenarioUrl.Encode(Spot))}");

        Assert.Contains("no supported version", page.Find("#compare-refused-0").TextContent, StringComparison.Ordinal);
        Assert.Contains("No saved report has the id 'AAAAAAAAAAAAAAAAAAAAAA'", page.Find("#compare-refused-1").TextContent, StringComparison.Ordinal);
        Assert.Equal(2, page.FindAll("[id^=compare-verdict-]").Count);
    }

    [Fact]
    public void AnEmptyCompare_ExplainsHowToPin() =>
        Assert.Contains("press Pin", RenderAt("/compare").Find("#compare-empty").TextContent, StringComparison.Ordinal);

    [Fact]
    public async Task TwoSavedReports_AreComparedWithTheirOwnPrices()
    {
        var reports = Services.GetRequiredService<ReportService>();
        var first = (await reports.SaveAsync(Estimator.Estimate(Scenario.Default, Today))).Report!;
        var second = (await reports.SaveAsync(Estimator.Estimate(Spot, Today))).Report!;

        var page = RenderAt($"/compare?r={first.Id}&r={second.Id}");

        var ec2 = page.Find($"#compare-{PathIds.Ec2}-horizon-1");
        var stored = second.Estimate.Verdict.Comparisons.First(c => c.Path == PathIds.Ec2).HorizonUsd;
        Assert.StartsWith(Formats.Usd(stored), ec2.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal((stored - first.Estimate.Verdict.Comparisons.First(c => c.Path == PathIds.Ec2).HorizonUsd)?.ToString(CultureInfo.InvariantCulture),
            ec2.GetAttribute("data-delta-usd"));
        Assert.Contains(second.Estimate.SnapshotId, page.Find("#compare-prices-1").TextContent, StringComparison.Ordinal);
    }

    /// <summary>Text as a reader sees it: markup line breaks and indentation as single spaces.</summary>
    private static string Squeezed(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private async Task<SavedReport> SaveComparisonAsync(params (string? Label, Scenario Scenario)[] scenarios) =>
        (await Services.GetRequiredService<ReportService>().SaveComparisonAsync(
            Comparison.Of([.. scenarios.Select(s => new ComparisonEntry(s.Label, Estimator.Estimate(s.Scenario, Today)))]), null)).Report!;

    [Fact]
    public async Task ASavedComparisonsId_PinsEachOfItsScenarios_WithItsSavedLabelAndPrices()
    {
        var saved = await SaveComparisonAsync((null, Scenario.Default), ("Spot", Spot));

        var page = RenderAt($"/compare?r={saved.Id}");

        Assert.Empty(page.FindAll("[id^=compare-refused-]"));
        // Saved as "Baseline" (automatic, the first) and "Spot" (given); the page shows those labels, not new automatic ones.
        Assert.Equal(["1. Baseline", "2. Spot"], page.FindAll("[id^=compare-label-]").Select(l => l.TextContent));
        var ec2 = page.Find($"#compare-{PathIds.Ec2}-horizon-1");
        var stored = saved.Compared![1].Estimate.Verdict.Comparisons.First(c => c.Path == PathIds.Ec2).HorizonUsd;
        Assert.StartsWith(Formats.Usd(stored), ec2.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains("pins 1–2", Squeezed(page.Find("#compare-expanded-0").TextContent), StringComparison.Ordinal);
        // Each scenario is a pin of its own: removing the first leaves the second, addressed by its place in the report.
        Assert.Equal($"/compare?r={saved.Id}&i=2", page.Find("#compare-remove-0").GetAttribute("href"));
        Assert.Equal($"/compare?r={saved.Id}&i=2&r={saved.Id}&i=1", page.Find("#compare-first-1").GetAttribute("href"));
    }

    [Fact]
    public async Task OneScenarioOfASavedComparison_ComparesWithAnotherPin()
    {
        var saved = await SaveComparisonAsync((null, Scenario.Default), ("Spot", Spot));

        var page = RenderAt($"/compare?r={saved.Id}&i=2&s={Uri.EscapeDataString(ScenarioUrl.Encode(Nlb))}");

        Assert.Equal(2, page.FindAll("[id^=compare-verdict-]").Count);
        Assert.Equal("1. Spot", page.Find("#compare-label-0").TextContent);
        Assert.Empty(page.FindAll("[id^=compare-expanded-]"));
    }

    [Fact]
    public async Task ASavedComparison_ThatWouldPassFourPins_IsExplained_AndTheRestListed()
    {
        var saved = await SaveComparisonAsync((null, Scenario.Default), ("Spot", Spot), ("NLB", Nlb));
        var small = ScenarioUrl.Encode(Scenario.Default with { PeakConnections = 5_000 });
        var smaller = ScenarioUrl.Encode(Scenario.Default with { PeakConnections = 7_000 });

        var page = RenderAt($"/compare?s={Uri.EscapeDataString(small)}&s={Uri.EscapeDataString(smaller)}&r={saved.Id}");

        // 2 pins + 3 scenarios = 5 pins: pins 1–4 are shown (the report's first two), the report's third (pin 5) is listed.
        Assert.Equal(4, page.FindAll("[id^=compare-verdict-]").Count);
        var expanded = Squeezed(page.Find("#compare-expanded-2").TextContent);
        Assert.Contains("pins 3–5", expanded, StringComparison.Ordinal);
        Assert.Contains("makes 5 scenarios", expanded, StringComparison.Ordinal);
        Assert.Contains("its last scenario is not shown", expanded, StringComparison.Ordinal);
        var pastLimit = page.Find("#compare-past-limit");
        Assert.Contains("pins 5 scenarios", Squeezed(pastLimit.TextContent), StringComparison.Ordinal);
        Assert.Contains(page.FindAll("#compare-past-limit a"), a => a.GetAttribute("href") == $"/compare?r={saved.Id}&i=3&s={Uri.EscapeDataString(small)}&s={Uri.EscapeDataString(smaller)}&r={saved.Id}&i=1&r={saved.Id}&i=2");
    }

    [Fact]
    public async Task AScenarioNumberNoReportHas_IsExplained()
    {
        var comparison = await SaveComparisonAsync((null, Scenario.Default), ("Spot", Spot));
        var single = (await Services.GetRequiredService<ReportService>().SaveAsync(Estimator.Estimate(Nlb, Today))).Report!;

        var page = RenderAt($"/compare?r={comparison.Id}&i=3&r={single.Id}&i=1&r={comparison.Id}&i=x&r={comparison.Id}&i=1");

        Assert.Contains($"Report {comparison.Id} is a comparison of scenarios 1 to 2; it has no scenario 3.", page.Find("#compare-refused-0").TextContent, StringComparison.Ordinal);
        Assert.Contains("is one scenario, not a comparison", page.Find("#compare-refused-1").TextContent, StringComparison.Ordinal);
        Assert.Contains("it has no scenario 0", page.Find("#compare-refused-2").TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(page.FindAll("#compare-one"));
    }

    [Fact]
    public async Task Share_SavesTheComparisonOnScreenAsOneReport_WithTheTitle()
    {
        Render<MudSnackbarProvider>();
        var page = RenderAt(CompareLink.To([new Pin(PinKind.Scenario, ScenarioUrl.Encode(Scenario.Default)), new Pin(PinKind.Scenario, ScenarioUrl.Encode(Spot), "Spot")]));

        page.Find("#share-compare").Click();
        page.Find("#share-form input").Change("  Spot or not  ");
        page.WaitForElement("#share-confirm", TimeSpan.FromSeconds(5)).Click();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("#shared-report-link")), TimeSpan.FromSeconds(5));
        var url = page.Find("#shared-report-link").GetAttribute("href")!;
        var saved = await Services.GetRequiredService<ReportService>().OpenAsync(url[(url.LastIndexOf('/') + 1)..]);
        Assert.Equal("Spot or not", saved!.Title);
        // The first scenario has no label of its own, so it gets the automatic "Baseline"; the second keeps "Spot".
        Assert.Equal(["Baseline", "Spot"], saved.Compared!.Select(c => c.Label));
        Assert.Equal(PurchaseOption.Spot, saved.Compared![1].Estimate.Scenario.Ec2PurchaseOption);
        Assert.Equal(Estimator.Estimate(Spot, Today)[PathIds.Ec2].MonthlyUsd, saved.Compared[1].Estimate[PathIds.Ec2].MonthlyUsd);
        Assert.Empty(page.FindAll("#share-form"));
    }

    [Fact]
    public async Task Pin_AddsTheScenarioOnScreenToTheStoredList()
    {
        var module = JSInterop.SetupModule("./pins.js");
        module.Setup<string?>("read").SetResult("s=");
        var write = module.SetupVoid("write", _ => true);
        write.SetVoidResult();
        Render<MudPopoverProvider>();
        var buttons = Render<PinButtons>(p => p.Add(c => c.Scenario, Spot));

        await buttons.Find("#pin-scenario").ClickAsync(new Microsoft.AspNetCore.Components.Web.MouseEventArgs());

        var written = Assert.Single(write.Invocations).Arguments[0] as string;
        Assert.Equal(CompareLink.Encode([new Pin(PinKind.Scenario, ""), new Pin(PinKind.Scenario, ScenarioUrl.Encode(Spot))]), written);
        buttons.WaitForAssertion(() => Assert.Contains("Compare (2)", buttons.Find("#open-compare").TextContent, StringComparison.Ordinal));
    }
}
