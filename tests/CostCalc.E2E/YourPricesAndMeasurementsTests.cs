using CostCalc.E2E.Infrastructure;
using CostCalc.E2E.Pages;
using static Microsoft.Playwright.Assertions;

namespace CostCalc.E2E;

/// <summary>Issue 16 in a real browser: a pasted :erlang.memory() becomes inputs the address carries; a report keeps adjusted prices.</summary>
[Collection(BrowserTests.Name)]
public sealed class YourPricesAndMeasurementsTests(AppFixture app)
{
    [Fact]
    public async Task A_pasted_erlang_memory_is_applied_as_inputs_the_address_carries()
    {
        await using var session = await app.NewSessionAsync();
        var calculator = new CalculatorPageObject(session.Page);
        await calculator.OpenAsync();

        await session.Page.Locator("#measure-yours .mud-expand-panel-header").ClickAsync();
        // One VM holding 10,000 connections: total 309,657,600 B = the default 100 MiB base (104,857,600 B)
        // + 10,000 × 20,480 B, so (309,657,600 − 104,857,600) ÷ 10,000 = 20,480 B = 20 KiB per connection.
        await session.Page.Locator("#cal-memory").FillAsync(
            "[total: 309_657_600, processes: 209_657_600, processes_used: 200_000_000, system: 100_000_000, "
            + "atom: 1_000_000, atom_used: 900_000, binary: 50_000_000, code: 30_000_000, ets: 5_000_000]");
        await session.Page.Locator("#cal-connections").FillAsync("10,000");
        await session.Page.Locator("#cal-connections").PressAsync("Tab");
        await Expect(session.Page.Locator("[data-derived=\"memoryPerConnectionKiB\"]")).ToContainTextAsync("20 KiB", new() { Timeout = AppFixture.TimeoutMs });

        await session.Page.Locator("#cal-apply").ClickAsync();

        await calculator.ExpectUrlParameterAsync("memoryPerConnectionKiB", "20");
        await Expect(calculator.Input("memoryPerConnectionKiB")).ToHaveValueAsync("20", new() { Timeout = AppFixture.TimeoutMs });
        session.AssertNoErrors();
    }

    [Fact]
    public async Task A_saved_report_says_its_prices_are_adjusted()
    {
        await using var author = await app.NewSessionAsync(new() { Permissions = ["clipboard-read", "clipboard-write"] });
        var calculator = new CalculatorPageObject(author.Page);
        await calculator.OpenAsync("v=1&ec2DiscountPercent=20");
        await Expect(author.Page.Locator("#adjusted-prices-notice")).ToBeVisibleAsync(new() { Timeout = AppFixture.TimeoutMs });

        await author.Page.Locator("#share-link").ClickAsync();
        await author.Page.Locator("#share-confirm").ClickAsync();
        var sharedLink = author.Page.Locator("#shared-report-link");
        await Expect(sharedLink).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("/r/[A-Za-z0-9_-]{22}$"), new() { Timeout = AppFixture.TimeoutMs });

        await using var reader = await app.NewSessionAsync();
        await reader.Page.GotoAsync(await sharedLink.InnerTextAsync());
        await Expect(reader.Page.Locator("#adjusted-prices-notice")).ToContainTextAsync("Prices are adjusted (−20 % EC2 discount)", new() { Timeout = AppFixture.TimeoutMs });
        author.AssertNoErrors();
        reader.AssertNoErrors();
    }
}
