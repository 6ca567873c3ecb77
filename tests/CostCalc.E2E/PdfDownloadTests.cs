using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CostCalc.E2E.Infrastructure;
using CostCalc.E2E.Pages;
using Microsoft.Playwright;

namespace CostCalc.E2E;

/// <summary>Issue 7: the PDF downloads from the report page and from the calculator, in a real browser.</summary>
[Collection(BrowserTests.Name)]
public sealed partial class PdfDownloadTests(AppFixture app)
{
    [Fact]
    public async Task The_report_pages_button_downloads_its_pdf()
    {
        var saved = await app.Api.PostAsync("/api/reports", new()
        {
            DataObject = new Dictionary<string, object> { ["peakConnections"] = 300_000, ["region"] = "eu-west-1" },
        });
        Assert.True(saved.Ok, $"POST /api/reports: {saved.Status} {await saved.TextAsync()}");
        var id = JsonDocument.Parse(await saved.TextAsync()).RootElement.GetProperty("id").GetString()!;
        await using var session = await app.NewSessionAsync();
        await session.Page.GotoAsync($"/r/{id}");
        // A static page (no circuit): ready once it is loaded.
        await session.Page.Locator("#interactive[data-interactive=no]").WaitForAsync(new() { State = WaitForSelectorState.Attached });

        var download = await session.Page.RunAndWaitForDownloadAsync(() => session.Page.Locator("#download-pdf").ClickAsync());

        Assert.Equal($"costcalc-report-{id}.pdf", download.SuggestedFilename);
        AssertPdf(await File.ReadAllBytesAsync(await download.PathAsync()));
        Assert.EndsWith($"/r/{id}", session.Page.Url, StringComparison.Ordinal);
        session.AssertNoErrors();
    }

    [Fact]
    public async Task The_calculator_exports_the_scenario_on_screen_as_a_pdf()
    {
        await using var session = await app.NewSessionAsync();
        var calculator = new CalculatorPageObject(session.Page);
        await calculator.OpenAsync("v=1&peakConnections=400000&horizonMonths=12");

        var download = await session.Page.RunAndWaitForDownloadAsync(() => session.Page.Locator("#export-pdf").ClickAsync());

        Assert.Equal("costcalc-estimate.pdf", download.SuggestedFilename);
        AssertPdf(await File.ReadAllBytesAsync(await download.PathAsync()));
        session.AssertNoErrors();
    }

    /// <summary>A whole PDF of a sensible size with pages and embedded fonts (the content itself is checked with PdfPig in the unit tests).</summary>
    private static void AssertPdf(byte[] pdf)
    {
        Assert.InRange(pdf.Length, 20_000, 300 * 1024);
        var text = Encoding.Latin1.GetString(pdf);
        Assert.StartsWith("%PDF-", text, StringComparison.Ordinal);
        Assert.Contains("%%EOF", text[^32..], StringComparison.Ordinal);
        Assert.Contains("/FontFile2", text, StringComparison.Ordinal);
        var pages = PageObject().Count(text);
        Assert.True(pages >= 3, $"{pages} pages");
    }

    [GeneratedRegex(@"/Type /Page\b")]
    private static partial Regex PageObject();
}
