using System.Net;
using System.Text.Json;
using CostCalc.Web.Tests.TestSupport;

namespace CostCalc.Web.Tests.Api;

public sealed class CatalogEndpointsTests(CostCalcFactory factory) : IClassFixture<CostCalcFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Healthz_Running_ReturnsOk()
    {
        var response = await _client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Regions_EmbeddedSnapshot_ListsAll34WithDates()
    {
        var regions = await (await _client.GetAsync("/api/regions")).ReadJsonAsync();

        Assert.Equal(34, regions.GetArrayLength());
        var usEast1 = regions.EnumerateArray().Single(r => r.GetProperty("code").GetString() == "us-east-1");
        Assert.Equal("US East (N. Virginia)", usEast1.GetProperty("name").GetString());
        Assert.True(DateOnly.Parse(usEast1.GetProperty("pricesAsOf").GetString()!, System.Globalization.CultureInfo.InvariantCulture)
            >= new DateOnly(2025, 4, 4));
        Assert.True(usEast1.GetProperty("servicePricesRegional").GetBoolean());
    }

    [Fact]
    public async Task InstanceTypes_UsEast1_HasM5LargeAsPublished()
    {
        var types = await (await _client.GetAsync("/api/instance-types?region=us-east-1")).ReadJsonAsync();

        var m5 = types.EnumerateArray().Single(t => t.GetProperty("name").GetString() == "m5.large");
        Assert.Equal(2, m5.GetProperty("vcpu").GetInt32());
        Assert.Equal(8192, m5.GetProperty("memoryMiB").GetInt32());
        Assert.Equal("x86_64", m5.GetProperty("architecture").GetString());
        Assert.Equal(0.096m, m5.Money("onDemandUsdPerHour"));
        Assert.Equal(29, m5.GetProperty("maxPodsEni").GetInt32());
    }

    [Fact]
    public async Task InstanceTypes_UnknownRegion_Returns404Problem()
    {
        var response = await _client.GetAsync("/api/instance-types?region=mars-1");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("mars-1", (await response.ReadJsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    // Worked node overhead of c5.xlarge: 58 ENI pods; 7.5 % VM memory overhead; kube-reserved 80 m and
    // 11 × 58 + 255 MiB; eviction 100 MiB (EKS AMI nodeadm, Karpenter).
    [Fact]
    public async Task NodeOverhead_C5XlargeEni_MatchesWorkedTable()
    {
        var o = await (await _client.GetAsync("/api/eks/node-overhead?region=us-east-1&instanceType=c5.xlarge&maxPodsMode=eni")).ReadJsonAsync();

        Assert.Equal(58, o.GetProperty("maxPods").GetInt32());
        Assert.Equal(4000, o.GetProperty("capacityCpuMillicores").GetInt32());
        Assert.Equal(8192 - 615, o.GetProperty("capacityMemoryMiB").GetInt32());
        Assert.Equal(80, o.GetProperty("kubeReservedCpuMillicores").GetInt32());
        Assert.Equal(893, o.GetProperty("kubeReservedMemoryMiB").GetInt32());
        Assert.Equal(100, o.GetProperty("evictionHardMemoryMiB").GetInt32());
        Assert.Equal(3920, o.GetProperty("allocatableCpuMillicores").GetInt32());
        Assert.Equal(6584, o.GetProperty("allocatableMemoryMiB").GetInt32());
    }

    // m5.large with prefix delegation: 3 × ((10 − 1) × 16) + 2 = 434, capped at 110 (≤ 30 vCPUs). Kube-reserved
    // memory stays sized by the ENI max pods (29 for m5.large), as the EKS AMIs and Karpenter do.
    [Fact]
    public async Task NodeOverhead_M5LargePrefix_Is110Pods()
    {
        var o = await (await _client.GetAsync("/api/eks/node-overhead?instanceType=m5.large&maxPodsMode=prefix")).ReadJsonAsync();

        Assert.Equal(110, o.GetProperty("maxPods").GetInt32());
        Assert.Equal((11 * 29) + 255, o.GetProperty("kubeReservedMemoryMiB").GetInt32());
    }

    [Theory]
    [InlineData("/api/eks/node-overhead?instanceType=m5.large&maxPodsMode=sometimes", HttpStatusCode.BadRequest, "maxPodsMode")]
    [InlineData("/api/eks/node-overhead?instanceType=m5.large&maxPodsMode=fixed&fixedMaxPods=0", HttpStatusCode.BadRequest, "fixedMaxPods")]
    [InlineData("/api/eks/node-overhead?instanceType=z9.huge", HttpStatusCode.NotFound, "z9.huge")]
    [InlineData("/api/eks/node-overhead?instanceType=m5.large&region=atlantis", HttpStatusCode.NotFound, "atlantis")]
    public async Task NodeOverhead_BadInput_ReturnsProblemNamingIt(string url, HttpStatusCode status, string named)
    {
        var response = await _client.GetAsync(url);

        Assert.Equal(status, response.StatusCode);
        Assert.Contains(named, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApi_Document_DescribesScenarioDefaultsAndRanges()
    {
        var doc = await (await _client.GetAsync("/openapi/v1.json")).ReadJsonAsync();

        var paths = doc.GetProperty("paths");
        foreach (var path in new[] { "/api/estimate", "/api/ranking", "/api/regions", "/api/instance-types", "/api/eks/node-overhead" })
        {
            Assert.True(paths.TryGetProperty(path, out _), path);
        }

        var peak = doc.GetProperty("components").GetProperty("schemas").GetProperty("Scenario")
            .GetProperty("properties").GetProperty("peakConnections");
        Assert.Equal(100_000, peak.GetProperty("default").GetInt64());
        Assert.Equal(1, peak.GetProperty("minimum").GetDouble());
        Assert.Contains("connections", peak.GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApi_Document_DescribesChoicesWithTheirValuesAndThePathIds()
    {
        var doc = await (await _client.GetAsync("/openapi/v1.json")).ReadJsonAsync();
        var properties = doc.GetProperty("components").GetProperty("schemas").GetProperty("Scenario").GetProperty("properties");

        var podLayout = properties.GetProperty("podLayout");
        var layoutText = podLayout.GetProperty("description").GetString()!;
        Assert.Contains("Values: onePodPerNode (", layoutText, StringComparison.Ordinal);
        Assert.Contains("fixedPodSize (", layoutText, StringComparison.Ordinal);
        Assert.Equal("onePodPerNode", podLayout.GetProperty("default").GetString());
        Assert.Equal(["onePodPerNode", "fixedPodSize"], Resolve(doc, podLayout).GetProperty("enum").EnumerateArray().Select(v => v.GetString()));

        var hidden = properties.GetProperty("hiddenPaths");
        var hiddenText = hidden.GetProperty("description").GetString()!;
        foreach (var id in new[] { "ec2 (EC2)", "eks (EKS)", "eks-fargate (EKS on Fargate)", "ecs-ec2 (ECS on EC2)", "ecs-fargate (ECS on Fargate)" })
        {
            Assert.Contains(id, hiddenText, StringComparison.Ordinal);
        }

        Assert.Equal(0, hidden.GetProperty("default").GetArrayLength());
        var list = Resolve(doc, hidden);
        Assert.Equal("array", list.GetProperty("type").GetString());
        Assert.Equal(["ec2", "eks", "eks-fargate", "ecs-ec2", "ecs-fargate"], list.GetProperty("items").GetProperty("enum").EnumerateArray().Select(v => v.GetString()));
        Assert.False(properties.TryGetProperty("fargate", out _), "the Fargate switch became the eks-fargate path");
    }

    [Fact]
    public async Task OpenApi_Document_TwoFieldsOfOneEnumType_KeepTheirOwnDescriptions()
    {
        var doc = await (await _client.GetAsync("/openapi/v1.json")).ReadJsonAsync();
        var properties = doc.GetProperty("components").GetProperty("schemas").GetProperty("Scenario").GetProperty("properties");

        Assert.Contains("paths: ec2.", properties.GetProperty("ec2PurchaseOption").GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Contains("paths: eks.", properties.GetProperty("eksPurchaseOption").GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    /// <summary>The schema itself, or the component its $ref names.</summary>
    private static JsonElement Resolve(JsonElement doc, JsonElement schema) =>
        schema.TryGetProperty("$ref", out var reference)
            ? doc.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!["#/components/schemas/".Length..])
            : schema;

    [Fact]
    public async Task Home_Page_LinksToApiDocumentation()
    {
        var html = await _client.GetStringAsync("/");

        Assert.Contains("/openapi/v1.json", html, StringComparison.Ordinal);
    }
}
