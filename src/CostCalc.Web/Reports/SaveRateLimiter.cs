using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace CostCalc.Web.Reports;

/// <summary>What a rate limiter answered: allowed, or refused until <see cref="RetryAfter"/> has passed.</summary>
public readonly record struct RateDecision(bool Allowed, TimeSpan RetryAfter)
{
    /// <summary>Whole seconds for a Retry-After header (at least 1).</summary>
    public int RetryAfterSeconds => Math.Max(1, (int)Math.Ceiling(RetryAfter.TotalSeconds));
}

/// <summary>
/// Per-client token buckets for report saves: N tokens per minute, refilled continuously, burst N.
/// Shared by the API endpoint and the Blazor Share button, because a circuit's events never pass
/// through HTTP middleware. Memory is bounded: past <see cref="MaxClients"/> buckets, the ones that
/// have refilled completely (and so hold no state worth keeping) are dropped.
/// </summary>
public sealed class SaveRateLimiter(IOptions<ReportOptions> options, TimeProvider time)
{
    public const int MaxClients = 100_000;
    private readonly ConcurrentDictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);
    private readonly double _capacity = options.Value.SavesPerMinutePerClient;

    public int Clients => _buckets.Count;

    public RateDecision TryAcquire(string clientKey)
    {
        ArgumentNullException.ThrowIfNull(clientKey);
        var now = time.GetTimestamp();
        if (_buckets.Count >= MaxClients)
        {
            Prune(now);
        }

        var bucket = _buckets.GetOrAdd(clientKey, static (_, state) => new Bucket(state.Capacity, state.Now), (Capacity: _capacity, Now: now));
        lock (bucket)
        {
            bucket.Refill(now, _capacity, PerSecond, time);
            if (bucket.Tokens >= 1)
            {
                bucket.Tokens -= 1;
                return new RateDecision(true, TimeSpan.Zero);
            }

            return new RateDecision(false, TimeSpan.FromSeconds((1 - bucket.Tokens) / PerSecond));
        }
    }

    private double PerSecond => _capacity / 60.0;

    private void Prune(long now)
    {
        foreach (var (key, bucket) in _buckets)
        {
            lock (bucket)
            {
                bucket.Refill(now, _capacity, PerSecond, time);
                if (bucket.Tokens >= _capacity)
                {
                    _buckets.TryRemove(key, out _);
                }
            }
        }
    }

    private sealed class Bucket(double tokens, long stamp)
    {
        public double Tokens { get; set; } = tokens;

        private long Stamp { get; set; } = stamp;

        public void Refill(long now, double capacity, double perSecond, TimeProvider time)
        {
            var elapsed = time.GetElapsedTime(Stamp, now).TotalSeconds;
            if (elapsed > 0)
            {
                Tokens = Math.Min(capacity, Tokens + (elapsed * perSecond));
                Stamp = now;
            }
        }
    }
}
