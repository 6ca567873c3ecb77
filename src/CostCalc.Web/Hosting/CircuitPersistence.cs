using System.Collections.Concurrent;
using CostCalc.Web.Components.Calculator;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.JSInterop;

namespace CostCalc.Web.Hosting;

/// <summary>
/// .NET 10 circuit state persistence for the calculator. Blazor saves a circuit's root components and every
/// <c>[PersistentState]</c> value (here <see cref="CalculatorSession"/>) when the circuit is paused or evicted, and
/// restores them into the circuit that resumes it:
/// <list type="bullet">
/// <item>a connection that stays down past <c>DisconnectedCircuitRetentionSeconds</c> (or beyond
/// <c>DisconnectedCircuitMaxRetained</c>) is evicted and kept in server memory (<c>PersistedCircuitInMemoryRetentionPeriod</c>);
/// the browser's next reconnect resumes it;</item>
/// <item>a graceful stop (SIGTERM, a deploy) pauses every connected calculator first (<see cref="ShutdownPause"/>): Blazor
/// hands each browser its circuit's state, protected with the Data Protection keys the report store keeps, so the
/// instance that answers next — this one restarted, or another sharing the store — resumes it (wwwroot/app.js).</item>
/// </list>
/// A process that dies without stopping (SIGKILL, a crash) leaves nothing to resume: the page reloads from its address,
/// which carries the scenario and the ranking filter.
/// </summary>
internal static class CircuitPersistence
{
    public static IRazorComponentsBuilder AddCircuitPersistence(this IRazorComponentsBuilder builder)
    {
        builder.Services.AddScoped<CalculatorSession>();
        builder.Services.AddSingleton<ShutdownPause>();
        builder.Services.AddScoped<CircuitHandler, ShutdownPauseHandler>();
        return builder.RegisterPersistentService<CalculatorSession>(RenderMode.InteractiveServer);
    }
}

/// <summary>
/// Connected circuits, so that a graceful stop can ask each browser to pause its circuit (Blazor.pauseCircuit) before
/// the server closes the connections, and wait, at most <see cref="MaxWait"/>, until the paused circuits have closed
/// (their state is then with the browser, or in server memory if the browser could not take it).
/// </summary>
internal sealed partial class ShutdownPause(IHostApplicationLifetime lifetime, ILogger<ShutdownPause> logger)
{
    /// <summary>
    /// A pause is one round trip and a state of a few KB; 10 s covers hundreds of circuits on a loaded machine and stays
    /// well inside an orchestrator's usual 30 s grace period (and the host's own ShutdownTimeout of 30 s).
    /// </summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<string, Connected> _circuits = new(StringComparer.Ordinal);
    private int _hooked;

    internal void Up(string circuitId, IJSRuntime js)
    {
        _circuits.AddOrUpdate(circuitId, _ => new Connected(js, true), (_, known) => known with { IsConnected = true });

        // SignalR closes every connection from its own ApplicationStopping callback, registered when its connection
        // manager was created — before any circuit existed. Cancellation callbacks run last-registered first, so one
        // registered now runs before it, while the browsers can still be asked.
        if (Interlocked.Exchange(ref _hooked, 1) == 0)
        {
            lifetime.ApplicationStopping.Register(PauseAll);
        }
    }

    internal void Down(string circuitId) =>
        _circuits.AddOrUpdate(circuitId, _ => new Connected(null, false), (_, known) => known with { IsConnected = false });

    internal void Closed(string circuitId) => _circuits.TryRemove(circuitId, out _);

    /// <summary>Asks every connected browser to pause its circuit, then waits for those circuits to close.</summary>
    internal void PauseAll()
    {
        var asked = _circuits.Where(c => c.Value.IsConnected && c.Value.Js is not null).ToList();
        if (asked.Count == 0)
        {
            return;
        }

        var deadline = DateTime.UtcNow + MaxWait;
        using var timeout = new CancellationTokenSource(MaxWait);
        foreach (var (_, circuit) in asked)
        {
            // Fire and forget: the browser answers at once and pauses right after; waiting happens below.
            _ = circuit.Js!.InvokeVoidAsync("costcalc.pauseForRestart", timeout.Token).AsTask()
                .ContinueWith(static t => _ = t.Exception, TaskScheduler.Default);
        }

        while (DateTime.UtcNow < deadline && asked.Any(c => _circuits.ContainsKey(c.Key)))
        {
            Thread.Sleep(50);
        }

        var left = asked.Count(c => _circuits.ContainsKey(c.Key));
        LogPaused(logger, asked.Count - left, asked.Count);
    }

    [LoggerMessage(LogLevel.Information, "Stopping: {Paused} of {Asked} connected circuits paused with their state handed to the browser.")]
    private static partial void LogPaused(ILogger logger, int paused, int asked);

    private sealed record Connected(IJSRuntime? Js, bool IsConnected);
}

/// <summary>Tells <see cref="ShutdownPause"/> which circuits are connected (scoped: one per circuit).</summary>
internal sealed class ShutdownPauseHandler(ShutdownPause pause, IJSRuntime js) : CircuitHandler
{
    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        pause.Up(circuit.Id, js);
        return Task.CompletedTask;
    }

    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        pause.Down(circuit.Id);
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        pause.Closed(circuit.Id);
        return Task.CompletedTask;
    }
}
