using CostCalc.Web.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.JSInterop;

namespace CostCalc.Web.Tests.Components;

/// <summary>A graceful stop asks every connected browser to pause its circuit, and waits for those circuits to close.</summary>
public sealed class ShutdownPauseTests
{
    [Fact]
    public void Stopping_AsksTheConnectedCircuitsOnly_AndReturnsOnceTheyHaveClosed()
    {
        using var lifetime = new Lifetime();
        var pause = new ShutdownPause(lifetime, NullLogger<ShutdownPause>.Instance);
        var connected = new BrowserThatPauses(pause, "circuit-a");
        var gone = new BrowserThatPauses(pause, "circuit-b");
        pause.Up("circuit-a", connected);
        pause.Up("circuit-b", gone);
        pause.Down("circuit-b");                              // its connection dropped: there is no browser to ask

        lifetime.StopApplication();                           // runs the callback registered when the first circuit came up

        Assert.Equal(["costcalc.pauseForRestart"], connected.Calls);
        Assert.Empty(gone.Calls);
        Assert.True(connected.Closed, "the stop waited for the paused circuit to close");
    }

    [Fact]
    public void Stopping_WithNoCircuitEverConnected_RegistersNothing()
    {
        using var lifetime = new Lifetime();
        _ = new ShutdownPause(lifetime, NullLogger<ShutdownPause>.Instance);

        lifetime.StopApplication();

        Assert.Equal(0, lifetime.Registrations);
    }

    /// <summary>A browser that, asked to pause, closes its circuit shortly after (as Blazor does once the state is handed over).</summary>
    private sealed class BrowserThatPauses(ShutdownPause pause, string circuitId) : IJSRuntime
    {
        public List<string> Calls { get; } = [];

        public bool Closed { get; private set; }

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args) => InvokeAsync<TValue>(identifier, CancellationToken.None, args);

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args)
        {
            lock (Calls)
            {
                Calls.Add(identifier);
            }

            _ = Task.Run(async () =>
            {
                await Task.Delay(100, CancellationToken.None);
                Closed = true;
                pause.Closed(circuitId);
            }, CancellationToken.None);
            return ValueTask.FromResult(default(TValue)!);
        }
    }

    private sealed class Lifetime : IHostApplicationLifetime, IDisposable
    {
        private readonly CancellationTokenSource _stopping = new();

        public int Registrations { get; private set; }

        public CancellationToken ApplicationStarted => CancellationToken.None;

        public CancellationToken ApplicationStopping
        {
            get
            {
                Registrations++;
                return _stopping.Token;
            }
        }

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication() => _stopping.Cancel();

        public void Dispose() => _stopping.Dispose();
    }
}
