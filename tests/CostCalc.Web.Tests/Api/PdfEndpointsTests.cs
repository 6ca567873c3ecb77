using System.Net;
using CostCalc.Web.Tests.TestSupport;
using UglyToad.PdfPig;

namespace CostCalc.Web.Tests.Api;

/// <summary>A test client whose PDF rate is effectively unlimited (every test client is 127.0.0.1).</summary>
public sealed class PdfFactory : CostCalcFactory
{
    protected override IReadOnlyDictionary<string, string> Settings =>
        new Dictionary<string, string> { ["Pdf:Gate:PerClientLimit"] = "10000" };
}

/// <summary>The third PDF in a minute from one client is refused.</summary>
public sealed class StrictPdfFactory : CostCalcFactory
{
    protected override IReadOnlyDictionary<string, string> Settings =>
        new Dictionary<string, string> { ["Pdf:Gate:PerClientLimit"] = "2" };
}

public sealed class PdfEndpointsTests(PdfFactory factory) : IClassFixture<PdfFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private async Task<string> SaveAsync()
    {
        using var response = await _client.PostRawAsync("/api/reports", """{"peakConnections": 500000, "region": "eu-west-1"}""");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.ReadJsonAsync()).GetProperty("id").GetString()!;
    }

    [Theory]
    [InlineData("/r/{0}.pdf")]
    [InlineData("/api/reports/{0}/pdf")]
    public async Task A_saved_report_downloads_as_an_A4_pdf_with_its_link(string path)
    {
        var id = await SaveAsync();

        using var response = await _client.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, path, id));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"costcalc-report-{id}.pdf", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        var page1 = pdf.GetPage(1);
        Assert.Equal(595, page1.Width, 0);
        Assert.Contains($"/r/{id}", page1.Text, StringComparison.Ordinal);
        Assert.Contains("500,000 peak connections", page1.Text, StringComparison.Ordinal);
        Assert.Contains("eu-west-1", page1.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Letter_on_request()
    {
        var id = await SaveAsync();
        using var response = await _client.GetAsync($"/r/{id}.pdf?paper=letter");
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(612, pdf.GetPage(1).Width, 0);
        Assert.Equal(792, pdf.GetPage(1).Height, 0);
    }

    [Theory]
    [InlineData("/r/AAAAAAAAAAAAAAAAAAAAAA.pdf")]
    [InlineData("/api/reports/not-an-id/pdf")]
    public async Task An_unknown_report_is_404(string path)
    {
        using var response = await _client.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_calculator_export_renders_the_scenario_in_its_query_without_a_link()
    {
        using var response = await _client.GetAsync("/api/estimate.pdf?v=1&peakConnections=250000&horizonMonths=12");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        var page1 = pdf.GetPage(1).Text;
        Assert.Contains("250,000 peak connections", page1, StringComparison.Ordinal);
        Assert.Contains("over 12 months", page1, StringComparison.Ordinal);
        Assert.Contains("Not saved: exported from the calculator", page1, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_calculator_export_of_the_defaults_needs_no_query()
    {
        using var response = await _client.GetAsync("/api/estimate.pdf?paper=letter");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(612, pdf.GetPage(1).Width, 0);
    }

    [Fact]
    public async Task An_unreadable_query_is_400()
    {
        using var response = await _client.GetAsync("/api/estimate.pdf?v=1&peakConnections=lots");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task The_report_page_links_to_its_pdf()
    {
        var id = await SaveAsync();
        var html = await _client.GetStringAsync($"/r/{id}");
        Assert.Contains($"href=\"/r/{id}.pdf\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/r/{id}.pdf?paper=letter\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_calculator_links_to_the_pdf_of_its_scenario()
    {
        var html = await _client.GetStringAsync("/?v=1&peakConnections=250000");
        Assert.Contains("href=\"/api/estimate.pdf?v=1&amp;peakConnections=250000\"", html, StringComparison.Ordinal);
    }
}

public sealed class PdfRateLimitTests(StrictPdfFactory factory) : IClassFixture<StrictPdfFactory>
{
    [Fact]
    public async Task Past_the_clients_rate_the_answer_is_429_with_retry_after()
    {
        var client = factory.CreateClient();
        for (var i = 0; i < 2; i++)
        {
            using var ok = await client.GetAsync("/api/estimate.pdf");
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        using var refused = await client.GetAsync("/api/estimate.pdf");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Contains("PDFs per minute", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

/// <summary>Its own app (class fixture), so the limit it spends is its own.</summary>
public sealed class PdfRateBeforeLookupTests(StrictPdfFactory factory) : IClassFixture<StrictPdfFactory>
{
    [Fact]
    public async Task Past_the_clients_rate_a_report_pdf_is_refused_before_the_report_is_looked_up()
    {
        // Two PDFs spend the limit; a third for a report that does not exist is 429, not 404: no lookup happened.
        var client = factory.CreateClient();
        for (var i = 0; i < 2; i++)
        {
            using var ok = await client.GetAsync("/api/estimate.pdf");
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        using var refused = await client.GetAsync("/r/AAAAAAAAAAAAAAAAAAAAAA.pdf");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
    }
}
