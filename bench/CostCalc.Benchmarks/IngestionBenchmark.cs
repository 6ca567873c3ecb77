using System.Diagnostics;
using System.Globalization;
using CostCalc.Pricing.Bulk;
using CostCalc.Pricing.Snapshot;
using CostCalc.Pricing.Tests.TestSupport;

namespace CostCalc.Benchmarks;

/// <summary>
/// Target: regional EC2 offer ingestion ≥ 100 MB/s with bounded memory. Generates a
/// us-east-1 CSV of at least the given size in the real 91-column format (canonical rows plus
/// realistic non-canonical rows), then streams it through <see cref="Ec2OfferCsv"/> from disk,
/// sampling the managed heap and working set to report the peak extra memory.
///   dotnet run -c Release --project bench/CostCalc.Benchmarks -- ingest [megabytes=320]
/// </summary>
internal static class IngestionBenchmark
{
    public static async Task<int> RunAsync(int megabytes)
    {
        var samples = FindSamples();
        var path = Path.Combine(Path.GetTempPath(), string.Create(CultureInfo.InvariantCulture, $"costcalc-ec2-us-east-1-{megabytes}MB.csv"));
        var snapshot = EmbeddedSnapshot.Load();
        if (!File.Exists(path) || new FileInfo(path).Length < megabytes * 1_000_000L)
        {
            Console.WriteLine($"generating {path} ...");
            await using var writer = new StreamWriter(path);
            new PriceListFiles(samples) { NoiseRowsPerType = 300 }.WriteEc2Csv(writer, snapshot, "us-east-1", megabytes * 1_000_000L);
        }

        var size = new FileInfo(path).Length;
        for (var run = 1; run <= 3; run++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            using var process = Process.GetCurrentProcess();
            process.Refresh();
            var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
            var workingSetBefore = process.WorkingSet64;
            long heapPeak = heapBefore, workingSetPeak = workingSetBefore;
            using var stop = new CancellationTokenSource();
            var sampler = Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    heapPeak = Math.Max(heapPeak, GC.GetTotalMemory(false));
                    process.Refresh();
                    workingSetPeak = Math.Max(workingSetPeak, process.WorkingSet64);
                    await Task.Delay(5);
                }
            });
            var clock = Stopwatch.StartNew();
            await using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan))
            {
                var offer = await Ec2OfferCsv.ReadAsync(stream, "us-east-1", path, null, CancellationToken.None);
                clock.Stop();
                await stop.CancelAsync();
                await sampler;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"run {run}: {size / 1e6:F0} MB, {offer.Metadata.Rows:#,0} rows, {offer.Instances.Count} types kept in {clock.Elapsed.TotalSeconds:F2} s = {size / 1e6 / clock.Elapsed.TotalSeconds:F0} MB/s; peak extra managed heap {(heapPeak - heapBefore) / 1048576.0:F1} MiB, peak extra working set {(workingSetPeak - workingSetBefore) / 1048576.0:F1} MiB"));
            }
        }

        return 0;
    }

    /// <summary>raw-data/samples of the repository: the first folder holding CostCalc.sln above the benchmark.</summary>
    private static string FindSamples()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CostCalc.sln")))
            {
                var samples = Path.Combine(dir.FullName, "raw-data", "samples");
                return Directory.Exists(samples) ? samples : throw new DirectoryNotFoundException($"{samples} is missing");
            }
        }

        throw new DirectoryNotFoundException($"No CostCalc.sln above {AppContext.BaseDirectory}");
    }
}
