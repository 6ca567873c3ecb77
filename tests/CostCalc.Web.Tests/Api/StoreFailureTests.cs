using System.Net;
using CostCalc.Web.Tests.TestSupport;

namespace CostCalc.Web.Tests.Api;

/// <summary>A factory of its own: the test takes its database away while the app runs.</summary>
public sealed class VanishingStoreFactory : CostCalcFactory;

/// <summary>The report database disappears while the app runs (disk unmounted, folder removed): 503s and an unready instance.</summary>
public sealed class StoreFailureTests(VanishingStoreFactory factory) : IClassFixture<VanishingStoreFactory>
{
    [Fact]
    public async Task StoreGoneWhileRunning_Answers503ProblemJson_ReadinessUnhealthy_LivenessFine()
    {
        using var client = factory.CreateClient();
        using var saved = await client.PostRawAsync("/api/reports", "{}");
        var id = (await saved.ReadJsonAsync()).GetProperty("id").GetString()!;
        using var readyBefore = await client.GetAsync("/healthz/ready");
        Assert.Equal(HttpStatusCode.OK, readyBefore.StatusCode);

        // Remove the folder and close the pooled connections (which would keep the deleted file open):
        // SQLite cannot create the file again in a folder that no longer exists.
        Directory.Delete(Path.GetDirectoryName(factory.ReportDatabasePath)!, recursive: true);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        using var save = await client.PostRawAsync("/api/reports", "{}");
        using var read = await client.GetAsync($"/api/reports/{id}");
        using var ready = await client.GetAsync("/healthz/ready");
        using var live = await client.GetAsync("/healthz");
        using var estimate = await client.PostRawAsync("/api/estimate", "{}");

        foreach (var response in new[] { save, read })
        {
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{response.RequestMessage?.RequestUri}: {response.StatusCode} {text[..Math.Min(2000, text.Length)]}");
            Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json", $"{response.RequestMessage?.RequestUri}: {text[..Math.Min(3000, text.Length)]}");
            Assert.Equal("Report storage unavailable", (await response.ReadJsonAsync()).GetProperty("title").GetString());
            Assert.True(response.Headers.RetryAfter is not null);
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        var health = await ready.ReadJsonAsync();
        Assert.Equal("Unhealthy", health.GetProperty("status").GetString());
        var reports = health.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "reports");
        Assert.Equal("Unhealthy", reports.GetProperty("status").GetString());
        Assert.Contains("SQLITE_CANTOPEN", reports.GetProperty("description").GetString(), StringComparison.Ordinal);
        var prices = health.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "prices");
        Assert.Equal("Healthy", prices.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, estimate.StatusCode); // estimates need no database
    }

    [Fact]
    public async Task Readiness_HealthyStore_ListsBothChecks()
    {
        await using var healthy = new CostCalcFactory();
        using var client = healthy.CreateClient();

        using var ready = await client.GetAsync("/healthz/ready");

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var checks = (await ready.ReadJsonAsync()).GetProperty("checks").EnumerateArray().Select(c => (c.GetProperty("name").GetString(), c.GetProperty("status").GetString())).ToList();
        Assert.Equal([("reports", "Healthy"), ("prices", "Healthy")], checks);
    }
}
