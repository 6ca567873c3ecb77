namespace CostCalc.Pricing.Query;

/// <summary>
/// Spaces Query API requests to at most <c>MaxRequestsPerSecond</c> (AWS Price List documentation:
/// bursts of 10, refilled at 5 per second per account and region). One instance per process.
/// </summary>
public sealed class QueryPacer(double maxRequestsPerSecond, TimeProvider time) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly TimeSpan _spacing = maxRequestsPerSecond > 0 ? TimeSpan.FromSeconds(1 / maxRequestsPerSecond) : TimeSpan.Zero;
    private DateTimeOffset _next = DateTimeOffset.MinValue;

    /// <summary>Requests let through so far.</summary>
    public int Granted { get; private set; }

    /// <summary>Waits until the next request may start.</summary>
    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var wait = _next - time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
            }

            _next = time.GetUtcNow() + _spacing;
            Granted++;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
