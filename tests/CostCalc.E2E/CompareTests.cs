using CostCalc.E2E.Infrastructure;
using CostCalc.E2E.Pages;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CostCalc.E2E;

/// <summary>Issue 13 item 5: pin two scenarios in the calculator, open /compare, reload its address to the same view; a saved comparison as pins; axe on the view.</summary>
[Collection(BrowserTests.Name)]
public sealed class CompareTests(AppFixture app, ITestOutputHelper output)
{
    private static readonly LocatorAssertionsToHaveTextOptions Wait = new() { Timeout = AppFixture.TimeoutMs };

    [Fact]
    public async Task Two_pinned_scenarios_compare_and_the_address_reloads_to_the_same_view()
    {
        await using var session = await app.NewSessionAsync();
        var page = session.Page;
        await OpenComparisonAsync(page);
        var verdicts = await page.Locator("[id^=compare-verdict-]").AllTextContentsAsync();
        var totals = await page.Locator("#compare-table td.cc-num").AllTextContentsAsync();
        Assert.Equal(2, verdicts.Count);
        Assert.Contains("peakConnections%3D250000", page.Url, StringComparison.Ordinal);

        await page.ReloadAsync();

        await Expect(page.Locator("#compare-verdict-1")).ToHaveTextAsync(verdicts[1], Wait);
        Assert.Equal(verdicts, await page.Locator("[id^=compare-verdict-]").AllTextContentsAsync());
        Assert.Equal(totals, await page.Locator("#compare-table td.cc-num").AllTextContentsAsync());
        await Expect(page.Locator("#chart-compare-cumulative .cc-money-tick").First).ToHaveTextAsync("$0", Wait);
        session.AssertNoErrors();
    }

    [Fact]
    public async Task Make_first_rewrites_the_address_and_the_view()
    {
        await using var session = await app.NewSessionAsync();
        var page = session.Page;
        await OpenComparisonAsync(page);
        var second = await page.Locator("#compare-verdict-1").TextContentAsync();

        await page.Locator("#compare-first-1").ClickAsync();

        await Expect(page.Locator("#compare-verdict-0")).ToHaveTextAsync(second!, Wait);
        Assert.StartsWith($"{app.BaseAddress}compare?s=v%3D1", page.Url, StringComparison.Ordinal);
        session.AssertNoErrors();
    }

    [Fact]
    public async Task A_saved_comparisons_id_opens_as_its_scenarios_each_a_pin_of_its_own()
    {
        var saved = await app.Api.PostAsync("/api/reports/compare", new()
        {
            DataObject = new Dictionary<string, object>
            {
                ["scenarios"] = new object[]
                {
                    new Dictionary<string, object> { ["scenario"] = new Dictionary<string, object> { ["peakConnections"] = 300_000 } },
                    new Dictionary<string, object> { ["label"] = "Spot", ["scenario"] = new Dictionary<string, object> { ["peakConnections"] = 300_000, ["ec2PurchaseOption"] = "spot" } },
                },
            },
        });
        Assert.True(saved.Ok, $"POST /api/reports/compare: {saved.Status} {await saved.TextAsync()}");
        var id = System.Text.Json.JsonDocument.Parse(await saved.TextAsync()).RootElement.GetProperty("id").GetString()!;
        await using var session = await app.NewSessionAsync();
        var page = session.Page;

        await page.GotoAsync($"/compare?r={id}");

        await Expect(page.Locator("#compare-label-1")).ToHaveTextAsync("2. Spot", Wait);
        await Expect(page.Locator("#compare-label-0")).ToHaveTextAsync("1. Baseline", Wait);
        await Expect(page.Locator("#compare-expanded-0")).ToContainTextAsync("is a saved comparison", new() { Timeout = AppFixture.TimeoutMs });
        await page.Locator("#interactive[data-interactive=yes]").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = AppFixture.TimeoutMs });

        // Removing the first scenario keeps the second, now a pin of its own (i=2), with its saved label.
        await page.Locator("#compare-remove-0").ClickAsync();

        await Expect(page.Locator("#compare-one")).ToBeVisibleAsync(new() { Timeout = AppFixture.TimeoutMs });
        Assert.EndsWith($"/compare?r={id}&i=2", page.Url, StringComparison.Ordinal);
        await Expect(page.Locator("[id^=compare-expanded-]")).ToHaveCountAsync(0);
        session.AssertNoErrors();
    }

    [Fact]
    public async Task Share_saves_the_comparison_and_its_link_opens_the_static_report_with_the_title_escaped_and_a_pdf()
    {
        await using var session = await app.NewSessionAsync(new() { Permissions = ["clipboard-read", "clipboard-write"] });
        var page = session.Page;
        await OpenComparisonAsync(page);
        var verdicts = await page.Locator("[id^=compare-verdict-]").AllTextContentsAsync();
        var labels = await page.Locator("[id^=compare-label-]").AllTextContentsAsync();

        await page.Locator("#share-compare").ClickAsync();
        await page.Locator("#share-form input").FillAsync("Chat <b>cluster</b>");
        await page.Locator("#share-confirm").ClickAsync();
        var sharedLink = page.Locator("#shared-report-link");
        await Expect(sharedLink).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("/r/[A-Za-z0-9_-]{22}$"), Wait);
        var url = await sharedLink.InnerTextAsync();
        await sharedLink.ClickAsync();

        // The saved report is a static page (no circuit) showing the title as text, not markup.
        await page.WaitForURLAsync(url, new() { Timeout = AppFixture.TimeoutMs });
        await page.Locator("#interactive[data-interactive=no]").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = AppFixture.TimeoutMs });
        await Expect(page.Locator("#report-title")).ToHaveTextAsync("Chat <b>cluster</b>", Wait);
        await Expect(page.Locator("#report-title b")).ToHaveCountAsync(0);
        // Both scenarios, as /compare showed them: priced at the same moment with the same prices, so the same verdicts.
        Assert.Equal(2, verdicts.Count);
        Assert.Equal(verdicts, await page.Locator("[id^=compare-verdict-]").AllTextContentsAsync());
        Assert.Equal(labels, await page.Locator("[id^=compare-label-]").AllTextContentsAsync());

        var pdfHref = await page.Locator("#download-pdf").GetAttributeAsync("href");
        Assert.Equal(new Uri(url).AbsolutePath + ".pdf", pdfHref);
        var pdf = await app.Api.GetAsync(pdfHref!);
        Assert.Equal(200, pdf.Status);
        Assert.StartsWith("application/pdf", pdf.Headers["content-type"], StringComparison.Ordinal);
        Assert.StartsWith("%PDF-", System.Text.Encoding.Latin1.GetString(await pdf.BodyAsync(), 0, 5), StringComparison.Ordinal);
        session.AssertNoErrors();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_compare_view_has_no_serious_accessibility_violations(bool darkMode)
    {
        await using var session = await app.NewSessionAsync(new() { BypassCSP = true, ColorScheme = darkMode ? ColorScheme.Dark : ColorScheme.Light });
        var page = session.Page;
        await OpenComparisonAsync(page);
        await page.AddStyleTagAsync(new() { Content = "*, *::before, *::after { transition: none !important; animation: none !important; }" });

        var violations = await Axe.RunAsync(page);

        foreach (var violation in violations)
        {
            output.WriteLine(violation.ToString());
        }

        var serious = violations.Where(v => v.SeriousOrWorse).ToList();
        Assert.True(serious.Count == 0, $"axe found {serious.Count} serious or critical violations ({(darkMode ? "dark" : "light")} mode):\n" + string.Join("\n", serious));
    }

    /// <summary>Pins the defaults and a scenario of 250,000 connections in the calculator, then follows "Compare (2)".</summary>
    private static async Task OpenComparisonAsync(IPage page)
    {
        var calculator = new CalculatorPageObject(page);
        await calculator.OpenAsync();
        var pin = page.Locator("#pin-scenario");
        var compare = page.Locator("#open-compare");
        await Expect(compare).ToContainTextAsync("Compare (0)", new() { Timeout = AppFixture.TimeoutMs });
        await pin.ClickAsync();
        await Expect(compare).ToContainTextAsync("Compare (1)", new() { Timeout = AppFixture.TimeoutMs });

        var before = await calculator.ReadHeadlineAsync();
        await calculator.FillAsync("peakConnections", "250000");
        await calculator.WaitForHeadlineChangeAsync(before);
        await pin.ClickAsync();
        await Expect(compare).ToContainTextAsync("Compare (2)", new() { Timeout = AppFixture.TimeoutMs });

        await compare.ClickAsync();
        await Expect(page.Locator("#compare-verdict-1")).Not.ToBeEmptyAsync(new() { Timeout = AppFixture.TimeoutMs });
        await page.Locator("#interactive[data-interactive=yes]").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = AppFixture.TimeoutMs });
    }
}
