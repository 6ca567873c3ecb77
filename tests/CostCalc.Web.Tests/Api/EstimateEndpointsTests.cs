using System.Net;
using System.Text.Json;
using CostCalc.Web.Tests.TestSupport;

namespace CostCalc.Web.Tests.Api;

public sealed class EstimateEndpointsTests(CostCalcFactory factory) : IClassFixture<CostCalcFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Estimate_EmptyObject_UsesDefaultsForBothPaths()
    {
        var response = await _client.PostRawAsync("/api/estimate", "{}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var estimate = await response.ReadJsonAsync();
        Assert.StartsWith("embedded", estimate.GetProperty("snapshotId").GetString(), StringComparison.Ordinal);
        Assert.Equal(36, estimate.GetProperty("projection").GetArrayLength());
        foreach (var path in new[] { "ec2", "eks" })
        {
            var p = estimate.GetProperty(path);
            Assert.True(p.GetProperty("feasible").GetBoolean());
            Assert.True(p.GetProperty("vms").GetInt64() >= 3, "minimum 2 + 1 spare");
            var sum = p.GetProperty("costLines").EnumerateArray().Sum(l => l.Money("monthlyUsd"));
            Assert.Equal(p.Money("monthlyUsd"), sum);
            Assert.Contains(p.GetProperty("binding").GetString(), new[] { "memory", "cpu" });
        }
    }

    // EKS pricing, one cluster: standard support = $0.10 × 730 = $73; extended = $0.60 × 730 = $438.
    [Theory]
    [InlineData("standard", 73)]
    [InlineData("extended", 438)]
    public async Task Estimate_SupportTier_ChargesControlPlaneAsPublished(string tier, decimal expected)
    {
        var estimate = await (await _client.PostObjectAsync("/api/estimate", new { supportTier = tier })).ReadJsonAsync();

        var line = estimate.GetProperty("eks").GetProperty("costLines").EnumerateArray()
            .Single(l => l.GetProperty("kind").GetString() == "controlPlane");
        Assert.Equal(expected, line.Money("monthlyUsd"));
    }

    // ALB pricing: 1 M idle WebSockets ≈ 333 LCU; ALB = (0.0225 + 0.008 × LCU) per hour × 730.
    [Fact]
    public async Task Estimate_MillionIdleConnections_AlbChargedOnActiveConnections()
    {
        var body = new { peakConnections = 1_000_000, messagesPerConnectionPerSecond = 0, newConnectionsPerSecond = 0 };
        var estimate = await (await _client.PostObjectAsync("/api/estimate", body)).ReadJsonAsync();

        var alb = estimate.GetProperty("ec2").GetProperty("costLines").EnumerateArray()
            .Single(l => l.GetProperty("kind").GetString() == "loadBalancer").Money("monthlyUsd");
        var expected = (0.0225m + (0.008m * (1_000_000m / 3000m))) * 730m;
        Assert.Equal(expected, alb, 2);
    }

    [Theory]
    [InlineData("""{"peakConnections": -5}""", "peakConnections", "between 1 and 100,000,000")]
    [InlineData("""{"peakConnections": "lots"}""", "peakConnections", "whole number")]
    [InlineData("""{"targetUtilisationPercent": 0}""", "targetUtilisationPercent", "between 10 and 100")]
    [InlineData("""{"region": "mars-1"}""", "region", "mars-1")]
    [InlineData("""{"region": null}""", "region", "string")]
    [InlineData("""{"ec2InstanceType": "z9.huge"}""", "ec2InstanceType", "z9.huge")]
    [InlineData("""{"podLayout": "sideways"}""", "podLayout", "onePodPerNode")]
    [InlineData("""{"podLayout": "fixedPodSize", "podCpuRequestMillicores": 2000, "podCpuLimitMillicores": 1000}""", "podCpuLimitMillicores", "request")]
    [InlineData("""{"colour": "blue"}""", "colour", "Unknown field")]
    [InlineData("""{"peakConnections": 1e400}""", "peakConnections", "whole number")]
    [InlineData("""[1, 2]""", "$", "JSON object")]
    [InlineData("""{"peakConnections": """, "$", "well-formed JSON")]
    public async Task Estimate_BadInput_Returns400NamingTheField(string json, string field, string mentions)
    {
        var response = await _client.PostRawAsync("/api/estimate", json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.ReadJsonAsync();
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var messages), $"errors: {errors}");
        Assert.Contains(mentions, messages[0].GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Estimate_OversizedBody_Returns413()
    {
        var json = "{\"region\": \"" + new string('x', 70_000) + "\"}";

        var response = await _client.PostRawAsync("/api/estimate", json);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Ranking_Default_RanksEveryPricedTypeCheapestFirst()
    {
        var response = await _client.PostRawAsync("/api/ranking", """{"region": "eu-west-1"}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var ranking = await response.ReadJsonAsync();
        foreach (var path in new[] { "ec2", "eks" })
        {
            var rows = ranking.GetProperty(path).EnumerateArray().ToList();
            Assert.True(rows.Count > 100, $"{path}: {rows.Count} types");
            var costs = rows.Select(r => r.Money("monthlyUsd")).ToList();
            Assert.Equal(costs.Order().ToList(), costs);
        }
    }

    [Fact]
    public async Task Ranking_BadInput_Returns400()
    {
        var response = await _client.PostRawAsync("/api/ranking", """{"horizonMonths": 0}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadJsonAsync()).GetProperty("errors").TryGetProperty("horizonMonths", out _));
    }

    [Fact]
    public async Task Estimate_SameScenarioTwice_SameJson()
    {
        const string body = """{"peakConnections": 250000, "growthPercentPerMonth": 5, "eksPurchaseOption": "spot"}""";

        var first = await (await _client.PostRawAsync("/api/estimate", body)).Content.ReadAsStringAsync();
        var second = await (await _client.PostRawAsync("/api/estimate", body)).Content.ReadAsStringAsync();

        Assert.Equal(first, second);
        using var doc = JsonDocument.Parse(first);
        Assert.Contains(doc.RootElement.GetProperty("warnings").EnumerateArray(), w => w.GetProperty("code").GetString() == "spot-estimate");
    }
}
