using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using CostCalc.Domain.Estimation;
using CostCalc.Domain.Scenarios;
using CostCalc.Pricing.Snapshot;
using CostCalc.Reports.Store;

namespace CostCalc.Benchmarks;

/// <summary>
/// Save and open latency of the report store, as percentiles over a bounded loop (BenchmarkDotNet
/// reports means; the targets are p95). A save is: serialize a real estimate + insert
/// (durable commit); an open is: select by id + deserialize the estimate, i.e. what /r/{id} does
/// before rendering.
///   dotnet run -c Release --project bench/CostCalc.Benchmarks -- reports sqlite [path]
///   dotnet run -c Release --project bench/CostCalc.Benchmarks -- reports postgres "Host=…;Database=…"
/// </summary>
public static class ReportStoreLatency
{
    private const int Warmup = 200;
    private const int Samples = 2000;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static async Task<int> RunAsync(string[] args)
    {
        var provider = args.Length > 0 ? args[0] : "sqlite";
        var temporary = Path.Combine(Path.GetTempPath(), "costcalc-bench-" + Guid.NewGuid().ToString("N"), "reports.db");
        await using ReportStore store = provider == "postgres"
            ? new PostgresReportStore(args.Length > 1 ? args[1] : throw new ArgumentException("postgres needs a connection string"))
            : new SqliteReportStore(args.Length > 1 ? args[1] : temporary);
        store.Migrate();
        var snapshot = EmbeddedSnapshot.Load();
        var estimator = new Estimator(snapshot.Catalog, snapshot.Prices);
        var estimate = estimator.Estimate(Scenario.Default, new DateOnly(2026, 11, 25));

        var ids = new List<string>();
        var save = new List<double>();
        for (var i = 0; i < Warmup + Samples; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var record = new ReportRecord(ReportId.New(), DateTimeOffset.UtcNow, 1, "bench", estimate.SnapshotId,
                JsonSerializer.Serialize(estimate.Scenario, Json), JsonSerializer.Serialize(estimate, Json));
            await store.TryInsertAsync(record);
            if (i >= Warmup)
            {
                save.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            ids.Add(record.Id);
        }

        var open = new List<double>();
        var random = new Random(42);
        for (var i = 0; i < Warmup + Samples; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var record = await store.FindAsync(ids[random.Next(ids.Count)]);
            _ = JsonSerializer.Deserialize<Estimate>(record!.EstimateJson, Json);
            if (i >= Warmup)
            {
                open.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{store.Provider}: estimate JSON {JsonSerializer.Serialize(estimate, Json).Length / 1024.0:0.0} KB, {Samples} samples each"));
        Print("save", save);
        Print("open", open);
        if (store is SqliteReportStore && args.Length < 2)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(Path.GetDirectoryName(temporary)!, recursive: true);
        }

        return 0;
    }

    private static void Print(string what, List<double> milliseconds)
    {
        milliseconds.Sort();
        double P(double q) => milliseconds[(int)Math.Min(milliseconds.Count - 1, Math.Ceiling(q * milliseconds.Count) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {what}: p50 {P(0.50):0.000} ms, p95 {P(0.95):0.000} ms, p99 {P(0.99):0.000} ms, max {milliseconds[^1]:0.000} ms"));
    }
}
