using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using CostCalc.Web.Tests.TestSupport;
using UglyToad.PdfPig;

namespace CostCalc.Web.Tests.Api;

/// <summary>Cross-site writes, content types, exact JSON names, duplicate keys, URL limits, forged hosts (issue 14, items 3–5).</summary>
public sealed class HardeningTests(PdfFactory factory) : IClassFixture<PdfFactory>
{
    private const string Scenario = """{"peakConnections": 200000}""";
    private readonly HttpClient _client = factory.CreateClient();

    private static HttpRequestMessage Post(string path, string body, string? contentType = "application/json", params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) };
        if (contentType is not null)
        {
            request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return request;
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.ReadJsonAsync();
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data; boundary=x")]
    [InlineData("application/json; charset=iso-8859-1")]
    [InlineData(null)]
    public async Task SaveReport_BodyNotJson_Is415(string? contentType)
    {
        using var response = await _client.SendAsync(Post("/api/reports", Scenario, contentType));

        var problem = await ProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
        Assert.Contains(contentType?.Contains("charset", StringComparison.Ordinal) == true ? "UTF-8" : "application/json", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/estimate")]
    [InlineData("/api/ranking")]
    public async Task EstimatePosts_BodyNotJson_Are415(string path)
    {
        using var response = await _client.SendAsync(Post(path, Scenario, "text/plain"));

        await ProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Theory]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    [InlineData("Sec-Fetch-Site", "same-site")]
    [InlineData("Origin", "https://evil.example")]
    [InlineData("Origin", "http://localhost.evil.example")]
    [InlineData("Origin", "http://localhost:8081")]
    [InlineData("Origin", "null")]
    public async Task SaveReport_CrossSiteBrowserRequest_Is403(string header, string value)
    {
        using var response = await _client.SendAsync(Post("/api/reports", Scenario, "application/json", (header, value)));

        var problem = await ProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Equal("Cross-site request refused", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task SaveReport_CrossSiteFormPost_Is403BeforeTheContentTypeIsLookedAt()
    {
        // What a <form method=post enctype=text/plain> on another site sends.
        using var response = await _client.SendAsync(Post("/api/reports", Scenario, "text/plain", ("Sec-Fetch-Site", "cross-site"), ("Origin", "https://evil.example")));

        await ProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Sec-Fetch-Site=same-origin|Origin=null")] // our own page under Referrer-Policy: no-referrer
    [InlineData("Origin=http://localhost")] // a browser without Fetch Metadata, on our origin
    public async Task SaveReport_ScriptOrOwnPage_IsSaved(string headers)
    {
        var pairs = headers.Split('|', StringSplitOptions.RemoveEmptyEntries).Select(h => (h[..h.IndexOf('=')], h[(h.IndexOf('=') + 1)..])).ToArray();
        using var response = await _client.SendAsync(Post("/api/reports", Scenario, "application/json", pairs));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task PriceRefresh_CrossSite_Is403BeforeTheAdminKeyIsChecked()
    {
        using var response = await _client.SendAsync(Post("/api/pricing/refresh", "", null, ("Sec-Fetch-Site", "cross-site")));

        await ProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task PriceRefresh_NonJsonBody_Is415_ButNoBodyNeedsNoContentType()
    {
        using var withBody = await _client.SendAsync(Post("/api/pricing/refresh", "x=1", "application/x-www-form-urlencoded"));
        using var empty = await _client.PostAsync("/api/pricing/refresh", null);

        await ProblemAsync(withBody, HttpStatusCode.UnsupportedMediaType);
        Assert.Equal(HttpStatusCode.NotFound, empty.StatusCode); // reaches the endpoint: refresh is off without an admin key
    }

    [Theory]
    [InlineData("cross-site", "no-cors", "image", HttpStatusCode.Forbidden)] // <img src=…> on another site
    [InlineData("cross-site", "navigate", "iframe", HttpStatusCode.Forbidden)] // <iframe src=…>
    [InlineData("cross-site", "cors", "empty", HttpStatusCode.Forbidden)] // fetch()
    [InlineData("cross-site", "navigate", "document", HttpStatusCode.OK)] // a link the reader follows
    [InlineData("same-origin", "no-cors", "embed", HttpStatusCode.OK)] // our own pages may embed it
    public async Task EstimatePdf_FromAnotherSite_OnlyAFollowedLinkRenders(string site, string mode, string dest, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/estimate.pdf?v=1");
        request.Headers.Add("Sec-Fetch-Site", site);
        request.Headers.Add("Sec-Fetch-Mode", mode);
        request.Headers.Add("Sec-Fetch-Dest", dest);

        using var response = await _client.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
    }

    [Theory]
    [InlineData("""{"ec2PurchaseOption": "ONDEMAND"}""", "ec2PurchaseOption", "onDemand")]
    [InlineData("""{"loadBalancer": "ALB"}""", "loadBalancer", "alb")]
    [InlineData("""{"loadBalancer": "Alb"}""", "loadBalancer", "nlbTls")]
    public async Task Estimate_EnumInAnotherCase_Is400NamingTheFieldAndTheValues(string body, string field, string listed)
    {
        using var response = await _client.PostRawAsync("/api/estimate", body);

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        var message = problem.GetProperty("errors").GetProperty(field)[0].GetString()!;
        Assert.Contains(listed, message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Estimate_EnumExactlyAsDocumented_IsAccepted()
    {
        using var response = await _client.PostRawAsync("/api/estimate", """{"loadBalancer": "nlbTls"}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Estimate_FieldNameInAnotherCase_Is400UnknownField()
    {
        using var response = await _client.PostRawAsync("/api/estimate", """{"PeakConnections": 200000}""");

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("Unknown field 'PeakConnections'", problem.GetProperty("errors").GetProperty("PeakConnections")[0].GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/estimate")]
    [InlineData("/api/reports")]
    public async Task DuplicateKey_Is400NamingTheKey(string path)
    {
        // Without the check the last value (2,000,000) would silently win.
        using var response = await _client.PostRawAsync(path, """{"peakConnections": 200000, "region": "eu-west-1", "peakConnections": 2000000}""");

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("Duplicate key 'peakConnections'", problem.GetProperty("errors").GetProperty("peakConnections")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UrlPastTheAppsLimit_Is414WithAProblemBody()
    {
        // 9,000 characters of query: above Http:MaxRequestTargetBytes (8 KiB), below Kestrel's own limit.
        using var response = await _client.GetAsync("/api/regions?x=" + new string('a', 9000));

        var problem = await ProblemAsync(response, HttpStatusCode.RequestUriTooLong);
        Assert.Contains("8,192", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HeadersPastTheAppsLimit_Are431WithAProblemBody()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/regions");
        request.Headers.Add("X-Padding", new string('a', 33 * 1024));

        using var response = await _client.SendAsync(request);

        await ProblemAsync(response, HttpStatusCode.RequestHeaderFieldsTooLarge);
    }

    [Fact]
    public async Task ForgedHost_NeverReachesThePdfLinkOrTheOpenApiServers()
    {
        using var saved = await _client.PostRawAsync("/api/reports", Scenario);
        var id = (await saved.ReadJsonAsync()).GetProperty("id").GetString()!;

        using var pdfRequest = new HttpRequestMessage(HttpMethod.Get, $"/r/{id}.pdf");
        pdfRequest.Headers.Host = "evil.example";
        using var pdf = await _client.SendAsync(pdfRequest);
        using var openApiRequest = new HttpRequestMessage(HttpMethod.Get, "/openapi/v1.json");
        openApiRequest.Headers.Host = "evil.example";
        using var openApi = await _client.SendAsync(openApiRequest);

        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        using var document = PdfDocument.Open(await pdf.Content.ReadAsByteArrayAsync());
        var text = string.Concat(document.GetPages().Select(p => p.Text));
        Assert.Contains($"/r/{id}", text, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", text, StringComparison.Ordinal);
        var json = await openApi.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, openApi.StatusCode);
        Assert.DoesNotContain("evil.example", json, StringComparison.Ordinal);
    }
}

/// <summary>With Http:PublicBaseUrl set, links and the OpenAPI servers use it and only its origin may write.</summary>
public sealed class PublicBaseUrlFactory : CostCalcFactory
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Http:PublicBaseUrl"] = "https://costcalc.example.com",
        ["Pdf:Gate:PerClientLimit"] = "10000",
    };
}

public sealed class PublicBaseUrlTests(PublicBaseUrlFactory factory) : IClassFixture<PublicBaseUrlFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task PdfLinkAndOpenApiServers_UseThePublicBaseUrl_WhateverTheHost()
    {
        using var saved = await _client.PostRawAsync("/api/reports", "{}");
        var id = (await saved.ReadJsonAsync()).GetProperty("id").GetString()!;
        using var pdfRequest = new HttpRequestMessage(HttpMethod.Get, $"/r/{id}.pdf");
        pdfRequest.Headers.Host = "evil.example";
        using var pdf = await _client.SendAsync(pdfRequest);
        using var openApiRequest = new HttpRequestMessage(HttpMethod.Get, "/openapi/v1.json");
        openApiRequest.Headers.Host = "evil.example";
        using var openApi = await _client.SendAsync(openApiRequest);

        using var document = PdfDocument.Open(await pdf.Content.ReadAsByteArrayAsync());
        var text = string.Concat(document.GetPages().Select(p => p.Text));
        Assert.Contains($"https://costcalc.example.com/r/{id}", text, StringComparison.Ordinal);
        var servers = (await openApi.ReadJsonAsync()).GetProperty("servers");
        Assert.Equal("https://costcalc.example.com", servers.EnumerateArray().Single().GetProperty("url").GetString());
    }

    [Theory]
    [InlineData("https://costcalc.example.com", HttpStatusCode.Created)]
    [InlineData("http://costcalc.example.com", HttpStatusCode.Forbidden)] // another scheme is another origin
    [InlineData("http://localhost", HttpStatusCode.Forbidden)] // the request's own host no longer counts
    public async Task OnlyThePublicOriginMayWrite(string origin, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/reports") { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        request.Headers.Add("Origin", origin);

        using var response = await _client.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
    }
}

/// <summary>
/// The app on real Kestrel (loopback, a free port) with a short body grace period, for what only Kestrel
/// does: the minimum body data rate, the Server header.
/// </summary>
public sealed class KestrelFactory : CostCalcFactory
{
    public KestrelFactory() => UseKestrel(0);

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Http:RequestBodyGraceSeconds"] = "2",
        ["Http:RequestBodyTimeoutSeconds"] = "3",
        ["Pdf:Gate:PerClientLimit"] = "10000",
    };

    public Uri Address
    {
        get
        {
            StartServer();
            return ClientOptions.BaseAddress;
        }
    }
}

public sealed class KestrelHardeningTests(KestrelFactory factory) : IClassFixture<KestrelFactory>
{
    /// <summary>Sends the request head and <paramref name="sent"/> of a body whose Content-Length promises more, then waits for the answer.</summary>
    private async Task<(int Status, string ContentType, string Body)> StallAsync(string sent, int promised, TimeSpan? trickle = null)
    {
        var address = factory.Address;
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(address.Host, address.Port);
        var stream = tcp.GetStream();
        var head = $"POST /api/reports HTTP/1.1\r\nHost: {address.Authority}\r\nContent-Type: application/json\r\nContent-Length: {promised}\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        if (trickle is { } every)
        {
            // One byte at a time: never silent for long, but the whole body would take far past the body timeout.
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            var reading = ReadResponseAsync(stream, stop.Token);
            foreach (var b in Encoding.ASCII.GetBytes(sent))
            {
                if (reading.IsCompleted)
                {
                    break;
                }

                await stream.WriteAsync(new[] { b });
                await Task.Delay(every);
            }

            return await reading;
        }

        await stream.WriteAsync(Encoding.ASCII.GetBytes(sent));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        return await ReadResponseAsync(stream, timeout.Token);
    }

    private static async Task<(int Status, string ContentType, string Body)> ReadResponseAsync(NetworkStream stream, CancellationToken cancellation)
    {
        var received = new MemoryStream();
        var buffer = new byte[4096];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellation)) > 0)
            {
                received.Write(buffer, 0, read);
                var text = Encoding.UTF8.GetString(received.ToArray());
                var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
                if (end > 0 && System.Text.RegularExpressions.Regex.Match(text, @"Content-Length: (\d+)", System.Text.RegularExpressions.RegexOptions.IgnoreCase) is { Success: true } length
                    && Encoding.UTF8.GetByteCount(text[(end + 4)..]) >= int.Parse(length.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))
                {
                    break;
                }
            }
        }
        catch (IOException)
        {
            // the server closed the connection after answering
        }

        var all = Encoding.UTF8.GetString(received.ToArray());
        var split = all.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        Assert.True(split > 0, $"No HTTP response: '{all}'");
        var status = int.Parse(all.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        var type = System.Text.RegularExpressions.Regex.Match(all[..split], @"Content-Type: ([^\r;]+)", System.Text.RegularExpressions.RegexOptions.IgnoreCase).Groups[1].Value;
        return (status, type, all[(split + 4)..]);
    }

    [Fact]
    public async Task StalledBody_Is408ProblemJson()
    {
        // 20 of 500 promised bytes, then silence: below 240 B/s once the 2 s grace period is over.
        var (status, type, body) = await StallAsync("""{"peakConnections": """, 500);

        Assert.Equal(408, status);
        Assert.Equal("application/problem+json", type);
        Assert.Contains("\"status\":408", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TricklingBody_Is408ProblemJson_AtTheBodyTimeout()
    {
        // A byte every 100 ms for a 400-byte body would take 40 s; Http:RequestBodyTimeoutSeconds is 3 here.
        // (10 B/s is also under the minimum rate, so whichever limit fires first, the answer must be 408.)
        var (status, type, _) = await StallAsync(new string(' ', 400), 400, TimeSpan.FromMilliseconds(100));

        Assert.Equal(408, status);
        Assert.Equal("application/problem+json", type);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/pricing")]
    [InlineData("/api/regions")]
    [InlineData("/api/estimate.pdf?v=1")]
    [InlineData("/openapi/v1.json")]
    [InlineData("/api/reports/AAAAAAAAAAAAAAAAAAAAAA")]
    public async Task EveryResponse_CarriesTheSecurityHeaders_AndNoServerHeader(string path)
    {
        using var client = new HttpClient { BaseAddress = factory.Address };

        using var response = await client.GetAsync(path);

        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, $"{path}: {response.StatusCode}");
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
        Assert.Matches("script-src 'self' 'nonce-[0-9A-F]{32}';", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.False(response.Headers.Contains("Server"), $"{path} sends Server: {string.Join(",", response.Headers.TryGetValues("Server", out var s) ? s : [])}");
    }

    [Fact]
    public async Task CalculatorPage_ImportMapCarriesThePagesNonce()
    {
        using var client = new HttpClient { BaseAddress = factory.Address };

        using var response = await client.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();

        var nonce = System.Text.RegularExpressions.Regex.Match(response.Headers.GetValues("Content-Security-Policy").Single(), "'nonce-([^']+)'").Groups[1].Value;
        Assert.Contains($"<script type=\"importmap\" nonce=\"{nonce}\"", html, StringComparison.Ordinal);
    }
}
