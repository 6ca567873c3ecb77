using System.Net;
using System.Text.Json;
using CostCalc.Web.Reports.Documents;
using CostCalc.Web.Tests.TestSupport;
using UglyToad.PdfPig;

namespace CostCalc.Web.Tests.Api;

/// <summary>POST /api/reports/compare, the saved comparison's page and PDF, and /compare of saved reports.</summary>
public sealed class CompareReportEndpointsTests(PdfFactory factory) : IClassFixture<PdfFactory>
{
    private const string TwoScenarios = """
        {"title": "Spot <or> not", "scenarios": [
          {"scenario": {"peakConnections": 500000}},
          {"label": "Spot", "scenario": {"peakConnections": 500000, "ec2PurchaseOption": "spot"}}]}
        """;

    private readonly HttpClient _client = factory.CreateClient();

    private async Task<JsonElement> SaveAsync(string body = TwoScenarios)
    {
        using var response = await _client.PostRawAsync("/api/reports/compare", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ReadJsonAsync();
    }

    [Fact]
    public async Task Post_TwoScenarios_SavesOneComparisonReport()
    {
        var saved = await SaveAsync();

        Assert.Equal(ReportDocuments.ComparisonVersion, saved.GetProperty("schemaVersion").GetInt32());
        var compared = saved.GetProperty("compared").EnumerateArray().ToList();
        Assert.Equal(["Baseline", "Spot"], compared.Select(c => c.GetProperty("label").GetString()));
        Assert.Equal("spot", compared[1].GetProperty("scenario").GetProperty("ec2PurchaseOption").GetString());
        using var read = await _client.GetAsync($"/api/reports/{saved.GetProperty("id").GetString()}");
        Assert.Equal(saved.GetRawText(), (await read.ReadJsonAsync()).GetRawText());
    }

    [Theory]
    [InlineData("""{"scenarios": [{}]}""", "scenarios")]
    [InlineData("""{"scenarios": [{}, {}, {}, {}, {}]}""", "scenarios")]
    [InlineData("""{"title": "no scenarios"}""", "scenarios")]
    [InlineData("""{"scenarios": {}}""", "scenarios")]
    [InlineData("""{"scenarios": [{}, {"scenario": {"peakConnections": -1}}]}""", "scenarios[1].peakConnections")]
    [InlineData("""{"scenarios": [{}, {"scenario": {"ec2PurchaseOption": "SPOT"}}]}""", "scenarios[1].ec2PurchaseOption")]
    [InlineData("""{"scenarios": [{}, {"colour": "red"}]}""", "scenarios[1].colour")]
    [InlineData("""{"scenarios": [{"label": 3}, {}]}""", "scenarios[0].label")]
    [InlineData("""{"scenarios": [{}, {}], "extra": 1}""", "extra")]
    [InlineData("""{"scenarios": [{}, {}], "title": 7}""", "title")]
    public async Task Post_BadInput_Is400NamingTheField(string body, string field)
    {
        using var response = await _client.PostRawAsync("/api/reports/compare", body);
        var problem = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.GetRawText());
    }

    [Fact]
    public async Task Post_ALabelTooLong_Is400NamingIt()
    {
        var body = JsonSerializer.Serialize(new { scenarios = new object[] { new { }, new { label = new string('x', 61) } } });
        using var response = await _client.PostRawAsync("/api/reports/compare", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadJsonAsync()).GetProperty("errors").TryGetProperty("scenarios[1].label", out _));
    }

    [Fact]
    public async Task ReportPage_ShowsTheComparisonStatically_WithTheTitleEscaped()
    {
        var saved = await SaveAsync();

        var html = await _client.GetStringAsync(saved.GetProperty("url").GetString());

        Assert.Contains("id=\"compare-table\"", html, StringComparison.Ordinal);
        Assert.Contains("Spot &lt;or&gt; not", html, StringComparison.Ordinal);
        Assert.Contains("id=\"chart-compare-cumulative\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<!--Blazor:{\"type\":\"server\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pdf_HasEachVerdictTheDeltasTheChartAndTheChangedInputs()
    {
        var saved = await SaveAsync();
        var id = saved.GetProperty("id").GetString();

        using var response = await _client.GetAsync($"/r/{id}.pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        var text = string.Concat(pdf.GetPages().Select(p => p.Text));

        foreach (var compared in saved.GetProperty("compared").EnumerateArray())
        {
            Assert.Contains(Squeeze(compared.GetProperty("estimate").GetProperty("verdict").GetProperty("summary").GetString()!), Squeeze(text), StringComparison.Ordinal);
        }

        Assert.Contains(Squeeze("Totals and deltas against scenario 1"), Squeeze(text), StringComparison.Ordinal);
        Assert.Contains(Squeeze("Cost over the horizon, overlaid"), Squeeze(text), StringComparison.Ordinal);
        Assert.Contains(Squeeze("Spot (estimated)"), Squeeze(text), StringComparison.Ordinal);
        Assert.Contains(Squeeze("Spot <or> not"), Squeeze(text), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ComparePage_OfTwoSavedReports_ShowsBoth_AndAnUnknownIdIsExplained()
    {
        var a = (await SaveSingleAsync("""{"peakConnections": 100000}""")).GetProperty("id").GetString();
        var b = (await SaveSingleAsync("""{"peakConnections": 200000}""")).GetProperty("id").GetString();

        var html = await _client.GetStringAsync($"/compare?r={a}&r={b}&r=AAAAAAAAAAAAAAAAAAAAAA");

        Assert.Contains("id=\"compare-verdict-1\"", html, StringComparison.Ordinal);
        Assert.Contains("No saved report has the id", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ComparePage_OfASavedComparison_ShowsItsScenarios()
    {
        var id = (await SaveAsync()).GetProperty("id").GetString();

        var html = await _client.GetStringAsync($"/compare?r={id}");

        Assert.Contains("id=\"compare-verdict-1\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"compare-expanded-0\"", html, StringComparison.Ordinal);
        Assert.Contains("2. Spot", html, StringComparison.Ordinal);
        Assert.DoesNotContain("could not be opened", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportPage_OfOneScenario_OffersToCompareWithAnother()
    {
        var id = (await SaveSingleAsync("""{"peakConnections": 100000}""")).GetProperty("id").GetString();

        var html = await _client.GetStringAsync($"/r/{id}");

        Assert.Contains("id=\"compare-with-report\"", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{id}\"", html, StringComparison.Ordinal);
    }

    private async Task<JsonElement> SaveSingleAsync(string body)
    {
        using var response = await _client.PostRawAsync("/api/reports", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ReadJsonAsync();
    }

    /// <summary>PdfPig's text runs words together across drawn runs; compare without spaces.</summary>
    private static string Squeeze(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}
