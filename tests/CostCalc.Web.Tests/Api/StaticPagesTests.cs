using System.Net;
using System.Text.Json;
using CostCalc.Web.Reports;
using CostCalc.Web.Tests.TestSupport;

namespace CostCalc.Web.Tests.Api;

/// <summary>
/// Issue 14 item 1: saved reports, /pricing and /model render with static SSR, so they open no circuit; the
/// calculator stays interactive. A page starts a circuit only through a server component marker
/// (<c>&lt;!--Blazor:{"type":"server"</c>) that blazor.web.js turns into a WebSocket to /_blazor.
/// </summary>
public sealed class StaticPagesTests(CostCalcFactory factory) : IClassFixture<CostCalcFactory>
{
    private const string ServerComponentMarker = "<!--Blazor:{\"type\":\"server\"";

    private readonly HttpClient _client = factory.CreateClient();

    private async Task<string> SaveAsync(string body)
    {
        using var response = await _client.PostRawAsync("/api/reports", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.ReadJsonAsync()).GetProperty("url").GetString()!;
    }

    [Theory]
    [InlineData("/pricing")]
    [InlineData("/model")]
    public async Task StaticPage_Get_HasNoCircuitMarker(string path)
    {
        var html = await _client.GetStringAsync(path);

        Assert.DoesNotContain(ServerComponentMarker, html, StringComparison.Ordinal);
        Assert.Contains("data-interactive=\"no\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportPage_Get_HasNoCircuitMarkerButEveryActionAsAPlainLink()
    {
        var url = await SaveAsync("""{"peakConnections": 250000}""");
        var id = url[(url.LastIndexOf('/') + 1)..];

        var html = await _client.GetStringAsync(url);

        Assert.DoesNotContain(ServerComponentMarker, html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/r/{id}?reprice=today#reprice-panel\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/r/{id}.pdf\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/?v=", html, StringComparison.Ordinal);          // open in calculator
        Assert.Contains("peakConnections=250000", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calculator_Get_StillStartsACircuit()
    {
        var html = await _client.GetStringAsync("/");

        Assert.Contains(ServerComponentMarker, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportPage_RepriceToday_SaysPlainlyNothingChangedOnTheSameSnapshot()
    {
        var url = await SaveAsync("{}");

        var html = await _client.GetStringAsync(url + "?reprice=today");

        // "—" is written as &#x2014; by Razor's encoder.
        Assert.Contains("nothing changed.", html, StringComparison.Ordinal);
        Assert.Contains("id=\"reprice-table\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain(ServerComponentMarker, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportPage_TitleAndNotes_AreEscapedInTheHtml()
    {
        var body = JsonSerializer.Serialize(new { title = "<img src=x onerror=alert(1)>", notes = "<script>alert(2)</script>" });
        var url = await SaveAsync(body);

        var html = await _client.GetStringAsync(url);

        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(2)", html, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(2)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("<title>&lt;img src=x onerror=alert(1)&gt; — CostCalc</title>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PricingPage_ManualRefreshEnabled_ShowsTheRefreshFormWithAnAntiforgeryToken()
    {
        var html = await _client.GetStringAsync("/pricing");

        Assert.Contains("id=\"refresh-form\"", html, StringComparison.Ordinal);
        Assert.Contains("name=\"__RequestVerificationToken\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"pricing-regions\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PricingPage_PostWithoutAntiforgeryToken_IsRefused()
    {
        using var response = await _client.PostAsync("/pricing", new FormUrlEncodedContent(new Dictionary<string, string> { ["_handler"] = "refresh-prices" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Calculator_Get_LinksToThePricingPage()
    {
        var html = await _client.GetStringAsync("/");

        Assert.Matches("id=\"prices-as-of\"[^>]*href=\"/pricing\"|href=\"/pricing\"[^>]*id=\"prices-as-of\"", html);
    }
}

/// <summary>Manual refresh turned off: /pricing shows no refresh button at all.</summary>
public sealed class NoManualRefreshFactory : CostCalcFactory
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["Pricing:Refresh:ManualEnabled"] = "false" };
}

public sealed class PricingPageNoRefreshTests(NoManualRefreshFactory factory) : IClassFixture<NoManualRefreshFactory>
{
    [Fact]
    public async Task PricingPage_ManualRefreshOff_ShowsNoRefreshButton()
    {
        using var client = factory.CreateClient();

        var html = await client.GetStringAsync("/pricing");

        Assert.DoesNotContain("refresh-prices", html, StringComparison.Ordinal);
        Assert.Contains("id=\"pricing-regions\"", html, StringComparison.Ordinal);
    }
}

/// <summary>POST /api/reports with the author's "title" and "notes" (issue 13 item 9).</summary>
public sealed class ReportTextEndpointTests(CostCalcFactory factory) : IClassFixture<CostCalcFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Post_TitleAndNotes_AreStoredTrimmedAndReturnedOnSaveAndRead()
    {
        using var response = await _client.PostRawAsync("/api/reports", """{"peakConnections": 200000, "title": "  Chat, Q3 ", "notes": "a\r\nb"}""");
        var saved = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("Chat, Q3", saved.GetProperty("title").GetString());
        Assert.Equal("a\nb", saved.GetProperty("authorNotes").GetString());
        Assert.Equal(200_000, saved.GetProperty("scenario").GetProperty("peakConnections").GetInt64());
        var read = await (await _client.GetAsync($"/api/reports/{saved.GetProperty("id").GetString()}")).ReadJsonAsync();
        Assert.Equal(saved.GetRawText(), read.GetRawText());
    }

    [Fact]
    public async Task Post_NoText_AnswersNullTitleAndNotes()
    {
        using var response = await _client.PostRawAsync("/api/reports", """{"title": "   ", "notes": null}""");
        var saved = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(JsonValueKind.Null, saved.GetProperty("title").ValueKind);
        Assert.Equal(JsonValueKind.Null, saved.GetProperty("authorNotes").ValueKind);
    }

    [Theory]
    [InlineData(ReportText.MaxTitleChars + 1, 0, "title")]
    [InlineData(0, ReportText.MaxNotesChars + 1, "notes")]
    public async Task Post_TextPastItsLimit_Returns400NamingTheField(int titleChars, int notesChars, string field)
    {
        var body = JsonSerializer.Serialize(new { title = new string('t', titleChars), notes = new string('n', notesChars) });

        using var response = await _client.PostRawAsync("/api/reports", body);
        var problem = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = problem.GetProperty("errors");
        Assert.Contains("at most", errors.GetProperty(field)[0].GetString(), StringComparison.Ordinal);
        Assert.Single(errors.EnumerateObject());
    }

    [Fact]
    public async Task Post_TextAtItsLimit_IsSaved()
    {
        var body = JsonSerializer.Serialize(new { title = new string('t', ReportText.MaxTitleChars), notes = new string('n', ReportText.MaxNotesChars) });

        using var response = await _client.PostRawAsync("/api/reports", body);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Theory]
    [InlineData("""{"title": 42}""", "title")]
    [InlineData("""{"notes": ["a"]}""", "notes")]
    [InlineData("""{"title": "two\nlines"}""", "title")]
    [InlineData("""{"notes": "bell\u0007"}""", "notes")]
    public async Task Post_TextNotAStringOrWithControlCharacters_Returns400NamingTheField(string body, string field)
    {
        using var response = await _client.PostRawAsync("/api/reports", body);
        var problem = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Post_TitleToTheEstimateEndpoint_IsStillAnUnknownField()
    {
        using var response = await _client.PostRawAsync("/api/estimate", """{"title": "x"}""");
        var problem = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty("title", out _));
    }

    [Fact]
    public async Task Post_UnknownFieldBesideTitle_IsStillRefused()
    {
        using var response = await _client.PostRawAsync("/api/reports", """{"title": "x", "peakConnexions": 5}""");
        var problem = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty("peakConnexions", out _));
    }
}
