using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace CostCalc.Web.Hosting;

/// <summary>Why a page was not given a circuit: one client at its cap, or the server at its total.</summary>
public enum CircuitRefusal
{
    None,
    ClientAtCap,
    ServerAtCap,
}

/// <summary>
/// Counts connected interactive circuits per client (the key reports are rate-limited by, <see cref="Reports.ClientKeys"/>)
/// and in total, against <c>BlazorServer:MaxCircuitsPerClient</c> and <c>BlazorServer:MaxCircuits</c>. A disconnected
/// circuit stops counting (what the server keeps of those is bounded by DisconnectedCircuitMaxRetained); a reconnect
/// counts again and is never refused, so a reader whose network blinked keeps the page it had.
/// One lock: circuits open a few times a second at most, never per input change.
/// Every refusal is counted (<see cref="Refused"/>, and the meter <see cref="CircuitCapMetrics.RefusedName"/> tagged with
/// the cap) and logged as a warning — at most one line a minute per cap, with the number refused since the last one, so a
/// client hammering the page cannot flood the log.
/// </summary>
public sealed partial class CircuitLimiter(int maxPerClient, int maxTotal, ILogger<CircuitLimiter>? logger = null)
{
    private const long LogEveryMilliseconds = 60_000;

    private readonly Dictionary<string, int> _perClient = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly long[] _refused = new long[3];
    private readonly long[] _refusedSinceLog = new long[3];
    private readonly long[] _loggedAt = [long.MinValue, long.MinValue, long.MinValue];
    private int _total;

    public int MaxPerClient => maxPerClient;

    public int MaxTotal => maxTotal;

    public int Total
    {
        get
        {
            lock (_gate)
            {
                return _total;
            }
        }
    }

    public int CountOf(string client)
    {
        lock (_gate)
        {
            return _perClient.GetValueOrDefault(client);
        }
    }

    /// <summary>Pages and circuits refused at this cap since start-up.</summary>
    public long Refused(CircuitRefusal cap)
    {
        lock (_gate)
        {
            return _refused[(int)cap];
        }
    }

    /// <summary>
    /// What opening one more circuit for <paramref name="client"/> would meet, without opening it (the prerender's check:
    /// a refusal here is counted, as the page is then answered 429 instead).
    /// </summary>
    public CircuitRefusal Check(string client)
    {
        lock (_gate)
        {
            return CountedLocked(RefusalLocked(client));
        }
    }

    /// <summary>Counts a new circuit for <paramref name="client"/> unless a cap is reached.</summary>
    public CircuitRefusal TryOpen(string client)
    {
        lock (_gate)
        {
            var refusal = CountedLocked(RefusalLocked(client));
            if (refusal == CircuitRefusal.None)
            {
                AddLocked(client);
            }

            return refusal;
        }
    }

    /// <summary>Counts an admitted circuit that reconnected (never refused).</summary>
    public void Reconnected(string client)
    {
        lock (_gate)
        {
            AddLocked(client);
        }
    }

    /// <summary>An admitted circuit lost its connection or closed.</summary>
    public void Release(string client)
    {
        lock (_gate)
        {
            if (_perClient.TryGetValue(client, out var count))
            {
                if (count <= 1)
                {
                    _perClient.Remove(client);
                }
                else
                {
                    _perClient[client] = count - 1;
                }

                _total--;
            }
        }
    }

    private CircuitRefusal RefusalLocked(string client) =>
        _total >= maxTotal ? CircuitRefusal.ServerAtCap
        : _perClient.GetValueOrDefault(client) >= maxPerClient ? CircuitRefusal.ClientAtCap
        : CircuitRefusal.None;

    private void AddLocked(string client)
    {
        _perClient[client] = _perClient.GetValueOrDefault(client) + 1;
        _total++;
    }

    private CircuitRefusal CountedLocked(CircuitRefusal refusal)
    {
        if (refusal == CircuitRefusal.None)
        {
            return refusal;
        }

        var cap = (int)refusal;
        _refused[cap]++;
        _refusedSinceLog[cap]++;
        CircuitCapMetrics.RecordRefusal(refusal);
        var now = Environment.TickCount64;
        if (logger is not null && (_loggedAt[cap] == long.MinValue || now - _loggedAt[cap] >= LogEveryMilliseconds))
        {
            LogRefused(logger, _refusedSinceLog[cap], refusal == CircuitRefusal.ServerAtCap ? "BlazorServer:MaxCircuits" : "BlazorServer:MaxCircuitsPerClient",
                refusal == CircuitRefusal.ServerAtCap ? maxTotal : maxPerClient, _refused[cap]);
            _loggedAt[cap] = now;
            _refusedSinceLog[cap] = 0;
        }

        return refusal;
    }

    [LoggerMessage(LogLevel.Warning, "Refused {Count} calculator page(s) at the cap {Setting} = {Cap} ({Total} since start-up; at most one such line a minute per cap).")]
    private static partial void LogRefused(ILogger logger, long count, string setting, int cap, long total);
}

/// <summary>
/// The circuit caps' meter, beside the calculator's (read with dotnet-counters or any MeterListener):
/// <c>dotnet-counters monitor --counters CostCalc.Web.Circuits -n CostCalc.Web</c>.
/// </summary>
public static class CircuitCapMetrics
{
    public const string MeterName = "CostCalc.Web.Circuits";

    /// <summary>Pages answered 429 and circuits shown the notice, tagged <c>cap</c> = <c>per-client</c> or <c>total</c>.</summary>
    public const string RefusedName = "costcalc.circuits.refused";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> RefusedCounter = Meter.CreateCounter<long>(
        RefusedName, unit: "{circuit}", description: "Calculator pages and circuits refused at a circuit cap");

    internal static void RecordRefusal(CircuitRefusal refusal) =>
        RefusedCounter.Add(1, new KeyValuePair<string, object?>("cap", refusal == CircuitRefusal.ServerAtCap ? "total" : "per-client"));
}

/// <summary>
/// This circuit's place under the caps (scoped: one per circuit). The interactive root (Routes) asks for it when it
/// starts, with the client key it was prerendered with; <see cref="CircuitCapHandler"/> gives it back when the
/// connection drops or the circuit closes.
/// </summary>
public sealed class CircuitAdmission(CircuitLimiter limiter)
{
    private string? _client;
    private bool _counted;

    public CircuitRefusal Refusal { get; private set; }

    /// <summary>Asks once per circuit; later calls return the first answer.</summary>
    public CircuitRefusal Admit(string client)
    {
        if (_client is not null)
        {
            return Refusal;
        }

        _client = client;
        Refusal = limiter.TryOpen(client);
        _counted = Refusal == CircuitRefusal.None;
        return Refusal;
    }

    internal void ConnectionUp()
    {
        if (_client is not null && Refusal == CircuitRefusal.None && !_counted)
        {
            limiter.Reconnected(_client);
            _counted = true;
        }
    }

    internal void ConnectionDown()
    {
        if (_client is not null && _counted)
        {
            limiter.Release(_client);
            _counted = false;
        }
    }
}

/// <summary>Releases a circuit's count when its connection drops or it closes, and counts it again on reconnect.</summary>
internal sealed class CircuitCapHandler(CircuitAdmission admission) : CircuitHandler
{
    // After the framework's own handlers; the order does not matter to the counts.
    public override int Order => 100;

    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        admission.ConnectionUp();
        return Task.CompletedTask;
    }

    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        admission.ConnectionDown();
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        admission.ConnectionDown();
        return Task.CompletedTask;
    }
}
