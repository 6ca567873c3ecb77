using System.Text.Json;
using System.Text.Json.Nodes;
using CostCalc.E2E.Infrastructure;
using CostCalc.E2E.Pages;
using static Microsoft.Playwright.Assertions;

namespace CostCalc.E2E;

/// <summary>What leaves the page: copied links, tampered links, and the JSON export compared with the HTTP API.</summary>
[Collection(BrowserTests.Name)]
public sealed class LinkAndExportTests(AppFixture app)
{
    [Fact]
    public async Task A_copied_link_opens_the_same_estimate_in_a_new_page()
    {
        await using var session = await app.NewSessionAsync(new()
        {
            Permissions = ["clipboard-read", "clipboard-write"],
        });
        var calculator = new CalculatorPageObject(session.Page);
        await calculator.OpenAsync();
        await calculator.FillAsync("peakConnections", "750000");
        await calculator.ExpectUrlParameterAsync("peakConnections", "750000");
        await calculator.FillAsync("availabilityZones", "2");
        await calculator.ExpectUrlParameterAsync("availabilityZones", "2");
        var headline = await calculator.HeadlineValues.AllInnerTextsAsync();
        var costs = await calculator.ReadHeadlineAsync();

        await calculator.CopyLink.ClickAsync();

        await Expect(session.Page.GetByText("Link copied to the clipboard.")).ToBeVisibleAsync(new() { Timeout = AppFixture.TimeoutMs });
        var link = await session.Page.EvaluateAsync<string>("() => navigator.clipboard.readText()");
        Assert.Equal(session.Page.Url, link);
        Assert.Contains("peakConnections=750000", link, StringComparison.Ordinal);

        var other = new CalculatorPageObject(await session.NewPageAsync());
        await other.Page.GotoAsync(link);
        await other.WaitInteractiveAsync();
        await other.ExpectHeadlineAsync(costs);
        await Expect(other.HeadlineValues).ToHaveTextAsync([.. headline], new() { Timeout = AppFixture.TimeoutMs });
        await Expect(other.Input("peakConnections")).ToHaveValueAsync("750,000", new() { Timeout = AppFixture.TimeoutMs });
        await Expect(other.LinkError).ToHaveCountAsync(0);
        session.AssertNoErrors();
    }

    [Theory]
    [InlineData("v=1&peakConnections=abc", "'peakConnections' has an unreadable value")]
    [InlineData("v=9", "no supported version")]
    [InlineData("v=1&peakConnections=-5", "Peak concurrent connections")]
    public async Task A_tampered_link_falls_back_to_the_defaults_for_what_is_wrong_and_says_why(string query, string reason)
    {
        await using var session = await app.NewSessionAsync();
        var defaults = new CalculatorPageObject(session.Page);
        await defaults.OpenAsync();
        var expected = await defaults.ReadHeadlineAsync();

        var calculator = new CalculatorPageObject(await session.NewPageAsync());
        await calculator.OpenAsync(query);

        await Expect(calculator.LinkError).ToBeVisibleAsync(new() { Timeout = AppFixture.TimeoutMs });
        await Expect(calculator.LinkError).ToContainTextAsync(reason, new() { Timeout = AppFixture.TimeoutMs });
        await calculator.ExpectHeadlineAsync(expected);
        await Expect(calculator.Input("peakConnections")).ToHaveValueAsync("100,000", new() { Timeout = AppFixture.TimeoutMs });
        session.AssertNoErrors();
    }

    [Fact]
    public async Task Exported_JSON_matches_the_API_estimate_for_the_same_scenario()
    {
        await using var session = await app.NewSessionAsync();
        var calculator = new CalculatorPageObject(session.Page);
        await calculator.OpenAsync("v=1&peakConnections=1000000&horizonMonths=24");

        var download = await session.Page.RunAndWaitForDownloadAsync(() => calculator.ExportJson.ClickAsync());

        Assert.Equal("costcalc-estimate.json", download.SuggestedFilename);
        var exported = JsonNode.Parse(await File.ReadAllTextAsync(await download.PathAsync()))!.AsObject();
        var response = await app.Api.PostAsync("/api/estimate", new()
        {
            DataObject = new Dictionary<string, object> { ["peakConnections"] = 1_000_000, ["horizonMonths"] = 24 },
        });
        Assert.True(response.Ok, $"POST /api/estimate: {response.Status} {await response.TextAsync()}");
        var fromApi = JsonNode.Parse(await response.TextAsync())!.AsObject();

        Assert.Equal(1_000_000, exported["scenario"]!["peakConnections"]!.GetValue<long>());
        Assert.True(JsonNode.DeepEquals(fromApi, exported),
            $"The export differs from the API.\nexport: {Shorten(exported)}\napi:    {Shorten(fromApi)}");
        session.AssertNoErrors();
    }

    [Fact]
    public async Task Exported_Markdown_equals_the_APIs_for_the_same_scenario()
    {
        await using var session = await app.NewSessionAsync();
        var calculator = new CalculatorPageObject(session.Page);
        const string query = "v=1&peakConnections=1000000&horizonMonths=24";
        await calculator.OpenAsync(query);

        var download = await session.Page.RunAndWaitForDownloadAsync(() => session.Page.Locator("#export-markdown").ClickAsync());

        Assert.Equal("costcalc-estimate.md", download.SuggestedFilename);
        var exported = await File.ReadAllTextAsync(await download.PathAsync());
        var response = await app.Api.GetAsync("/api/estimate.md?" + query);
        Assert.True(response.Ok, $"GET /api/estimate.md: {response.Status}");
        Assert.Equal(await response.TextAsync(), exported);
        Assert.StartsWith("# CostCalc estimate: EC2, EKS, EKS on Fargate", exported, StringComparison.Ordinal);
        Assert.Contains("1,000,000 peak connections · 24 months", exported, StringComparison.Ordinal);
        session.AssertNoErrors();
    }

    [Fact]
    public async Task Money_axes_carry_dollars()
    {
        await using var session = await app.NewSessionAsync();
        var calculator = new CalculatorPageObject(session.Page);
        await calculator.OpenAsync();

        // The crossover's y axis (one SVG drawn by the app) and the cumulative chart's (MudBlazor): every money tick starts with $.
        foreach (var chart in new[] { "#chart-crossover", "#chart-cumulative" })
        {
            var ticks = session.Page.Locator($"{chart} svg text").Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex(@"^\$[0-9]") });
            await Expect(ticks.First).ToBeVisibleAsync(new() { Timeout = AppFixture.TimeoutMs });
            Assert.True(await ticks.CountAsync() >= 2, $"{chart} has fewer than two $ ticks");
        }

        session.AssertNoErrors();
    }

    private static string Shorten(JsonNode node)
    {
        var text = node.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
        return text.Length <= 2000 ? text : text[..2000] + "…";
    }
}
