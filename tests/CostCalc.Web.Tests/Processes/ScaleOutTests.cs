using System.Net;
using System.Text.Json;
using CostCalc.TestSupport;
using CostCalc.Web.Tests.TestSupport;
using Npgsql;

namespace CostCalc.Web.Tests.Processes;

/// <summary>Two app processes on loopback sharing one real PostgreSQL server, as behind a load balancer.</summary>
[Collection(PostgresServer.Name)]
public sealed class ScaleOutTests(PostgresCluster cluster)
{
    [Fact]
    public async Task SaveThroughOneInstance_OpensThroughTheOther()
    {
        var database = await cluster.CreateDatabaseAsync("scaleout");
        var settings = new Dictionary<string, string> { ["Reports__Provider"] = "Postgres", ["Reports__PostgresConnectionString"] = database };
        await using var first = await AppProcess.StartAsync(settings);
        (await first.Client.GetAsync("/")).EnsureSuccessStatusCode(); // protects a component descriptor: makes the key
        await using var second = await AppProcess.StartAsync(settings);

        using var saved = await first.Client.PostRawAsync("/api/reports", """{"peakConnections": 300000, "region": "eu-central-1"}""");
        var body = await saved.ReadJsonAsync();
        var id = body.GetProperty("id").GetString()!;
        using var read = await second.Client.GetAsync($"/api/reports/{id}");
        var page = await second.Client.GetStringAsync($"/r/{id}");
        (await second.Client.GetAsync("/")).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(body.GetRawText(), (await read.ReadJsonAsync()).GetRawText());
        Assert.Contains($"data-value=\"{body.GetProperty("estimate").GetProperty("paths").EnumerateArray().Single(p => p.GetProperty("id").GetString() == "eks").GetProperty("monthlyUsd").GetRawText()}\"", page, StringComparison.Ordinal);
        Assert.Equal(1L, await ScalarAsync(database, "SELECT count(*) FROM data_protection_keys")); // one key ring for both
    }

    private static async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}

/// <summary>Saves in flight while the app is SIGKILLed: every acknowledged save must be readable, intact, after a restart.</summary>
[Collection(PostgresServer.Name)]
public sealed class DurabilityTests(PostgresCluster cluster)
{
    private const int Workers = 8;
    private const int KillAfterAcknowledged = 150;

    [Fact]
    public async Task KillDuringSaveBurst_Sqlite_EveryAcknowledgedSaveSurvives()
    {
        var folder = Path.Combine(Path.GetTempPath(), "costcalc-kill-" + Guid.NewGuid().ToString("N"));
        var path = Path.Combine(folder, "reports.db");
        try
        {
            var settings = new Dictionary<string, string> { ["Reports__Provider"] = "Sqlite", ["Reports__SqlitePath"] = path };
            await AssertAcknowledgedSavesSurviveAsync(settings);
            await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False");
            await connection.OpenAsync();
            await using var check = connection.CreateCommand();
            check.CommandText = "PRAGMA integrity_check";
            Assert.Equal("ok", await check.ExecuteScalarAsync());
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task KillDuringSaveBurst_Postgres_EveryAcknowledgedSaveSurvives()
    {
        var database = await cluster.CreateDatabaseAsync("durability");
        await AssertAcknowledgedSavesSurviveAsync(new Dictionary<string, string>
        {
            ["Reports__Provider"] = "Postgres",
            ["Reports__PostgresConnectionString"] = database,
        });
    }

    private static async Task AssertAcknowledgedSavesSurviveAsync(Dictionary<string, string> settings)
    {
        settings["Reports__SavesPerMinutePerClient"] = "10000";
        var acknowledged = new System.Collections.Concurrent.ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var app = await AppProcess.StartAsync(settings);
        try
        {
            using var enough = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            var killed = 0;
            var workers = Enumerable.Range(0, Workers).Select(worker => Task.Run(async () =>
            {
                for (var i = 0; i < 1000 && !enough.IsCancellationRequested && Volatile.Read(ref killed) == 0; i++)
                {
                    try
                    {
                        using var response = await app.Client.PostRawAsync("/api/reports",
                            $$"""{"peakConnections": {{10_000 + (worker * 1000) + i}}}""");
                        if (response.StatusCode == HttpStatusCode.Created)
                        {
                            var body = await response.ReadJsonAsync();
                            acknowledged[body.GetProperty("id").GetString()!] = body.GetProperty("estimate").GetRawText();
                        }
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException or JsonException
                                                  or System.Net.Sockets.SocketException)
                    {
                        // the connection died with the process: this save was never acknowledged (a socket the kill
                        // catches while it is being connected fails with a bare SocketException, not wrapped)
                    }
                }
            })).ToList();

            while (acknowledged.Count < KillAfterAcknowledged && !enough.IsCancellationRequested && !workers.All(w => w.IsCompleted))
            {
                await Task.Delay(5);
            }

            app.KillHard(); // with requests still in flight
            Interlocked.Exchange(ref killed, 1);
            await Task.WhenAll(workers);
        }
        finally
        {
            await app.DisposeAsync();
        }

        Assert.True(acknowledged.Count >= KillAfterAcknowledged, $"only {acknowledged.Count} saves were acknowledged before the kill");
        await using var restarted = await AppProcess.StartAsync(settings);
        foreach (var (id, estimate) in acknowledged)
        {
            using var response = await restarted.Client.GetAsync($"/api/reports/{id}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(estimate, (await response.ReadJsonAsync()).GetProperty("estimate").GetRawText());
        }
    }
}
