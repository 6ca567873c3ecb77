using System.Net;
using System.Text;
using System.Text.Json;
using CostCalc.Web.Tests.TestSupport;

namespace CostCalc.Web.Tests.Api;

/// <summary>POST /api/calibrate (issue 16, item 4): derived inputs under the scenario's names, 400 naming the field, 415, 403, 413.</summary>
public sealed class CalibrateEndpointsTests(CostCalcFactory factory) : IClassFixture<CostCalcFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    internal static string Sample(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CostCalc.sln")))
            {
                return File.ReadAllText(Path.Combine(dir.FullName, "tests", "samples", "calibration", name));
            }
        }

        throw new InvalidOperationException("No CostCalc.sln above the test binaries.");
    }

    private Task<HttpResponseMessage> PostAsync(object body) => _client.PostRawAsync("/api/calibrate", JsonSerializer.Serialize(body));

    private static async Task<JsonElement> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return (await response.ReadJsonAsync()).GetProperty("errors");
    }

    [Fact]
    public async Task Calibrate_ScrapeWithBaselineAndCpu_GivesEveryInputUnderItsScenarioName()
    {
        using var response = await PostAsync(new
        {
            memory = Sample("prometheus-erl-40k.txt"),
            connections = 40_000,
            messagesPerSecond = 8_000,
            cpuUtilisationPercent = 35,
            vcpus = 4,
            baselineMemory = Sample("iex-idle.txt"),
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.ReadJsonAsync();
        var inputs = json.GetProperty("inputs");
        // (1,455,043,952 − 61,384,232) ÷ 40,000 = 34,841.49 B ÷ 1,024 = 34.02 KiB; base 61,384,232 ÷ 1,048,576 = 58.54 → 59 MiB;
        // 8,000 ÷ 40,000 = 0.2 msg/s; 35 % × 4 vCPUs = 1,400,000 µs/s ÷ 8,000 = 175 µs.
        Assert.Equal(34.02, inputs.GetProperty("memoryPerConnectionKiB").GetDouble());
        Assert.Equal(59, inputs.GetProperty("beamBaseMemoryMiB").GetDouble());
        Assert.Equal(0.2, inputs.GetProperty("messagesPerConnectionPerSecond").GetDouble());
        Assert.Equal(175, inputs.GetProperty("cpuMicrosecondsPerMessage").GetDouble());
        var derivations = json.GetProperty("derivations").EnumerateArray().ToList();
        Assert.Equal(4, derivations.Count);
        Assert.All(derivations, d => Assert.False(string.IsNullOrEmpty(d.GetProperty("arithmetic").GetString())));
        Assert.Equal("prometheusErl", json.GetProperty("memory").GetProperty("format").GetString());
        Assert.Equal(1_455_043_952, json.GetProperty("memory").GetProperty("totalBytes").GetDouble());
        Assert.Equal("elixirKeyword", json.GetProperty("baseline").GetProperty("format").GetString());
        Assert.StartsWith("Prometheus scrape (prometheus.erl): total 1,387.6 MiB", json.GetProperty("memorySummary").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calibrate_DerivedInputs_AreAcceptedByTheEstimate()
    {
        using var calibrated = await PostAsync(new { memory = Sample("erlang-shell-30k.txt"), connections = 30_000 });
        var inputs = (await calibrated.ReadJsonAsync()).GetProperty("inputs").GetRawText();

        using var estimate = await _client.PostRawAsync("/api/estimate", inputs);

        Assert.Equal(HttpStatusCode.OK, estimate.StatusCode);
    }

    [Theory]
    [InlineData("""{"connections": 30000}""", "memory")]
    [InlineData("""{"memory": "[total: 61_384_232, system: 46_882_048]", "connections": 30000}""", "memory")]
    [InlineData("""{"memory": "hello", "connections": 30000}""", "memory")]
    [InlineData("""{"memory": "[total: 1]"}""", "connections")]
    [InlineData("""{"memory": "[total: 1]", "connections": 1.5}""", "connections")]
    [InlineData("""{"memory": "[total: 1]", "connections": "many"}""", "connections")]
    [InlineData("""{"memory": "[total: 1]", "connections": 10, "memoryUnit": "BYTES"}""", "memoryUnit")]
    [InlineData("""{"memory": "[total: 1]", "connections": 10, "Connections": 10}""", "Connections")]
    [InlineData("""{"memory": "[total: 1]", "connections": 10, "connections": 11}""", "connections")]
    [InlineData("""{"memory": 5, "connections": 10}""", "memory")]
    [InlineData("[]", "$")]
    [InlineData("{", "$")]
    public async Task Calibrate_BadBody_Is400NamingTheField(string body, string field)
    {
        using var response = await _client.PostRawAsync("/api/calibrate", body);

        var errors = await ErrorsAsync(response);
        Assert.True(errors.TryGetProperty(field, out var messages), errors.GetRawText());
        Assert.False(string.IsNullOrWhiteSpace(messages[0].GetString()));
    }

    [Fact]
    public async Task Calibrate_PartialPaste_NamesWhatIsMissing()
    {
        using var response = await PostAsync(new { memory = "[total: 61_384_232, system: 46_882_048]", connections = 100 });

        var errors = await ErrorsAsync(response);
        Assert.Equal("No `processes` value found; paste the whole output of :erlang.memory().", errors.GetProperty("memory")[0].GetString());
    }

    [Fact]
    public async Task Calibrate_CpuWithoutVcpus_NamesVcpus()
    {
        using var response = await PostAsync(new { memory = Sample("erlang-shell-30k.txt"), connections = 30_000, messagesPerSecond = 100, cpuUtilisationPercent = 50 });

        Assert.True((await ErrorsAsync(response)).TryGetProperty("vcpus", out _));
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData(null)]
    public async Task Calibrate_NotJson_Is415(string? contentType)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/calibrate") { Content = new ByteArrayContent(Encoding.UTF8.GetBytes("""{"connections": 1}""")) };
        if (contentType is not null)
        {
            request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Calibrate_CrossSite_Is403()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/calibrate") { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("Sec-Fetch-Site", "cross-site");

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Calibrate_TooLarge_Is413()
    {
        using var response = await PostAsync(new { memory = new string(' ', 200 * 1024), connections = 1 });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task OpenApi_DocumentsCalibrate()
    {
        var document = await (await _client.GetAsync("/openapi/v1.json")).ReadJsonAsync();

        var operation = document.GetProperty("paths").GetProperty("/api/calibrate").GetProperty("post");
        var schema = operation.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema");
        Assert.True(operation.GetProperty("responses").TryGetProperty("200", out _));
        Assert.True(operation.GetProperty("responses").TryGetProperty("400", out _));
        Assert.Equal(["connections", "memory"], schema.GetProperty("required").EnumerateArray().Select(e => e.GetString()!).Order(StringComparer.Ordinal));
        var request = schema.GetProperty("properties");
        foreach (var name in new[] { "memory", "connections", "messagesPerSecond", "cpuUtilisationPercent", "vcpus", "baselineMemory", "memoryUnit" })
        {
            Assert.True(request.TryGetProperty(name, out _), name);
        }
    }
}
