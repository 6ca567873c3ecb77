using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using CostCalc.E2E.Infrastructure;
using CostCalc.Web.Components.Calculator;
using Microsoft.Playwright;

namespace CostCalc.LoadProbe;

/// <summary>Starts the probe server (and the published app, if given), drives Chromium against it and prints the numbers.</summary>
internal static class Driver
{
    private const float Timeout = 30_000;

    public static async Task<int> RunAsync(DriverOptions options)
    {
        Console.WriteLine($"CostCalc UI measurements — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, "
            + $"{(Debugger.IsAttached ? "debugger" : AppContext.GetData("System.GC.Server") is true ? "server GC" : "workstation GC")}, "
            + (IsOptimized() ? "Release" : "Debug (numbers are pessimistic)"));
        await using var probe = await StartProbeServerAsync();
        using var http = new HttpClient { BaseAddress = probe.Address };
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        Console.WriteLine($"server {probe.Address} · Chromium {browser.Version}");

        if (options.Changes > 0)
        {
            await MeasureInputChangesAsync(browser, http, probe.Address, options.Changes);
        }

        if (options.Circuits > 0)
        {
            await MeasureCircuitMemoryAsync(browser, http, probe.Address, options.Circuits, options.MemoryPath, options.HoldSeconds);
        }

        if (options.PublishedDirectory is { } published)
        {
            await using var app = await StartPublishedAppAsync(published);
            await MeasureFirstLoadAsync(browser, app.Address, $"published app ({published})");
        }
        else
        {
            await MeasureFirstLoadAsync(browser, probe.Address,
                "build output via WebApplicationFactory (not what production serves: publish compresses more; use --published)");
        }

        return 0;
    }

    /// <summary>Server time per accepted input change (the calculator's own meter) and browser time from input event to updated headline.</summary>
    private static async Task MeasureInputChangesAsync(IBrowser browser, HttpClient http, Uri address, int changes)
    {
        await using var context = await browser.NewContextAsync(new() { BaseURL = address.ToString(), ViewportSize = new() { Width = 1440, Height = 900 } });
        var page = await context.NewPageAsync();
        await OpenCalculatorAsync(page);

        foreach (var (label, tab) in new[] { ("Results tab (charts)", "Results"), ("Instance ranking tab", "Instance ranking") })
        {
            await page.GetByRole(AriaRole.Tab, new() { Name = tab, Exact = true }).ClickAsync();
            await page.WaitForTimeoutAsync(300);
            await ChangeAsync(page, 30, seed: 7);                    // warm-up: JIT, caches
            await http.GetFromJsonAsync<Dictionary<string, double[]>>("_probe/metrics");
            var allocatedBefore = await http.GetFromJsonAsync<long>("_probe/allocated");
            var client = await ChangeAsync(page, changes, seed: 1);
            var allocated = await http.GetFromJsonAsync<long>("_probe/allocated") - allocatedBefore;
            var server = await http.GetFromJsonAsync<Dictionary<string, double[]>>("_probe/metrics") ?? [];
            var updates = server.GetValueOrDefault(CalculatorMetrics.UpdateDurationName) ?? [];

            Console.WriteLine();
            Console.WriteLine($"## Input change → updated page, {label}: {changes} changes of peak connections");
            Console.WriteLine($"server (costcalc.calculator.update.duration, validate + estimate + re-render): {Summary(updates)}");
            foreach (var (name, values) in server.Where(kv => kv.Key != CalculatorMetrics.UpdateDurationName && kv.Value.Length > 0).OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                Console.WriteLine($"  blazor {name}: {Summary(values)}");
            }

            // Everything the server process allocated meanwhile (the renderer, SignalR, Kestrel), per change.
            Console.WriteLine(Invariant($"server allocation per change (whole process, GC.GetTotalAllocatedBytes): {allocated / (double)changes / 1024:0.0} KB"));
            Console.WriteLine($"browser (input event → headline text changed, includes the 150 ms input debounce): {Summary(client)}");
            Console.WriteLine($"browser minus debounce: {Summary([.. client.Select(v => v - 150)])}");
        }
    }

    /// <summary>Sets peak connections from JS and times the first change of EC2's per-10k figure on its headline card (which moves with every value).</summary>
    private static async Task<double[]> ChangeAsync(IPage page, int count, int seed)
    {
        var times = new double[count];
        for (var i = 0; i < count; i++)
        {
            // Alternate between two distant ranges so every value changes the per-10k-connections figure.
            var value = 100_000 + (((i + seed) % 2) * 400_000) + (i * 17);
            times[i] = await page.EvaluateAsync<double>(ChangeScript, new object[] { value, 10_000 });
        }

        return times;
    }

    /// <summary>
    /// Sets peak connections to <c>value</c> in the page and resolves with the milliseconds until EC2's per-10k figure on
    /// its headline card changed; rejects after <c>timeout</c> ms without a change. Arguments: <c>[value, timeout]</c>.
    /// </summary>
    internal const string ChangeScript =
        """
        ([value, timeout]) => new Promise((resolve, reject) => {
          const input = document.getElementById('in-peakConnections');
          const card = document.querySelector('#headline-ec2 .cc-per10k');
          const before = card.textContent;
          const started = performance.now();
          const timer = setTimeout(() => { observer.disconnect(); reject(new Error('no update for ' + value)); }, timeout);
          const observer = new MutationObserver(() => {
            if (card.textContent !== before) {
              observer.disconnect(); clearTimeout(timer); resolve(performance.now() - started);
            }
          });
          observer.observe(card, { subtree: true, childList: true, characterData: true });
          input.value = String(value);
          input.dispatchEvent(new Event('input', { bubbles: true }));
        })
        """;

    /// <summary>Managed heap (after a full compacting GC, in the server process) before and after opening N idle calculator pages.</summary>
    private static async Task MeasureCircuitMemoryAsync(IBrowser browser, HttpClient http, Uri address, int circuits, string path, int holdSeconds)
    {
        await using var context = await browser.NewContextAsync(new() { BaseURL = address.ToString(), ViewportSize = new() { Width = 1440, Height = 900 } });
        for (var i = 0; i < 2; i++)
        {
            await OpenCalculatorAsync(await context.NewPageAsync(), path);    // warm-up pages stay open
        }

        await Task.Delay(1000);
        var before = await HeapAsync(http);
        for (var i = 0; i < circuits; i++)
        {
            await OpenCalculatorAsync(await context.NewPageAsync(), path);
        }

        await Task.Delay(2000);                                               // let prerender leftovers become garbage
        var after = await HeapAsync(http);
        var perCircuit = (after.HeapBytes - before.HeapBytes) / (double)circuits / 1024;

        Console.WriteLine();
        Console.WriteLine($"## Managed memory per idle calculator circuit ({circuits} circuits on {path}, server process only)");
        Console.WriteLine(Invariant($"heap before {before.HeapBytes / 1024.0 / 1024:0.0} MiB with {before.Circuits} circuits, after {after.HeapBytes / 1024.0 / 1024:0.0} MiB with {after.Circuits} circuits"));
        Console.WriteLine(Invariant($"per circuit: {perCircuit:0.0} KB (target ≤ 250 KB)"));
        if (holdSeconds > 0)
        {
            Console.WriteLine($"holding the circuits open for {holdSeconds} s; server process id {after.ProcessId}");
            await Task.Delay(TimeSpan.FromSeconds(holdSeconds));
        }
    }

    private static async Task<HeapProbe> HeapAsync(HttpClient http)
    {
        // Two readings; the second one is after everything the first collection finalised is gone too.
        await http.GetFromJsonAsync<HeapProbe>("_probe/heap");
        return await http.GetFromJsonAsync<HeapProbe>("_probe/heap") ?? throw new InvalidOperationException("No heap reading.");
    }

    /// <summary>Bytes over the wire for a first visit to / with an empty cache, from Chromium's network events (headers included).</summary>
    private static async Task MeasureFirstLoadAsync(IBrowser browser, Uri address, string what)
    {
        await using var context = await browser.NewContextAsync(new() { BaseURL = address.ToString(), ViewportSize = new() { Width = 1440, Height = 900 } });
        var page = await context.NewPageAsync();
        var cdp = await context.NewCDPSessionAsync(page);
        var requests = new Dictionary<string, (string Url, string Encoding, long Bytes)>(StringComparer.Ordinal);
        using var received = new WebSocketTally();
        using var sent = new WebSocketTally();
        var extensions = "none";
        var gate = new object();
        cdp.Event("Network.responseReceived").OnEvent += (_, e) =>
        {
            var response = e!.Value.GetProperty("response");
            var encoding = response.GetProperty("headers").EnumerateObject()
                .FirstOrDefault(h => h.Name.Equals("content-encoding", StringComparison.OrdinalIgnoreCase)).Value;
            lock (gate)
            {
                requests[e.Value.GetProperty("requestId").GetString()!] =
                    (response.GetProperty("url").GetString()!, encoding.ValueKind == JsonValueKind.String ? encoding.GetString()! : "identity", 0);
            }
        };
        cdp.Event("Network.loadingFinished").OnEvent += (_, e) =>
        {
            var id = e!.Value.GetProperty("requestId").GetString()!;
            var bytes = (long)e.Value.GetProperty("encodedDataLength").GetDouble();
            lock (gate)
            {
                requests[id] = requests.TryGetValue(id, out var r) ? r with { Bytes = bytes } : ("?", "?", bytes);
            }
        };
        cdp.Event("Network.webSocketFrameReceived").OnEvent += (_, e) => received.Add(e!.Value);
        cdp.Event("Network.webSocketFrameSent").OnEvent += (_, e) => sent.Add(e!.Value);
        cdp.Event("Network.webSocketHandshakeResponseReceived").OnEvent += (_, e) =>
            extensions = e!.Value.GetProperty("response").GetProperty("headers").EnumerateObject()
                .FirstOrDefault(h => h.Name.Equals("sec-websocket-extensions", StringComparison.OrdinalIgnoreCase)).Value is { ValueKind: JsonValueKind.String } value
                ? value.GetString()! : "none";
        await cdp.SendAsync("Network.enable");
        await cdp.SendAsync("Network.setCacheDisabled", new() { ["cacheDisabled"] = true });

        await OpenCalculatorAsync(page);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle, new() { Timeout = Timeout });
        await page.WaitForTimeoutAsync(1000);

        Console.WriteLine();
        Console.WriteLine($"## First load of / with an empty cache — {what}");
        long total;
        lock (gate)
        {
            foreach (var (url, encoding, bytes) in requests.Values.OrderByDescending(r => r.Bytes))
            {
                Console.WriteLine(Invariant($"  {bytes / 1024.0,8:0.0} KB  {encoding,-8}  {new Uri(url).PathAndQuery}"));
            }

            total = requests.Values.Sum(r => r.Bytes);
        }

        var timing = await page.EvaluateAsync<double>(
            "() => performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource')).reduce((s, e) => s + e.transferSize, 0)");
        Console.WriteLine(Invariant($"HTTP total: {total / 1024.0:0.0} KB in {requests.Count} responses (headers included; target ≤ 300 KB); Resource Timing transferSize sum {timing / 1024:0.0} KB"));
        Console.WriteLine(Invariant($"WebSocket until idle (Blazor's first render batches and JS interop; extensions: {extensions}):"));
        Console.WriteLine(Invariant($"  received {received.PayloadBytes / 1024.0:0.0} KB payload in {received.Frames} frames, ≈ {received.DeflatedBytes / 1024.0:0.0} KB with permessage-deflate (estimate); sent {sent.PayloadBytes / 1024.0:0.0} KB, ≈ {sent.DeflatedBytes / 1024.0:0.0} KB"));
        var wire = total + (extensions.Contains("deflate", StringComparison.Ordinal) ? received.DeflatedBytes + sent.DeflatedBytes : received.PayloadBytes + sent.PayloadBytes);
        Console.WriteLine(Invariant($"First load, HTTP + WebSocket on the wire: ≈ {wire / 1024.0:0.0} KB"));
    }

    private static async Task OpenCalculatorAsync(IPage page, string path = "/")
    {
        await page.GotoAsync(path, new() { Timeout = Timeout });
        await page.Locator("#interactive[data-interactive=yes]").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = Timeout });
    }

    internal static Task<ChildProcess> StartProbeServerAsync(Action<string>? output = null)
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("No process path.");
        var start = Path.GetFileNameWithoutExtension(self) == "dotnet"
            ? new ProcessStartInfo(self) { ArgumentList = { typeof(Driver).Assembly.Location, "serve" } }
            : new ProcessStartInfo(self) { ArgumentList = { "serve" } };
        return ChildProcess.StartAsync(start,
            line => line.StartsWith(ProbeServer.ReadyMarker, StringComparison.Ordinal) ? new Uri(line[ProbeServer.ReadyMarker.Length..]) : null,
            TimeSpan.FromSeconds(60), stopsWhenStdinCloses: true, output);
    }

    /// <summary>The published app as production runs it (its own folder as content root), on a free loopback port.</summary>
    private static Task<ChildProcess> StartPublishedAppAsync(string directory)
    {
        var data = Path.Combine(Path.GetTempPath(), "costcalc-probe-" + Guid.NewGuid().ToString("N"));
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(directory, "CostCalc.Web.dll"), "--urls", "http://127.0.0.1:0" },
            WorkingDirectory = directory,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Reports__SqlitePath"] = Path.Combine(data, "reports.db"),
                ["Pricing__SnapshotDirectory"] = Path.Combine(data, "snapshots"),
            },
        };
        const string marker = "Now listening on: ";
        return ChildProcess.StartAsync(start,
            line => line.Contains(marker, StringComparison.Ordinal) ? new Uri(line[(line.IndexOf(marker, StringComparison.Ordinal) + marker.Length)..].Trim()) : null,
            TimeSpan.FromSeconds(60), stopsWhenStdinCloses: false);
    }

    private static string Summary(double[] values)
    {
        if (values.Length == 0)
        {
            return "no samples";
        }

        var sorted = values.Order().ToArray();
        double At(double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        return Invariant($"n={sorted.Length} p50 {At(0.50):0.00} ms · p95 {At(0.95):0.00} ms · max {sorted[^1]:0.00} ms");
    }

    private static bool IsOptimized() =>
        typeof(CalculatorMetrics).Assembly.GetCustomAttributes(typeof(DebuggableAttribute), false)
            .OfType<DebuggableAttribute>().All(a => !a.IsJITOptimizerDisabled);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
