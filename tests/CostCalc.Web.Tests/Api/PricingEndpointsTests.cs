using System.Net;
using CostCalc.Web.Tests.TestSupport;

namespace CostCalc.Web.Tests.Api;

public sealed class PricingEndpointsTests(CostCalcFactory factory) : IClassFixture<CostCalcFactory>
{
    [Fact]
    public async Task Status_WithoutRefresh_ReportsTheEmbeddedSnapshotAndEveryRegion()
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/api/pricing/status");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.ReadJsonAsync();
        var status = json.GetProperty("status");
        Assert.StartsWith("embedded-", status.GetProperty("snapshotId").GetString(), StringComparison.Ordinal);
        Assert.Equal("embedded snapshot", status.GetProperty("source").GetString());
        Assert.False(status.GetProperty("refreshing").GetBoolean());
        Assert.Equal(34, json.GetProperty("regions").GetArrayLength());
    }

    [Fact]
    public async Task Refresh_WithoutAdminKeyConfigured_IsNotFound()
    {
        using var client = factory.CreateClient();

        var response = await client.PostAsync("/api/pricing/refresh", null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task PricingPage_ShowsTheSnapshotInUse()
    {
        using var client = factory.CreateClient();

        var html = await client.GetStringAsync("/pricing");

        Assert.Contains("Pricing status", html, StringComparison.Ordinal);
        Assert.Contains("embedded-", html, StringComparison.Ordinal);
    }
}
