using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace CostCalc.LoadProbe;

/// <summary>
/// What every <see cref="BlazorCircuitClient"/> of a run met, counted: the JS calls the server made (by identifier), the
/// circuits' failures, and the SignalR client's own warnings and errors (it is their logger provider).
/// </summary>
internal sealed class CircuitTally : ILoggerProvider
{
    private readonly ConcurrentDictionary<string, int> _interop = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _notes = new(StringComparer.Ordinal);

    private long _renderBatches;
    private long _renderBytes;

    /// <summary>Render batches received (each acknowledged) and their bytes, every circuit together.</summary>
    public (long Batches, long Bytes) RenderBatches => (Interlocked.Read(ref _renderBatches), Interlocked.Read(ref _renderBytes));

    public void RenderBatch(int bytes)
    {
        Interlocked.Increment(ref _renderBatches);
        Interlocked.Add(ref _renderBytes, bytes);
    }

    public void Interop(string identifier) => _interop.AddOrUpdate(identifier, 1, (_, n) => n + 1);

    public void Note(string what) => _notes.AddOrUpdate(what.Length > 300 ? what[..300] : what, 1, (_, n) => n + 1);

    public IEnumerable<(string What, int Count)> InteropCalls => _interop.OrderByDescending(kv => kv.Value).Select(kv => (kv.Key, kv.Value));

    public IEnumerable<(string What, int Count)> Notes => _notes.OrderByDescending(kv => kv.Value).Select(kv => (kv.Key, kv.Value));

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CircuitTally tally, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                tally.Note($"client {logLevel} {category}: {formatter(state, exception)}{(exception is null ? "" : " — " + exception.Message)}");
            }
        }
    }
}
