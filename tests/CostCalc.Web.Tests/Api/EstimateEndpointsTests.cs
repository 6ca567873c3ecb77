using System.Net;
using System.Text.Json;
using CostCalc.Web.Tests.TestSupport;

namespace CostCalc.Web.Tests.Api;

public sealed class EstimateEndpointsTests(CostCalcFactory factory) : IClassFixture<CostCalcFactory>
{
    private static readonly string[] AllPaths = ["ec2", "eks", "eks-fargate", "ecs-ec2", "ecs-fargate"];

    private readonly HttpClient _client = factory.CreateClient();

    private static JsonElement PathOf(JsonElement estimate, string id) =>
        estimate.GetProperty("paths").EnumerateArray().Single(p => p.GetProperty("id").GetString() == id);

    [Fact]
    public async Task Estimate_EmptyObject_UsesDefaultsForEveryPath()
    {
        var response = await _client.PostRawAsync("/api/estimate", "{}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var estimate = await response.ReadJsonAsync();
        Assert.StartsWith("embedded", estimate.GetProperty("snapshotId").GetString(), StringComparison.Ordinal);
        Assert.Equal(36, estimate.GetProperty("projection").GetProperty("connections").GetArrayLength());
        foreach (var path in AllPaths)
        {
            var p = PathOf(estimate, path);
            Assert.True(p.GetProperty("feasible").GetBoolean());
            Assert.True(p.GetProperty("vms").GetInt64() >= 3, "minimum 2 + 1 spare");
            var sum = p.GetProperty("costLines").EnumerateArray().Sum(l => l.Money("monthlyUsd"));
            Assert.Equal(p.Money("monthlyUsd"), sum);
            Assert.Contains(p.GetProperty("binding").GetString(), new[] { "memory", "cpu" });
        }
    }

    [Fact]
    public async Task Estimate_Defaults_CarryTheBridgesAndTheCrossover()
    {
        // The three paths the bridge was worked for (EC2, EKS, EKS on Fargate): the ECS paths hidden.
        var response = await _client.PostRawAsync("/api/estimate", """{"hiddenPaths": ["ecs-ec2", "ecs-fargate"]}""");

        var estimate = await response.ReadJsonAsync();
        var bridges = estimate.GetProperty("bridges").EnumerateArray().ToList();
        Assert.Equal(["eks", "eks-fargate"], bridges.Select(b => b.GetProperty("path").GetString()));
        foreach (var bridge in bridges)
        {
            Assert.Equal("ec2", bridge.GetProperty("referencePath").GetString());
            var bars = bridge.GetProperty("bars").EnumerateArray().ToList();
            Assert.Equal(bridge.Money("pathUsd") - bridge.Money("referenceUsd"), bars.Sum(b => b.Money("usd")));
            Assert.All(bars, b => Assert.False(string.IsNullOrEmpty(b.GetProperty("howComputed").GetString())));
        }

        // EKS pays 1 cluster × $0.10/h × 730 h = $73 a month for its control plane: $2,628 over 36 months.
        var controlPlane = bridges.Single(b => b.GetProperty("path").GetString() == "eks").GetProperty("bars").EnumerateArray().Single(b => b.GetProperty("name").GetString() == "Control plane");
        Assert.Equal(2_628m, controlPlane.Money("usd"));
        var crossover = estimate.GetProperty("crossover");
        Assert.Equal(41, crossover.GetProperty("connections").GetArrayLength());
        Assert.Equal(100_000, crossover.GetProperty("current").GetInt64());
        Assert.Equal(["EC2 is the cheapest from 1k to 100M connections."], crossover.GetProperty("sentences").EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public async Task Estimate_ZonePolicy_GivesDropsByCauseAndWhatEachPathSurvives()
    {
        // 500,000 connections on 3 zones: 0.2 × (50 + 0.2 × 70) + 20 new/s ÷ 500,000 × 200 µs = 12.808 µs per connection-second,
        // ⌊1,225,000 ÷ 12.808⌋ = 95,643 per VM; EC2 needs N = ⌈500,000 / 95,643⌉ = 6, so M = 9 (9 − 3 = 6), 3 per zone (model.md §7.6).
        var estimate = await (await _client.PostRawAsync("/api/estimate", "{\"sparePolicy\":\"zone\",\"peakConnections\":500000}")).ReadJsonAsync();

        var ec2 = PathOf(estimate, "ec2");
        Assert.Equal(9, ec2.GetProperty("machines").GetInt64());
        Assert.Equal("survives losing any 1 of 3 zones (3 instances each)", ec2.GetProperty("survives").GetString());
        var disruption = ec2.GetProperty("disruption");
        var causes = disruption.GetProperty("causes").EnumerateArray().ToList();
        Assert.Equal(["Deploys", "OS/AMI patching"], causes.Select(c => c.GetProperty("cause").GetString()));
        // 8 deploys × 500,000 + 1 refresh a month × 500,000.
        Assert.Equal(4_000_000, causes[0].GetProperty("connectionsDroppedPerMonth").GetInt64());
        Assert.Equal(4_500_000, disruption.GetProperty("connectionsDroppedPerMonth").GetInt64());
    }

    [Fact]
    public async Task Estimate_ZonePolicyOnOneZone_IsAProblemOnSparePolicy()
    {
        var response = await _client.PostRawAsync("/api/estimate", "{\"sparePolicy\":\"zone\",\"availabilityZones\":1}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadJsonAsync();
        Assert.True(problem.GetProperty("errors").TryGetProperty("sparePolicy", out _));
    }

    [Fact]
    public async Task Estimate_EmptyObject_ListsFivePathsWithAProjectionSeriesEach()
    {
        var estimate = await (await _client.PostRawAsync("/api/estimate", "{}")).ReadJsonAsync();

        Assert.Equal(AllPaths, estimate.GetProperty("paths").EnumerateArray().Select(p => p.GetProperty("id").GetString()));
        Assert.Equal(["EC2", "EKS", "EKS on Fargate", "ECS on EC2", "ECS on Fargate"], estimate.GetProperty("paths").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        var projection = estimate.GetProperty("projection");
        var series = projection.GetProperty("paths").EnumerateArray().ToList();
        Assert.Equal(AllPaths, series.Select(s => s.GetProperty("path").GetString()));
        Assert.All(series, s =>
        {
            foreach (var column in new[] { "machines", "vms", "monthlyUsd", "cumulativeUsd" })
            {
                Assert.Equal(36, s.GetProperty(column).GetArrayLength());
            }
        });
        // Month 1 of each series is the path's monthly cost.
        foreach (var s in series)
        {
            Assert.Equal(PathOf(estimate, s.GetProperty("path").GetString()!).Money("monthlyUsd"), s.GetProperty("monthlyUsd")[0].GetDecimal());
        }

        var comparisons = estimate.GetProperty("verdict").GetProperty("comparisons").EnumerateArray().ToList();
        Assert.Equal(AllPaths, comparisons.Select(c => c.GetProperty("path").GetString()));
    }

    [Fact]
    public async Task Estimate_HiddenPaths_LeavesThemOut()
    {
        var estimate = await (await _client.PostRawAsync("/api/estimate", """{"hiddenPaths": ["eks-fargate", "ecs-ec2", "ecs-fargate"]}""")).ReadJsonAsync();

        Assert.Equal(["ec2", "eks"], estimate.GetProperty("paths").EnumerateArray().Select(p => p.GetProperty("id").GetString()));
        Assert.Equal(["ec2", "eks"], estimate.GetProperty("projection").GetProperty("paths").EnumerateArray().Select(p => p.GetProperty("path").GetString()));
        Assert.EndsWith("is never cheaper.", estimate.GetProperty("verdict").GetProperty("summary").GetString(), StringComparison.Ordinal);
    }

    // EKS pricing, one cluster: standard support = $0.10 × 730 = $73; extended = $0.60 × 730 = $438.
    [Theory]
    [InlineData("standard", 73)]
    [InlineData("extended", 438)]
    public async Task Estimate_SupportTier_ChargesControlPlaneAsPublished(string tier, decimal expected)
    {
        var estimate = await (await _client.PostObjectAsync("/api/estimate", new { supportTier = tier })).ReadJsonAsync();

        var line = PathOf(estimate, "eks").GetProperty("costLines").EnumerateArray()
            .Single(l => l.GetProperty("kind").GetString() == "controlPlane");
        Assert.Equal(expected, line.Money("monthlyUsd"));
    }

    // ALB pricing: 1 M idle WebSockets ≈ 333 LCU; ALB = (0.0225 + 0.008 × LCU) per hour × 730.
    [Fact]
    public async Task Estimate_MillionIdleConnections_AlbChargedOnActiveConnections()
    {
        var body = new { peakConnections = 1_000_000, messagesPerConnectionPerSecond = 0, newConnectionsPerSecond = 0 };
        var estimate = await (await _client.PostObjectAsync("/api/estimate", body)).ReadJsonAsync();

        var alb = PathOf(estimate, "ec2").GetProperty("costLines").EnumerateArray()
            .Single(l => l.GetProperty("kind").GetString() == "loadBalancer").Money("monthlyUsd");
        var expected = (0.0225m + (0.008m * (1_000_000m / 3000m))) * 730m;
        Assert.Equal(expected, alb, 2);
    }

    // Load shape over the API: 8 peak hours, 30 % off-peak, 60-minute ramps → the day's average load is
    // (8 × 1 + 2 × 0.65 + 14 × 0.3) ÷ 24 = 0.5625 of peak. 1 M idle sockets: 333.3 LCU at peak, active-bound and
    // scaling with the load → ALB = 0.0225 × 730 + 0.008 × 333.3 × 0.5625 × 730. With autoscaling every path
    // names its scale-in in its disruption facts.
    [Fact]
    public async Task Estimate_EightHourPeakAutoscaled_ShapesTheAlbAndCountsScaleIn()
    {
        var body = new
        {
            peakConnections = 1_000_000, messagesPerConnectionPerSecond = 0, newConnectionsPerSecond = 0,
            peakHoursPerDay = 8, offPeakLoadPercent = 30, rampMinutes = 60, autoscaling = true, scaleInDrainSeconds = 30,
        };
        var estimate = await (await _client.PostObjectAsync("/api/estimate", body)).ReadJsonAsync();

        foreach (var id in AllPaths)
        {
            var path = PathOf(estimate, id);
            var alb = path.GetProperty("costLines").EnumerateArray().Single(l => l.GetProperty("kind").GetString() == "loadBalancer");
            Assert.Equal((0.0225m * 730m) + (0.008m * (1_000_000m / 3000m) * 0.5625m * 730m), alb.Money("monthlyUsd"), 2);
            Assert.EndsWith("peak 8 h/day, 30 % off-peak, 60-min ramps", alb.GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.Contains(path.GetProperty("disruption").GetProperty("causes").EnumerateArray(), c => c.GetProperty("cause").GetString() == "Scale-in");
        }
    }

    [Theory]
    [InlineData("""{"peakHoursPerDay": 0}""", "peakHoursPerDay", "between 1 and 24")]
    [InlineData("""{"offPeakLoadPercent": 101}""", "offPeakLoadPercent", "between 0 and 100")]
    [InlineData("""{"rampMinutes": 721}""", "rampMinutes", "between 0 and 720")]
    [InlineData("""{"scaleInDrainSeconds": -1}""", "scaleInDrainSeconds", "between 0 and 3,600")]
    public async Task Estimate_BadLoadShapeInput_Returns400NamingTheField(string json, string field, string mentions)
    {
        var response = await _client.PostRawAsync("/api/estimate", json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadJsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var messages), $"errors: {errors}");
        Assert.Contains(mentions, messages[0].GetString(), StringComparison.OrdinalIgnoreCase);
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
    [InlineData("""{"hiddenPaths": ["nope"]}""", "hiddenPaths", "nope")]
    [InlineData("""{"hiddenPaths": ["ec2", "eks", "eks-fargate", "ecs-ec2", "ecs-fargate"]}""", "hiddenPaths", "at least one path")]
    [InlineData("""{"ecsInstanceType": "t3.medium", "ecsNetworkMode": "awsvpcTrunking"}""", "ecsNetworkMode", "ENI trunking does not support t3.medium")]
    [InlineData("""{"ecsMinimumHealthyPercent": 100, "ecsMaximumPercent": 100}""", "ecsMaximumPercent", "can neither start")]
    [InlineData("""{"ecsNetworkMode": "awsvpcTrunkng"}""", "ecsNetworkMode", "awsvpcTrunking")]
    [InlineData("""{"fargateSpotDiscountPercent": 90}""", "fargateSpotDiscountPercent", "between 0 and 70")]
    [InlineData("""{"hiddenPaths": "eks"}""", "hiddenPaths", "array")]
    [InlineData("""{"fargate": true}""", "fargate", "Unknown field")]
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
        var paths = ranking.GetProperty("paths").EnumerateArray().ToList();
        Assert.Equal(["ec2", "eks", "ecs-ec2"], paths.Select(p => p.GetProperty("path").GetString()));
        Assert.Equal(["ec2InstanceType", "eksNodeInstanceType", "ecsInstanceType"], paths.Select(p => p.GetProperty("machineTypeField").GetString()));
        foreach (var path in paths.Select(p => p.GetProperty("path").GetString()!))
        {
            var rows = paths.Single(p => p.GetProperty("path").GetString() == path).GetProperty("rows").EnumerateArray().ToList();
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
