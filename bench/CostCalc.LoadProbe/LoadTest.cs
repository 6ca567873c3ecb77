using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using CostCalc.E2E.Infrastructure;
using CostCalc.Web.Components.Calculator;
using Microsoft.Playwright;

namespace CostCalc.LoadProbe;

/// <summary>
/// <c>load [--circuits N] [--minutes M] [--interval SECONDS] [--open-within SECONDS]</c> (bench/load-test.sh): N calculator
/// pages, each in a browser context of its own (one Chromium), each changing peak connections every few seconds (±50 %
/// jitter) for M minutes against the probe server. Pages still unopened after --open-within seconds (default 300) are
/// not opened: the run goes on with the circuits the machine managed to start, and says how many. Reports the update latency (the server's
/// <c>costcalc.calculator.update.duration</c> and the browser's input → headline time), failed circuits, the server
/// process's RSS every 30 s, and its RSS after every page is closed (memory returning).
/// </summary>
internal static class LoadTest
{
    private const float OpenTimeout = 120_000;
    private const int ChangeTimeoutMilliseconds = 10_000;
    private static readonly TimeSpan SampleEvery = TimeSpan.FromSeconds(30);
    private static readonly int[] AfterClosingSeconds = [10, 60];

    public static async Task<int> RunAsync(string[] args)
    {
        int circuits = 200, minutes = 10;
        double interval = 5, openWithin = 300;
        for (var i = 1; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--circuits": circuits = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--minutes": minutes = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--interval": interval = double.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--open-within": openWithin = double.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                default: throw new ArgumentException($"Unknown argument '{args[i]}'. Usage: load [--circuits N] [--minutes M] [--interval SECONDS] [--open-within SECONDS]");
            }
        }

        Console.WriteLine(Invariant($"CostCalc load test — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}: {circuits} calculator circuits, a change every {interval:0.#} s ± 50 % each, {minutes} min"));
        await using var probe = await Driver.StartProbeServerAsync();
        using var http = new HttpClient { BaseAddress = probe.Address };
        var pid = (await http.GetFromJsonAsync<HeapProbe>("_probe/heap"))!.ProcessId;
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        Console.WriteLine(Invariant($"server {probe.Address} (pid {pid}) · Chromium {browser.Version} · RSS at start {ProcStatus.Rss(pid) / 1048576.0:0} MiB"));

        // One context for every page, so they share Chromium's cache (each page still opens its own circuit), opened four
        // at a time: the machine, not the test, decides how fast circuits can start.
        await using var context = await browser.NewContextAsync(new() { BaseURL = probe.Address.ToString(), ViewportSize = new() { Width = 1280, Height = 800 } });
        var pages = new ConcurrentBag<(int Index, IPage Page)>();
        var failedToOpen = 0;
        var opening = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, circuits), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, _) =>
        {
            if (opening.Elapsed.TotalSeconds > openWithin)
            {
                return;
            }

            var page = await context.NewPageAsync();
            try
            {
                await page.GotoAsync("/", new() { Timeout = OpenTimeout });
                await page.Locator("#interactive[data-interactive=yes]").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = OpenTimeout });
                pages.Add((i, page));
            }
            catch (Exception e) when (e is PlaywrightException or TimeoutException)
            {
                Interlocked.Increment(ref failedToOpen);
                await page.CloseAsync();
            }
        });
        var heapOpen = await http.GetFromJsonAsync<HeapProbe>("_probe/heap");
        Console.WriteLine(Invariant($"opened {pages.Count} of {circuits} in {opening.Elapsed.TotalSeconds:0} s ({failedToOpen} failed, {circuits - pages.Count - failedToOpen} not tried within {openWithin:0} s); server holds {heapOpen!.Circuits} circuits, RSS {ProcStatus.Rss(pid) / 1048576.0:0} MiB"));
        await http.GetFromJsonAsync<Dictionary<string, double[]>>("_probe/metrics");             // opening's renders are not changes

        var browserTimes = new ConcurrentQueue<double>();
        var serverTimes = new List<double>();
        var failedChanges = new ConcurrentDictionary<int, int>();
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(minutes));
        var drivers = pages.Select(p => DriveAsync(p.Index, p.Page, interval, browserTimes, failedChanges, stop.Token)).ToArray();

        Console.WriteLine();
        Console.WriteLine("| elapsed | server RSS | changes so far | server p50 / p95 / p99 (last 30 s) | browser p95 (last 30 s) |");
        Console.WriteLine("|---|---|---|---|---|");
        var started = Stopwatch.StartNew();
        var browserSeen = 0;
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
            var browserAll = browserTimes.ToArray();
            var browserWindow = browserAll[browserSeen..];
            browserSeen = browserAll.Length;
            Console.WriteLine(Invariant($"| {started.Elapsed.TotalMinutes:0.0} min | {ProcStatus.Rss(pid) / 1048576.0:0} MiB | {serverTimes.Count} | {Quantiles(window)} | {Quantile(browserWindow, 0.95):0} ms |"));
        }

        await Task.WhenAll(drivers);
        serverTimes.AddRange((await http.GetFromJsonAsync<Dictionary<string, double[]>>("_probe/metrics"))?.GetValueOrDefault(CalculatorMetrics.UpdateDurationName) ?? []);
        var browserFinal = browserTimes.ToArray();
        var rssLoaded = ProcStatus.Rss(pid);

        Console.WriteLine();
        Console.WriteLine(Invariant($"## {pages.Count} circuits × {minutes} min: {serverTimes.Count} accepted changes ({serverTimes.Count / (minutes * 60.0):0.0}/s)"));
        Console.WriteLine($"server costcalc.calculator.update.duration: {Quantiles([.. serverTimes])}");
        Console.WriteLine($"browser input → headline (includes the 150 ms debounce): {Quantiles(browserFinal)}");
        Console.WriteLine(Invariant($"failed circuits: {failedToOpen} did not open; {failedChanges.Count} had a change with no update within {ChangeTimeoutMilliseconds / 1000} s ({failedChanges.Values.Sum()} changes)"));

        foreach (var (_, page) in pages)
        {
            await page.CloseAsync();
        }

        Console.WriteLine();
        Console.WriteLine(Invariant($"## Memory returning: RSS {rssLoaded / 1048576.0:0} MiB under load"));
        // Closed pages end their circuits at once (Blazor's unload beacon); one whose page could not say so would be kept
        // for DisconnectedCircuitRetentionSeconds (180 s) and show as "circuits left".
        var closed = Stopwatch.StartNew();
        foreach (var seconds in AfterClosingSeconds)
        {
            await Task.Delay(TimeSpan.FromSeconds(seconds) - closed.Elapsed);
            var heap = await http.GetFromJsonAsync<HeapProbe>("_probe/heap");                  // a full compacting GC first
            Console.WriteLine(Invariant($"{seconds} s after closing: {heap!.Circuits} circuits left, managed heap {heap.HeapBytes / 1048576.0:0} MiB, RSS {ProcStatus.Rss(pid) / 1048576.0:0} MiB"));
        }

        return 0;
    }

    /// <summary>One page: change peak connections at a jittered interval and time the headline's update, until stopped.</summary>
    private static async Task DriveAsync(int index, IPage page, double interval, ConcurrentQueue<double> times, ConcurrentDictionary<int, int> failed, CancellationToken stop)
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
            // which would change nothing), and no two pages ever ask for the same what-if (whose results they would share).
            var value = 150_000 + (((i + index) % 2) * 400_000) + (i * 1_000) + index;
            try
            {
                times.Enqueue(await page.EvaluateAsync<double>(Driver.ChangeScript, new object[] { value, ChangeTimeoutMilliseconds }));
            }
            catch (PlaywrightException)
            {
                failed.AddOrUpdate(index, 1, (_, n) => n + 1);
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
}
