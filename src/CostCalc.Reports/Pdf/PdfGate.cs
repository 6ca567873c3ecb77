using CostCalc.Domain.Vocabulary;

namespace CostCalc.Reports.Pdf;

/// <summary>Limits on PDF generation; bind from configuration section "Pdf:Gate".</summary>
public sealed class PdfGateOptions
{
    /// <summary>
    /// PDFs rendered at the same time; the rest wait up to <see cref="QueueWait"/>. Defaults to one less than
    /// the cores (at least one), so a burst of PDFs always leaves a core for the interactive calculators.
    /// </summary>
    public int MaxConcurrent { get; set; } = DefaultConcurrency(Environment.ProcessorCount);

    /// <summary>Cores − 1, at least 1.</summary>
    public static int DefaultConcurrency(int cores) => Math.Max(1, cores - 1);

    /// <summary>How long a request may wait for a free render slot before it is turned away.</summary>
    public TimeSpan QueueWait { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>PDFs one client may have rendered per <see cref="Window"/> (also the burst size).</summary>
    public int PerClientLimit { get; set; } = 10;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>Why a PDF was not rendered, and when to try again (the HTTP answer is 429 with Retry-After).</summary>
public sealed record PdfRejection(string Reason, TimeSpan RetryAfter);

/// <summary>The rendered value, or why there is none.</summary>
public sealed record PdfGateResult<T>(T? Value, PdfRejection? Rejection)
{
    public bool Allowed => Rejection is null;
}

/// <summary>
/// Keeps PDF exports from starving interactive users: at most <see cref="PdfGateOptions.MaxConcurrent"/>
/// renders run at once, and each client has a token bucket of <see cref="PdfGateOptions.PerClientLimit"/>
/// renders that refills evenly over <see cref="PdfGateOptions.Window"/>. One instance per app.
/// </summary>
public sealed class PdfGate : IDisposable
{
    private const int SweepThreshold = 4096;

    private readonly PdfGateOptions _options;
    private readonly TimeProvider _clock;
    private readonly SemaphoreSlim _slots;
    private readonly Lock _bucketsLock = new();
    private readonly Dictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);

    public PdfGate(PdfGateOptions options, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxConcurrent, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.PerClientLimit, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.Window, TimeSpan.Zero);
        _options = options;
        _clock = clock;
        _slots = new SemaphoreSlim(options.MaxConcurrent, options.MaxConcurrent);
    }

    /// <summary>Renders now and then that are still running.</summary>
    public int Running => _options.MaxConcurrent - _slots.CurrentCount;

    /// <summary>
    /// Runs <paramref name="render"/> if <paramref name="client"/> is within its rate and a render
    /// slot frees up in time; otherwise returns the rejection without running it.
    /// </summary>
    public async Task<PdfGateResult<T>> RunAsync<T>(string client, Func<T> render, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(render);
        return Admit(client) is { } limited
            ? new PdfGateResult<T>(default, limited)
            : await RenderAdmittedAsync(client, render, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Takes one of <paramref name="client"/>'s PDFs before anything is looked up (a saved report is read only
    /// after this), or says why not. Follow with <see cref="RenderAdmittedAsync{T}"/>.
    /// </summary>
    public PdfRejection? Admit(string client) => TryTake(client);

    /// <summary>Renders for a client <see cref="Admit"/> let in, once a render slot frees up in time; a busy refusal gives the PDF back.</summary>
    public async Task<PdfGateResult<T>> RenderAdmittedAsync<T>(string client, Func<T> render, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(render);
        if (!await _slots.WaitAsync(_options.QueueWait, cancellationToken).ConfigureAwait(false))
        {
            Refund(client);
            return new PdfGateResult<T>(default, new PdfRejection("PDF generation is busy; try again in a moment.", TimeSpan.FromSeconds(1)));
        }

        try
        {
            return new PdfGateResult<T>(render(), null);
        }
        finally
        {
            _slots.Release();
        }
    }

    public void Dispose() => _slots.Dispose();

    private PdfRejection? TryTake(string client)
    {
        var now = _clock.GetTimestamp();
        lock (_bucketsLock)
        {
            if (_buckets.Count >= SweepThreshold)
            {
                Sweep(now);
            }

            var bucket = _buckets.TryGetValue(client, out var found) ? Refill(found, now) : new Bucket(_options.PerClientLimit, now);
            if (bucket.Tokens < 1)
            {
                _buckets[client] = bucket;
                var perToken = _options.Window / _options.PerClientLimit;
                var wait = perToken * (1 - bucket.Tokens);
                return new PdfRejection(
                    $"At most {_options.PerClientLimit} PDFs per {Describe(_options.Window)} per client; try again shortly.",
                    TimeSpan.FromSeconds(Math.Max(1, Math.Ceiling(wait.TotalSeconds))));
            }

            _buckets[client] = bucket with { Tokens = bucket.Tokens - 1 };
            return null;
        }
    }

    private void Refund(string client)
    {
        lock (_bucketsLock)
        {
            if (_buckets.TryGetValue(client, out var bucket))
            {
                _buckets[client] = bucket with { Tokens = Math.Min(_options.PerClientLimit, bucket.Tokens + 1) };
            }
        }
    }

    private Bucket Refill(Bucket bucket, long now)
    {
        var elapsed = _clock.GetElapsedTime(bucket.Updated, now);
        var tokens = bucket.Tokens + (elapsed / _options.Window * _options.PerClientLimit);
        return new Bucket(Math.Min(_options.PerClientLimit, tokens), now);
    }

    /// <summary>Forgets clients whose bucket has refilled: they are indistinguishable from new ones.</summary>
    private void Sweep(long now)
    {
        foreach (var (client, bucket) in _buckets.ToList())
        {
            if (Refill(bucket, now).Tokens >= _options.PerClientLimit)
            {
                _buckets.Remove(client);
            }
        }
    }

    private static string Describe(TimeSpan window) =>
        window == TimeSpan.FromMinutes(1) ? "minute" : window == TimeSpan.FromHours(1) ? "hour" : Formats.Number(window.TotalSeconds, "0") + " s";

    private readonly record struct Bucket(double Tokens, long Updated);
}
