using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Runtime;
using CostCalc.E2E.Infrastructure;
using CostCalc.Web.Components.Calculator;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CostCalc.LoadProbe;

/// <summary>
/// The app in this process (the E2E tests' host: Kestrel on 127.0.0.1, Production) plus a probe API
/// that exists only here: GET /_probe/heap (managed heap after a full compacting GC, open circuits),
/// GET /_probe/allocated (bytes the whole process has allocated so far) and
/// GET /_probe/metrics (every recorded calculator update and Blazor render duration since the last call).
/// </summary>
internal static class ProbeServer
{
    public const string ReadyMarker = "PROBE-LISTENING ";

    private static readonly ConcurrentDictionary<string, ConcurrentQueue<double>> Measurements = new(StringComparer.Ordinal);
    private static int _circuits;

    public static async Task<int> RunAsync()
    {
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == CalculatorMetrics.MeterName
                || instrument.Meter.Name.StartsWith("Microsoft.AspNetCore.Components", StringComparison.Ordinal))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((instrument, value, _, _) =>
            Measurements.GetOrAdd(instrument.Name, _ => new()).Enqueue(value));
        listener.Start();

        await using var server = new CostCalcServer(builder =>
        {
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            // Every probe page comes from 127.0.0.1: lift the per-client circuit cap (20) the probe's 50+ pages would meet,
            // unless the environment sets the caps (bench/load-test.sh does, so its circuits meet real caps).
            void Cap(string key) => builder.UseSetting(key, Environment.GetEnvironmentVariable(key.Replace(":", "__", StringComparison.Ordinal)) ?? "100000");
            Cap("BlazorServer:MaxCircuitsPerClient");
            Cap("BlazorServer:MaxCircuits");

            builder.ConfigureServices(services =>
            {
                services.AddSingleton<CircuitHandler, CountingCircuitHandler>();
                services.AddSingleton<IStartupFilter, ProbeEndpoints>();
            });
        });
        var address = server.Start();
        Console.WriteLine(ReadyMarker + address);
        Console.Out.Flush();
        while (await Console.In.ReadLineAsync() is not null)
        {
            // Runs until the driver closes stdin.
        }

        return 0;
    }

    private sealed class ProbeEndpoints : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Map("/_probe/heap", probe => probe.Run(async context =>
            {
                GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
                GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
                GC.WaitForPendingFinalizers();
                var bytes = GC.GetTotalMemory(forceFullCollection: true);
                await context.Response.WriteAsJsonAsync(new HeapProbe(bytes, Volatile.Read(ref _circuits), Environment.ProcessId));
            }));
            app.Map("/_probe/allocated", probe => probe.Run(context =>
                context.Response.WriteAsJsonAsync(GC.GetTotalAllocatedBytes(precise: true))));
            app.Map("/_probe/metrics", probe => probe.Run(async context =>
            {
                var snapshot = new Dictionary<string, double[]>(StringComparer.Ordinal);
                foreach (var (name, queue) in Measurements)
                {
                    var values = new List<double>();
                    while (queue.TryDequeue(out var value))
                    {
                        values.Add(value);
                    }

                    snapshot[name] = [.. values];
                }

                await context.Response.WriteAsJsonAsync(snapshot);
            }));
            next(app);
        };
    }

    private sealed class CountingCircuitHandler : CircuitHandler
    {
        public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _circuits);
            return Task.CompletedTask;
        }

        public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
        {
            Interlocked.Decrement(ref _circuits);
            return Task.CompletedTask;
        }
    }
}

internal sealed record HeapProbe(long HeapBytes, int Circuits, int ProcessId);
