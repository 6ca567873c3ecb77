using System.Net;
using System.Text.Json;
using CostCalc.Web.Tests.TestSupport;

namespace CostCalc.Web.Tests.Api;

/// <summary>Your prices through the API (docs/model.md §10): the inputs by their API names, each cost line's basis, 400s naming the item.</summary>
public sealed class YourPricesEndpointsTests(CostCalcFactory factory) : IClassFixture<CostCalcFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private static JsonElement PathOf(JsonElement estimate, string id) =>
        estimate.GetProperty("paths").EnumerateArray().Single(p => p.GetProperty("id").GetString() == id);

    private static JsonElement Line(JsonElement path, string kind) =>
        path.GetProperty("costLines").EnumerateArray().Single(l => l.GetProperty("kind").GetString() == kind);

    [Fact]
    public async Task Estimate_Adjustments_AreAppliedAndEveryLineSaysItsBasis()
    {
        // Control plane overridden to $0.08/h: 1 cluster × 0.08 × 730 = $58.40; a $300 a month platform fee on EKS.
        const string body = """
            {"ec2DiscountPercent": 20,
             "rateOverrides": [{"rate": "EKS control plane", "usdPerHour": 0.08}],
             "fixedCosts": [{"name": "Platform fee", "path": "eks", "usdPerMonth": 300}]}
            """;

        var response = await _client.PostRawAsync("/api/estimate", body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var estimate = await response.ReadJsonAsync();
        var eks = PathOf(estimate, "eks");
        var plane = Line(eks, "controlPlane");
        Assert.Equal(58.40m, plane.Money("monthlyUsd"));
        Assert.StartsWith("adjusted: EKS control plane $0.08/h replaces list $0.1/h", plane.GetProperty("basis").GetString(), StringComparison.Ordinal);
        Assert.Equal(300m, Line(eks, "fixedCost").Money("monthlyUsd"));
        Assert.Equal("your figure", Line(eks, "fixedCost").GetProperty("basis").GetString());
        Assert.Equal("adjusted: −20 % EC2 discount", Line(PathOf(estimate, "ec2"), "compute").GetProperty("basis").GetString());
        Assert.Equal("list price", Line(PathOf(estimate, "ec2"), "loadBalancer").GetProperty("basis").GetString());
        Assert.StartsWith("Prices are adjusted (−20 % EC2 discount, 1 rate override, 1 fixed cost).", estimate.GetProperty("adjustedPrices").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Estimate_Defaults_AreAtListPrices()
    {
        var estimate = await (await _client.PostRawAsync("/api/estimate", "{}")).ReadJsonAsync();

        Assert.Equal(JsonValueKind.Null, estimate.GetProperty("adjustedPrices").ValueKind);
        Assert.All(estimate.GetProperty("paths").EnumerateArray().SelectMany(p => p.GetProperty("costLines").EnumerateArray()),
            l => Assert.Contains(l.GetProperty("basis").GetString(), new[] { "list price", "your figure" }));
    }

    [Theory]
    [InlineData("""{"rateOverrides": [{"rate": "ALB", "usdPerHour": 0.02}, {"rate": "ALB LCUs", "usdPerHour": 0.007}]}""", "rateOverrides[1].rate")]
    [InlineData("""{"rateOverrides": [{"rate": "NAT GB", "usdPerHour": 0.03}]}""", "rateOverrides[0].usdPerHour")]
    [InlineData("""{"fixedCosts": [{"name": "Support", "path": "lambda", "usdPerMonth": 10}]}""", "fixedCosts[0].path")]
    [InlineData("""{"fixedCosts": [{"name": "Support", "path": "ec2"}]}""", "fixedCosts[0].usdPerMonth")]
    [InlineData("""{"ec2DiscountPercent": 120}""", "ec2DiscountPercent")]
    public async Task Estimate_BadAdjustment_Is400NamingTheField(string body, string field)
    {
        var response = await _client.PostRawAsync("/api/estimate", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadJsonAsync();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.GetRawText());
    }

    [Theory]
    [InlineData("""{"rateOverrides": [{"rate": "ALB", "usdPerHour": 0.02}, {"rate": "ALB", "usdPerHours": 0.02}]}""", "rateOverrides[1].usdPerHours", "Unknown member 'usdPerHours'")]
    [InlineData("""{"rateOverrides": [{"rate": "ALB", "usdPerHour": "cheap"}]}""", "rateOverrides[0].usdPerHour", "Expected a number")]
    [InlineData("""{"fixedCosts": [{"name": 5, "path": "ec2", "usdPerMonth": 1}]}""", "fixedCosts[0].name", "Expected a string")]
    [InlineData("""{"rateOverrides": {"rate": "ALB"}}""", "rateOverrides", "Expected an array")]
    public async Task Estimate_MalformedList_Is400NamingTheItem(string body, string field, string message)
    {
        var response = await _client.PostRawAsync("/api/estimate", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadJsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var messages), errors.GetRawText());
        Assert.StartsWith(message, messages[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApi_DocumentsTheListsAndDiscounts()
    {
        var document = await (await _client.GetAsync("/openapi/v1.json")).ReadJsonAsync();
        var properties = document.GetProperty("components").GetProperty("schemas").GetProperty("Scenario").GetProperty("properties");

        Assert.Contains("Rate overrides", properties.GetProperty("rateOverrides").GetRawText(), StringComparison.Ordinal);
        Assert.Contains("Fixed costs", properties.GetProperty("fixedCosts").GetRawText(), StringComparison.Ordinal);
        Assert.Equal("100", properties.GetProperty("ec2DiscountPercent").GetProperty("maximum").GetRawText());
        Assert.Contains("usdPerMachineMonth", document.GetRawText(), StringComparison.Ordinal);
    }
}
