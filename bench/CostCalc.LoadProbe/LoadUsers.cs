using System.Collections.Concurrent;
using System.Globalization;
using CostCalc.Domain.Scenarios;
using CostCalc.E2E.Infrastructure;
using Microsoft.Playwright;

namespace CostCalc.LoadProbe;

/// <summary>The simulated calculator users of a load test (<see cref="LoadTest"/>): how each opens its circuit, changes peak connections and closes.</summary>
internal interface ILoadUsers : IAsyncDisposable
{
    /// <summary>One line for the run's header: what the users are.</summary>
    string Description { get; }

    /// <summary>What the client-side latency measures.</summary>
    string LatencyLabel { get; }

    /// <summary>Opens user <paramref name="index"/>'s page and circuit; false if it did not open.</summary>
    Task<bool> OpenAsync(int index);

    /// <summary>Sets user <paramref name="index"/>'s peak connections to <paramref name="value"/>: milliseconds until the update reached the client, or null if none came within <paramref name="timeout"/>.</summary>
    Task<double?> ChangeAsync(int index, long value, TimeSpan timeout);

    /// <summary>Closes every open page or circuit.</summary>
    Task CloseAllAsync();

    /// <summary>Lines for the end of the report (what the clients met), if any.</summary>
    IEnumerable<string> Report();
}

/// <summary>Pages in one headless Chromium, all in one context (sharing its cache); a change types into the peak connections box and waits for the headline.</summary>
internal sealed class ChromiumUsers : ILoadUsers
{
    private const float OpenTimeout = 120_000;
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly IBrowserContext _context;
    private readonly ConcurrentDictionary<int, IPage> _pages = new();

    private ChromiumUsers(IPlaywright playwright, IBrowser browser, IBrowserContext context) =>
        (_playwright, _browser, _context) = (playwright, browser, context);

    public string Description => $"Chromium {_browser.Version}, every page in one context";

    public string LatencyLabel => "browser input → headline (includes the 150 ms debounce)";

    public static async Task<ChromiumUsers> StartAsync(Uri address)
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await Chromium.LaunchAsync(playwright);
        var context = await browser.NewContextAsync(new() { BaseURL = address.ToString(), ViewportSize = new() { Width = 1280, Height = 800 } });
        return new ChromiumUsers(playwright, browser, context);
    }

    public async Task<bool> OpenAsync(int index)
    {
        var page = await _context.NewPageAsync();
        try
        {
            await page.GotoAsync("/", new() { Timeout = OpenTimeout });
            await page.Locator("#interactive[data-interactive=yes]").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = OpenTimeout });
            _pages[index] = page;
            return true;
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException)
        {
            await page.CloseAsync();
            return false;
        }
    }

    public async Task<double?> ChangeAsync(int index, long value, TimeSpan timeout)
    {
        try
        {
            return await _pages[index].EvaluateAsync<double>(Driver.ChangeScript, new object[] { value, (int)timeout.TotalMilliseconds });
        }
        catch (PlaywrightException)
        {
            return null;
        }
    }

    public async Task CloseAllAsync()
    {
        foreach (var page in _pages.Values)
        {
            await page.CloseAsync();
        }

        _pages.Clear();
    }

    public IEnumerable<string> Report() => [];

    public async ValueTask DisposeAsync()
    {
        await _context.DisposeAsync();
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}

/// <summary>
/// <see cref="BlazorCircuitClient"/>s: no browser, no DOM. Each opens the calculator at a peak connections value of its own
/// (100,001 + its index), and a change is a location change to another one, as back/forward does.
/// </summary>
internal sealed class ProtocolUsers(Uri address) : ILoadUsers
{
    private static readonly TimeSpan OpenTimeout = TimeSpan.FromSeconds(120);
    private readonly HttpClient _http = new();
    private readonly CircuitTally _tally = new();
    private readonly ConcurrentDictionary<int, BlazorCircuitClient> _circuits = new();
    private int _failedChanges;

    public string Description => "Blazor Server protocol clients (blazorpack over WebSocket, no browser)";

    public string LatencyLabel => "client location change sent → the render batch after the server wrote the new what-if into the address";

    public async Task<bool> OpenAsync(int index)
    {
        using var timeout = new CancellationTokenSource(OpenTimeout);
        try
        {
            _circuits[index] = await BlazorCircuitClient.OpenAsync(_http, address, Address(100_001 + index), _tally, timeout.Token);
            return true;
        }
        catch (Exception e) when (e is HttpRequestException or InvalidOperationException or OperationCanceledException or Microsoft.AspNetCore.SignalR.HubException or System.Net.WebSockets.WebSocketException)
        {
            _tally.Note("did not open: " + e.GetType().Name + ": " + e.Message);
            return false;
        }
    }

    public async Task<double?> ChangeAsync(int index, long value, TimeSpan timeout)
    {
        try
        {
            return await _circuits[index].ChangeLocationAsync(Address(value), string.Create(CultureInfo.InvariantCulture, $"peakConnections={value}"), timeout);
        }
        catch (Exception e) when (e is TimeoutException or InvalidOperationException or OperationCanceledException)
        {
            if (Interlocked.Increment(ref _failedChanges) <= 20)
            {
                _tally.Note("change unanswered: " + e.GetType().Name + ": " + e.Message);
            }

            return null;
        }
    }

    /// <summary>The calculator's link to a what-if that differs from the defaults in peak connections only (a link without the version is not read).</summary>
    private static string Address(long peakConnections) =>
        string.Create(CultureInfo.InvariantCulture, $"/?{ScenarioUrl.VersionKey}={ScenarioUrl.Version}&peakConnections={peakConnections}");

    public async Task CloseAllAsync()
    {
        await Parallel.ForEachAsync(_circuits.Values, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (circuit, _) => await circuit.DisposeAsync());
        _circuits.Clear();
    }

    public IEnumerable<string> Report()
    {
        var (batches, bytes) = _tally.RenderBatches;
        yield return string.Create(CultureInfo.InvariantCulture, $"render batches received and acknowledged: {batches} ({bytes / 1048576.0:0.0} MiB), opening included");
        yield return "JS calls the server made, each answered: "
            + string.Join("; ", _tally.InteropCalls.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.What} ×{c.Count}")));
        foreach (var (what, count) in _tally.Notes)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"client: {what} (×{count})");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await CloseAllAsync();
        _http.Dispose();
        _tally.Dispose();
    }
}
