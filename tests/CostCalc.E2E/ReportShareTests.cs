using CostCalc.E2E.Infrastructure;
using CostCalc.E2E.Pages;
using static Microsoft.Playwright.Assertions;

namespace CostCalc.E2E;

/// <summary>Issue 6: Share saves a report; its link opens in a fresh browser with the same numbers.</summary>
[Collection(BrowserTests.Name)]
public sealed class ReportShareTests(AppFixture app)
{
    [Fact]
    public async Task A_shared_report_opens_in_a_fresh_browser_with_the_same_numbers()
    {
        await using var author = await app.NewSessionAsync(new() { Permissions = ["clipboard-read", "clipboard-write"] });
        var calculator = new CalculatorPageObject(author.Page);
        await calculator.OpenAsync("v=1&peakConnections=640000&region=eu-west-1&ec2InstanceType=c7g.xlarge");
        var costs = await calculator.ReadHeadlineAsync();
        var headline = await calculator.HeadlineValues.AllInnerTextsAsync();
        var pricesAsOf = System.Text.RegularExpressions.Regex.Match(
            await author.Page.Locator("#prices-as-of").InnerTextAsync(), @"\d{4}-\d{2}-\d{2}").Value;

        await author.Page.Locator("#share-link").ClickAsync();
        await author.Page.Locator("#share-confirm").ClickAsync();

        var sharedLink = author.Page.Locator("#shared-report-link");
        await Expect(sharedLink).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("/r/[A-Za-z0-9_-]{22}$"),
            new() { Timeout = AppFixture.TimeoutMs });
        var url = await sharedLink.InnerTextAsync();

        await using var reader = await app.NewSessionAsync();
        var report = new CalculatorPageObject(reader.Page);
        await reader.Page.GotoAsync(url);
        await report.ExpectHeadlineAsync(costs);
        await Expect(report.HeadlineValues).ToHaveTextAsync([.. headline], new() { Timeout = AppFixture.TimeoutMs });
        await Expect(reader.Page.Locator("#prices-as-of")).ToContainTextAsync($"Prices as of {pricesAsOf}", new() { Timeout = AppFixture.TimeoutMs });
        author.AssertNoErrors();
        reader.AssertNoErrors();
    }

    [Fact]
    public async Task A_title_and_notes_written_when_sharing_show_escaped_on_the_report()
    {
        await using var author = await app.NewSessionAsync(new() { Permissions = ["clipboard-read", "clipboard-write"] });
        var calculator = new CalculatorPageObject(author.Page);
        await calculator.OpenAsync("v=1&peakConnections=320000");
        await author.Page.Locator("#share-link").ClickAsync();
        await author.Page.Locator("#share-form input").FillAsync("Chat <b>cluster</b>");
        await author.Page.Locator("#share-form textarea").First.FillAsync("Why: <img src=x onerror=alert(1)>");
        await author.Page.Locator("#share-confirm").ClickAsync();
        var sharedLink = author.Page.Locator("#shared-report-link");
        await Expect(sharedLink).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("/r/[A-Za-z0-9_-]{22}$"), new() { Timeout = AppFixture.TimeoutMs });

        await using var reader = await app.NewSessionAsync();
        await reader.Page.GotoAsync(await sharedLink.InnerTextAsync());

        await Expect(reader.Page.Locator("#report-title")).ToHaveTextAsync("Chat <b>cluster</b>", new() { Timeout = AppFixture.TimeoutMs });
        await Expect(reader.Page.Locator("#report-title b")).ToHaveCountAsync(0);
        await Expect(reader.Page.Locator("#report-author-notes")).ToContainTextAsync("Why: <img src=x onerror=alert(1)>");
        await Expect(reader.Page.Locator("#report-author-notes img")).ToHaveCountAsync(0);
        author.AssertNoErrors();
        reader.AssertNoErrors();
    }

    [Fact]
    public async Task An_unknown_report_id_shows_a_friendly_not_found_page()
    {
        await using var session = await app.NewSessionAsync();

        var response = await session.Page.GotoAsync("/r/AAAAAAAAAAAAAAAAAAAAAA");

        Assert.Equal(404, response!.Status);
        await Expect(session.Page.Locator("#report-not-found")).ToBeVisibleAsync(new() { Timeout = AppFixture.TimeoutMs });
        await Expect(session.Page.Locator("#back-to-calculator")).ToBeVisibleAsync();
    }
}
