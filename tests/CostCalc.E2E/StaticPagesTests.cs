using System.Text.Json;
using CostCalc.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CostCalc.E2E;

/// <summary>
/// Issue 14 item 1: the report page and /pricing are static server-side rendering. They work (re-price, open in
/// calculator, PDF link) with no WebSocket to /_blazor ever opened; the calculator still opens one.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class StaticPagesTests(AppFixture app)
{
    private static List<string> RecordWebSockets(IPage page)
    {
        var sockets = new List<string>();
        page.WebSocket += (_, socket) =>
        {
            lock (sockets)
            {
                sockets.Add(socket.Url);
            }
        };
        return sockets;
    }

    private async Task<string> SaveAsync()
    {
        var saved = await app.Api.PostAsync("/api/reports", new()
        {
            DataObject = new Dictionary<string, object> { ["peakConnections"] = 280_000, ["title"] = "Static report" },
        });
        Assert.True(saved.Ok, $"POST /api/reports: {saved.Status} {await saved.TextAsync()}");
        return JsonDocument.Parse(await saved.TextAsync()).RootElement.GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task The_report_page_reprices_and_opens_the_calculator_without_a_websocket()
    {
        var id = await SaveAsync();
        await using var session = await app.NewSessionAsync();
        var sockets = RecordWebSockets(session.Page);

        await session.Page.GotoAsync($"/r/{id}");
        await Expect(session.Page.Locator("#report-title")).ToHaveTextAsync("Static report", new() { Timeout = AppFixture.TimeoutMs });
        await session.Page.Locator("#reprice").ClickAsync();
        await Expect(session.Page.Locator("#reprice-outcome")).ToContainTextAsync("nothing changed", new() { Timeout = AppFixture.TimeoutMs });
        await Expect(session.Page.Locator("#download-pdf")).ToHaveAttributeAsync("href", $"/r/{id}.pdf");
        await session.Page.WaitForTimeoutAsync(1000);               // time for a circuit to start, were one to start

        lock (sockets)
        {
            Assert.DoesNotContain(sockets, url => url.Contains("/_blazor", StringComparison.Ordinal));
        }

        // The editable copy is the calculator, which does open a circuit.
        await session.Page.Locator("#open-in-calculator").ClickAsync();
        await session.Page.Locator("#interactive[data-interactive=yes]").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = AppFixture.TimeoutMs });
        lock (sockets)
        {
            Assert.Contains(sockets, url => url.Contains("/_blazor", StringComparison.Ordinal));
        }

        session.AssertNoErrors();
    }

    [Fact]
    public async Task The_pricing_page_shows_its_table_without_a_websocket()
    {
        await using var session = await app.NewSessionAsync();
        var sockets = RecordWebSockets(session.Page);

        await session.Page.GotoAsync("/pricing");
        await Expect(session.Page.Locator("#pricing-regions tbody tr").First).ToBeVisibleAsync(new() { Timeout = AppFixture.TimeoutMs });
        await session.Page.WaitForTimeoutAsync(1000);

        lock (sockets)
        {
            Assert.DoesNotContain(sockets, url => url.Contains("/_blazor", StringComparison.Ordinal));
        }

        session.AssertNoErrors();
    }
}
