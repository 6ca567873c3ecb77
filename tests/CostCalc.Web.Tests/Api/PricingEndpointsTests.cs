using System.Net;
using CostCalc.Pricing.Store;
using CostCalc.Web.Tests.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

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

    // The app starts from the newest snapshot in its store; the test host's store is a folder of its own, so a
    // data/snapshots left in the repository by `dotnet run` cannot replace the embedded snapshot here.
    [Fact]
    public void SnapshotStore_IsTheTestHostsOwnFolder()
    {
        var store = factory.Services.GetRequiredService<SnapshotStore>();
        var contentRoot = factory.Services.GetRequiredService<IWebHostEnvironment>().ContentRootPath;

        Assert.Equal(factory.SnapshotDirectory, store.Directory);
        Assert.False(store.Directory.StartsWith(contentRoot, StringComparison.Ordinal), $"{store.Directory} is under {contentRoot}");
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
