using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using CostCalc.Web.Components.Calculator;

namespace CostCalc.LoadProbe;

/// <summary>
/// <c>load [--circuits N] [--minutes M] [--interval SECONDS] [--open-within SECONDS] [--client chromium|protocol]</c>
/// (bench/load-test.sh): N calculator users, each changing peak connections every few seconds (±50 % jitter) for M minutes
/// against the probe server. The users are pages of one headless Chromium (<see cref="ChromiumUsers"/>, the default) or
/// Blazor Server protocol clients without a browser (<see cref="ProtocolUsers"/>, <c>--client protocol</c>). Users still
/// unopened after --open-within seconds (default 300) are not opened: the run goes on with the circuits the machine
/// managed to start, and says how many. Reports the update latency (the server's <c>costcalc.calculator.update.duration</c>
/// and the client's), failed circuits, the server process's RSS every 30 s, and its RSS after every user has closed
/// (memory returning).
/// </summary>
internal static class LoadTest
{
    private static readonly TimeSpan ChangeTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan SampleEvery = TimeSpan.FromSeconds(30);
    private static readonly int[] AfterClosingSeconds = [10, 60];

    public static async Task<int> RunAsync(string[] args)
    {
        int circuits = 200, minutes = 10;
        double interval = 5, openWithin = 300;
        var client = "chromium";
        for (var i = 1; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--circuits": circuits = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--minutes": minutes = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--interval": interval = double.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--open-within": openWithin = double.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--client" when args[i + 1] is "chromium" or "protocol": client = args[i + 1]; break;
                default: throw new ArgumentException($"Unknown argument '{args[i]} {args[i + 1]}'. Usage: load [--circuits N] [--minutes M] [--interval SECONDS] [--open-within SECONDS] [--client chromium|protocol]");
            }
        }

        Console.WriteLine(Invariant($"CostCalc load test — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}: {circuits} calculator circuits, a change every {interval:0.#} s ± 50 % each, {minutes} min"));
        var serverLog = new ServerLog();
        await using var probe = await Driver.StartProbeServerAsync(serverLog.Add);
        using var http = new HttpClient { BaseAddress = probe.Address };
        var pid = (await http.GetFromJsonAsync<HeapProbe>("_probe/heap"))!.ProcessId;
        await using ILoadUsers users = client == "protocol" ? new ProtocolUsers(probe.Address) : await ChromiumUsers.StartAsync(probe.Address);
        Console.WriteLine(Invariant($"server {probe.Address} (pid {pid}) · {users.Description} · RSS at start {ProcStatus.Rss(pid) / 1048576.0:0} MiB"));

        // Opened four at a time: the machine, not the test, decides how fast circuits can start.
        var opened = new ConcurrentBag<int>();
        var failedToOpen = 0;
        var opening = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, circuits), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, _) =>
        {
            if (opening.Elapsed.TotalSeconds > openWithin)
            {
                return;
            }

            if (await users.OpenAsync(i))
            {
                opened.Add(i);
            }
            else
            {
                Interlocked.Increment(ref failedToOpen);
            }
        });
        var heapOpen = await http.GetFromJsonAsync<HeapProbe>("_probe/heap");
        Console.WriteLine(Invariant($"opened {opened.Count} of {circuits} in {opening.Elapsed.TotalSeconds:0} s ({failedToOpen} failed, {circuits - opened.Count - failedToOpen} not tried within {openWithin:0} s); server holds {heapOpen!.Circuits} circuits, RSS {ProcStatus.Rss(pid) / 1048576.0:0} MiB"));
        await http.GetFromJsonAsync<Dictionary<string, double[]>>("_probe/metrics");             // opening's renders are not changes

        var changes = new ChangeTally();
        var serverTimes = new List<double>();
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(minutes));
        var drivers = opened.Select(i => DriveAsync(i, users, interval, changes, stop.Token)).ToArray();

        Console.WriteLine();
        Console.WriteLine("| elapsed | server RSS | changes so far | server p50 / p95 / p99 (last 30 s) | client p95 (last 30 s) |");
        Console.WriteLine("|---|---|---|---|---|");
        var started = Stopwatch.StartNew();
        var clientSeen = 0;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(SampleEvery, stop.Token);
            }
            catch (OperationCanceledException)
            {
            }

            var window = (await http.GetFromJsonAsync<Dictionary<string, double[]>>("_probe/metrics"))?.GetValueOrDefault(CalculatorMetrics.UpdateDurationName) ?? [];
            serverTimes.AddRange(window);
            var clientAll = changes.Times.ToArray();
            var clientWindow = clientAll[clientSeen..];
            clientSeen = clientAll.Length;
            Console.WriteLine(Invariant($"| {started.Elapsed.TotalMinutes:0.0} min | {ProcStatus.Rss(pid) / 1048576.0:0} MiB | {serverTimes.Count} | {Quantiles(window)} | {Quantile(clientWindow, 0.95):0} ms |"));
        }

        await Task.WhenAll(drivers);
        serverTimes.AddRange((await http.GetFromJsonAsync<Dictionary<string, double[]>>("_probe/metrics"))?.GetValueOrDefault(CalculatorMetrics.UpdateDurationName) ?? []);
        var clientFinal = changes.Times.ToArray();
        var rssLoaded = ProcStatus.Rss(pid);

        Console.WriteLine();
        Console.WriteLine(Invariant($"## {opened.Count} circuits × {minutes} min: {serverTimes.Count} accepted changes ({serverTimes.Count / (minutes * 60.0):0.0}/s)"));
        Console.WriteLine(Invariant($"changes sent {changes.Sent}: {clientFinal.Length} answered, {changes.Sent - clientFinal.Length} with no update within {ChangeTimeout.TotalSeconds:0} s; the server meter counted {serverTimes.Count} applied ({(serverTimes.Count == changes.Sent ? "one per change sent" : Invariant($"{serverTimes.Count - changes.Sent:+0;-0} against changes sent"))})"));
        Console.WriteLine($"server costcalc.calculator.update.duration: {Quantiles([.. serverTimes])}");
        Console.WriteLine($"{users.LatencyLabel}: {Quantiles(clientFinal)}");
        Console.WriteLine(Invariant($"failed circuits: {failedToOpen} did not open; {changes.Failed.Count} had a change with no update within {ChangeTimeout.TotalSeconds:0} s ({changes.Failed.Values.Sum()} changes)"));

        await users.CloseAllAsync();

        Console.WriteLine();
        Console.WriteLine(Invariant($"## Memory returning: RSS {rssLoaded / 1048576.0:0} MiB under load"));
        // Closed pages end their circuits at once (Blazor's unload beacon, the protocol client's POST /_blazor/disconnect); one
        // that could not say so would be kept for DisconnectedCircuitRetentionSeconds (180 s) and show as "circuits left".
        var closed = Stopwatch.StartNew();
        foreach (var seconds in AfterClosingSeconds)
        {
            await Task.Delay(TimeSpan.FromSeconds(seconds) - closed.Elapsed);
            var heap = await http.GetFromJsonAsync<HeapProbe>("_probe/heap");                  // a full compacting GC first
            Console.WriteLine(Invariant($"{seconds} s after closing: {heap!.Circuits} circuits left, managed heap {heap.HeapBytes / 1048576.0:0} MiB, RSS {ProcStatus.Rss(pid) / 1048576.0:0} MiB"));
        }

        Console.WriteLine();
        foreach (var line in users.Report())
        {
            Console.WriteLine(line);
        }

        Console.WriteLine(Invariant($"server log (warnings and errors): {serverLog.Count}"));
        foreach (var (entry, count) in serverLog.Entries.Take(15))
        {
            Console.WriteLine(Invariant($"  ×{count} {entry}"));
        }

        return 0;
    }

    /// <summary>One user: change peak connections at a jittered interval and time the client's update, until stopped.</summary>
    private static async Task DriveAsync(int index, ILoadUsers users, double interval, ChangeTally changes, CancellationToken stop)
    {
        var random = new Random(index);
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(interval * (0.5 + random.NextDouble())), stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            // Alternate between two distant ranges so every value changes EC2's per-10k figure (never the default 100,000,
            // which would change nothing), and no two users ever ask for the same what-if (whose results they would share).
            var value = 150_000 + (((i + index) % 2) * 400_000) + (i * 1_000) + index;
            Interlocked.Increment(ref changes.Sent);
            if (await users.ChangeAsync(index, value, ChangeTimeout) is { } milliseconds)
            {
                changes.Times.Enqueue(milliseconds);
            }
            else
            {
                changes.Failed.AddOrUpdate(index, 1, (_, n) => n + 1);
            }
        }
    }

    private static string Quantiles(double[] values) =>
        values.Length == 0 ? "no samples" : Invariant($"p50 {Quantile(values, 0.50):0.0} / p95 {Quantile(values, 0.95):0.0} / p99 {Quantile(values, 0.99):0.0} ms (n={values.Length}, max {values.Max():0})");

    private static double Quantile(double[] values, double q)
    {
        if (values.Length == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToArray();
        return sorted[Math.Min(sorted.Length - 1, Math.Max(0, (int)Math.Ceiling(q * sorted.Length) - 1))];
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>Every user's changes: how many were sent, the client times of those answered, and per user how many were not.</summary>
    private sealed class ChangeTally
    {
        public readonly ConcurrentQueue<double> Times = new();
        public readonly ConcurrentDictionary<int, int> Failed = new();
        public int Sent;
    }
}
