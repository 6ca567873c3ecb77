using System.Net;
using System.Text.Json;
using CostCalc.Domain.Estimation;
using CostCalc.Domain.Scenarios;
using CostCalc.Reports.Store;
using CostCalc.Web.Hosting;
using CostCalc.Web.Pricing;
using CostCalc.Web.Reports.Documents;
using CostCalc.Web.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace CostCalc.Web.Tests.Api;

public sealed class ReportEndpointsTests(CostCalcFactory factory) : IClassFixture<CostCalcFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private static JsonElement PathOf(JsonElement estimate, string id) =>
        estimate.GetProperty("paths").EnumerateArray().Single(p => p.GetProperty("id").GetString() == id);

    private async Task<JsonElement> SaveAsync(string scenarioJson = """{"peakConnections": 500000, "region": "eu-west-1"}""")
    {
        using var response = await _client.PostRawAsync("/api/reports", scenarioJson);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ReadJsonAsync();
    }

    [Fact]
    public async Task Post_ValidScenario_Returns201WithLocationIdAndTheEstimate()
    {
        using var response = await _client.PostRawAsync("/api/reports", """{"peakConnections": 500000, "region": "eu-west-1"}""");
        var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = body.GetProperty("id").GetString()!;
        Assert.True(ReportId.IsValid(id));
        Assert.Equal($"/api/reports/{id}", response.Headers.Location!.OriginalString);
        Assert.Equal($"/r/{id}", body.GetProperty("url").GetString());
        var expected = factory.Services.GetRequiredService<CurrentPrices>().Estimator
            .Estimate(Scenario.Default with { PeakConnections = 500_000, Region = "eu-west-1" }, DateOnly.FromDateTime(DateTime.UtcNow));
        Assert.Equal(expected[PathIds.Ec2].MonthlyUsd, PathOf(body.GetProperty("estimate"), PathIds.Ec2).Money("monthlyUsd"));
        Assert.Equal(expected.SnapshotId, body.GetProperty("snapshotId").GetString());
        Assert.Equal(ReportDocuments.CurrentVersion, body.GetProperty("schemaVersion").GetInt32());
        Assert.Equal(2, ReportDocuments.CurrentVersion);
        Assert.Equal(0, body.GetProperty("notes").GetArrayLength());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("appVersion").GetString()));
    }

    [Fact]
    public async Task Get_SavedReport_ReturnsExactlyWhatTheSaveReturned()
    {
        var saved = await SaveAsync();

        using var response = await _client.GetAsync($"/api/reports/{saved.GetProperty("id").GetString()}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(saved.GetRawText(), (await response.ReadJsonAsync()).GetRawText());
    }

    [Fact]
    public async Task Get_SavedReport_EstimateDeserializesToTheModel()
    {
        var saved = await SaveAsync();

        var estimate = saved.GetProperty("estimate").Deserialize<Estimate>(JsonSetup.Options)!;

        Assert.Equal(500_000, estimate.Scenario.PeakConnections);
        Assert.Equal(saved.GetProperty("estimate").GetRawText(), JsonSerializer.Serialize(estimate, JsonSetup.Options));
    }

    [Fact]
    public async Task Get_FormatOneReport_ReturnsTheSavedNumbersInTheCurrentShape()
    {
        var golden = Path.Combine(AppContext.BaseDirectory, "Reports", "Golden", "v1-fargate");
        using var saved = JsonDocument.Parse(File.ReadAllText(golden + ".estimate.json"));
        var record = new ReportRecord(ReportId.New(), DateTimeOffset.UnixEpoch, 1, "1.0.0", "embedded-2026-07-20",
            File.ReadAllText(golden + ".scenario.json"), saved.RootElement.GetRawText());
        Assert.True(await factory.Services.GetRequiredService<ReportStore>().TryInsertAsync(record));

        using var response = await _client.GetAsync($"/api/reports/{record.Id}");
        var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, body.GetProperty("schemaVersion").GetInt32());
        var estimate = body.GetProperty("estimate");
        Assert.Equal([PathIds.Ec2, PathIds.EksFargate], estimate.GetProperty("paths").EnumerateArray().Select(p => p.GetProperty("id").GetString()));
        Assert.Equal(saved.RootElement.GetProperty("ec2").Money("monthlyUsd"), PathOf(estimate, PathIds.Ec2).Money("monthlyUsd"));
        Assert.Equal(saved.RootElement.GetProperty("eks").Money("monthlyUsd"), PathOf(estimate, PathIds.EksFargate).Money("monthlyUsd"));
        Assert.Equal([PathIds.Eks], body.GetProperty("scenario").GetProperty("hiddenPaths").EnumerateArray().Select(p => p.GetString()));
        Assert.False(estimate.TryGetProperty("ec2", out _), "the old two-path shape");
    }

    [Theory]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("not-an-id")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAB")]
    public async Task Get_UnknownOrMalformedId_Returns404Problem(string id)
    {
        using var response = await _client.GetAsync($"/api/reports/{id}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Get_Collection_IsNotAListing()
    {
        await SaveAsync();

        using var response = await _client.GetAsync("/api/reports");

        Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed, response.StatusCode.ToString());
    }

    [Fact]
    public async Task Post_InvalidScenario_Returns400NamingTheField()
    {
        using var response = await _client.PostRawAsync("/api/reports", """{"peakConnections": -1}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadJsonAsync()).GetProperty("errors").TryGetProperty("peakConnections", out _));
    }

    [Fact]
    public async Task Post_BodyOver64KiB_Returns413()
    {
        var padding = new string(' ', 70 * 1024);
        using var response = await _client.PostRawAsync("/api/reports", "{" + padding + "}");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Post_Always_SendsNosniffAndNoReferrer()
    {
        using var response = await _client.PostRawAsync("/api/reports", "{}");

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task ReportPage_SavedReport_ShowsItsNumbersAndPriceDate()
    {
        var saved = await SaveAsync();
        var estimate = saved.GetProperty("estimate");

        var html = await _client.GetStringAsync(saved.GetProperty("url").GetString());

        Assert.Contains($"Prices as of {estimate.GetProperty("pricesAsOf").GetString()}", html, StringComparison.Ordinal);
        foreach (var path in new[] { PathIds.Ec2, PathIds.Eks, PathIds.EksFargate })
        {
            Assert.Contains($"data-value=\"{PathOf(estimate, path).GetProperty("monthlyUsd").GetRawText()}\"", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ReportPage_SavedReport_SendsTheSecurityHeaders()
    {
        var saved = await SaveAsync();

        using var response = await _client.GetAsync(saved.GetProperty("url").GetString());

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("base-uri 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("'unsafe-inline'", csp.Split(';').Single(d => d.Trim().StartsWith("script-src", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task ReportPage_InlineImportMap_CarriesTheCspNonce()
    {
        var saved = await SaveAsync();

        using var response = await _client.GetAsync(saved.GetProperty("url").GetString());
        var html = await response.Content.ReadAsStringAsync();

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        var nonce = System.Text.RegularExpressions.Regex.Match(csp, "'nonce-([^']+)'").Groups[1].Value;
        Assert.NotEmpty(nonce);
        Assert.Contains($"<script type=\"importmap\" nonce=\"{nonce}\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportPage_OverHttps_SendsHstsForAYear()
    {
        using var https = factory.CreateClient(new() { BaseAddress = new Uri("https://costcalc.example") });
        var saved = await SaveAsync();

        using var response = await https.GetAsync(saved.GetProperty("url").GetString());

        var hsts = response.Headers.GetValues("Strict-Transport-Security").Single();
        Assert.Contains("max-age=31536000", hsts, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("nope")]
    public async Task ReportPage_UnknownId_Returns404WithAFriendlyPage(string id)
    {
        using var response = await _client.GetAsync($"/r/{id}");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("This report does not exist", html, StringComparison.Ordinal);
        Assert.Contains("id=\"back-to-calculator\"", html, StringComparison.Ordinal);
    }
}

/// <summary>A factory allowing 3 saves a minute, to reach the limit quickly.</summary>
public sealed class LowSaveLimitFactory : CostCalcFactory
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Reports:SavesPerMinutePerClient"] = "3",
    };
}

public sealed class ReportEndpointsRateLimitTests(LowSaveLimitFactory factory) : IClassFixture<LowSaveLimitFactory>
{
    [Fact]
    public async Task Post_OverTheLimit_Returns429WithRetryAfter()
    {
        using var client = factory.CreateClient();
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 4; i++)
        {
            last?.Dispose();
            last = await client.PostRawAsync("/api/reports", "{}");
            statuses.Add(last.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests], statuses);
        var retryAfter = int.Parse(last!.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 20);
        Assert.Equal("application/problem+json", last.Content.Headers.ContentType?.MediaType);
        last.Dispose();
    }
}
