using CostCalc.Pricing.Live;
using CostCalc.Pricing.Snapshot;
using CostCalc.Pricing.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CostCalc.Pricing.Refresh;

/// <summary>
/// Chooses and replaces the snapshot in use, which <see cref="CurrentSnapshot"/> holds. At start it takes
/// the newest persisted snapshot that loads and validates, else the embedded one. A refresh fetches,
/// merges, loads, validates, persists, and only then swaps the snapshot in one assignment; on any
/// failure the snapshot in use stays and the status says what failed and when. One refresh runs at
/// a time; callers join the running one.
/// </summary>
public sealed partial class PriceRefresher
{
    private const long ProgressBytesStep = 8 << 20;
    private readonly IPriceSource _source;
    private readonly SnapshotStore _store;
    private readonly IOptions<PricingOptions> _options;
    private readonly TimeProvider _time;
    private readonly ILogger<PriceRefresher> _logger;
    private readonly Lock _lock = new();
    private readonly CurrentSnapshot _snapshot;
    private volatile PricingStatus _status;
    private Task<RefreshAttempt>? _running;
    private long _reportedBytes;

    public PriceRefresher(
        IPriceSource source, SnapshotStore store, IOptions<PricingOptions> options, TimeProvider time, ILogger<PriceRefresher> logger)
    {
        (_source, _store, _options, _time, _logger) = (source, store, options, time, logger);
        var (snapshot, from, notes) = LoadAtStart();
        _snapshot = new CurrentSnapshot(snapshot);
        _status = new PricingStatus(
            snapshot.Prices.SnapshotId, snapshot.SourceName, snapshot.Prices.AsOf, from, time.GetUtcNow(), false, null, null,
            null, null, null, null, notes);
    }

    /// <summary>The holder of the snapshot in use, which this refresher alone replaces.</summary>
    public CurrentSnapshot CurrentSnapshot => _snapshot;

    /// <summary>The snapshot in use now (<see cref="CurrentSnapshot.Value"/>).</summary>
    public SnapshotInUse Current => _snapshot.Value;

    public PricingStatus Status => _status;

    /// <summary>Raised when the status changes (progress is reported every few MB).</summary>
    public event Action<PricingStatus>? StatusChanged;

    /// <summary>Starts a refresh asked for by a person or the API, unless one runs, one started recently, or manual refresh is off.</summary>
    public ManualRefresh RequestRefresh(string trigger)
    {
        var options = _options.Value.Refresh;
        lock (_lock)
        {
            if (!options.ManualEnabled)
            {
                return ManualRefresh.Disabled;
            }

            if (_running is { IsCompleted: false })
            {
                return ManualRefresh.AlreadyRunning;
            }

            if (_status.LastAttempt is { } last && _time.GetUtcNow() - last.StartedAt < options.ManualCooldown)
            {
                return ManualRefresh.TooSoon;
            }

            _ = RefreshAsync(trigger, CancellationToken.None);
            return ManualRefresh.Started;
        }
    }

    /// <summary>Runs a refresh, or joins the one running. Never throws for a failed refresh: see the attempt.</summary>
    public Task<RefreshAttempt> RefreshAsync(string trigger, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_running is { IsCompleted: false } running)
            {
                return running;
            }

            var attempt = new RefreshAttempt(trigger, _time.GetUtcNow());
            _reportedBytes = 0;
            Publish(_status with { Refreshing = true, Progress = null, LastAttempt = attempt });
            return _running = Task.Run(() => RunAsync(attempt, cancellationToken), CancellationToken.None);
        }
    }

    /// <summary>Sets the time of the next scheduled refresh shown in the status.</summary>
    public void ScheduleNext(DateTimeOffset? at) => Publish(_status with { NextScheduledAt = at });

    private async Task<RefreshAttempt> RunAsync(RefreshAttempt attempt, CancellationToken cancellationToken)
    {
        var options = _options.Value;
        var previous = _snapshot.Value;
        string[] regions = options.Refresh.Regions.Length > 0
            ? options.Refresh.Regions
            : [.. previous.Prices.Regions.Select(r => r.Region.Code)];
        using var timeout = new CancellationTokenSource(options.Refresh.Timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            var fetched = await _source.FetchAsync(regions, new Progress(this), linked.Token).ConfigureAwait(false);
            Report(new RefreshProgress("Validating", null, regions.Length, regions.Length));
            var baseTables = SnapshotTables.Read(_store.OpenFiles(previous.Prices.SnapshotId));
            var (tables, notes) = SnapshotAssembler.Assemble(baseTables, fetched);
            var source = fetched.Kind.DisplayName();
            var id = _store.NewId(fetched.Kind.IdPrefix());
            var files = tables.Write($"CostCalc snapshot {id}: refreshed from the {source} at {_time.GetUtcNow():u}, based on {previous.Prices.SnapshotId}. Written by CostCalc; do not edit.");
            var candidate = SnapshotTables.Load(files, source, id);
            var problems = SnapshotValidator.Validate(candidate, previous.Snapshot, regions, options.Validation);
            if (problems.Count > 0)
            {
                return Finish(attempt with { Problems = problems, Notes = notes }, $"Validation failed: {string.Join("; ", problems.Take(5))}");
            }

            var manifest = new SnapshotManifest(id, fetched.Kind, _time.GetUtcNow(), previous.Prices.SnapshotId, regions, notes);
            _store.Save(manifest, files);
            _snapshot.Replace(new SnapshotInUse(manifest, candidate));
            LogRefreshed(id, regions.Length);
            return Finish(attempt with { SnapshotId = id, Notes = notes }, null);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return Finish(attempt, $"Timed out after {options.Refresh.Timeout}");
        }
        catch (Exception e) when (e is not OperationCanceledException || cancellationToken.IsCancellationRequested)
        {
            return Finish(attempt, e is PriceSourceException or InvalidDataException or IOException ? e.Message : $"{e.GetType().Name}: {e.Message}");
        }
    }

    private RefreshAttempt Finish(RefreshAttempt attempt, string? error)
    {
        var now = _time.GetUtcNow();
        var done = attempt with { FinishedAt = now, Succeeded = error is null, Error = error };
        var current = _snapshot.Value;
        if (error is not null)
        {
            LogFailed(error, current.Prices.SnapshotId);
        }

        Publish(_status with
        {
            SnapshotId = current.Prices.SnapshotId,
            Source = current.SourceName,
            AsOf = current.Prices.AsOf,
            LoadedFrom = error is null ? $"refresh {attempt.Trigger}" : _status.LoadedFrom,
            InUseSince = error is null ? now : _status.InUseSince,
            Refreshing = false,
            Progress = null,
            LastAttempt = done,
            LastSuccessAt = error is null ? now : _status.LastSuccessAt,
            LastFailureAt = error is null ? _status.LastFailureAt : now,
            LastError = error ?? _status.LastError,
        });
        return done;
    }

    private void Report(RefreshProgress progress)
    {
        var before = _status.Progress;
        if (before is not null && before.Step == progress.Step && before.Region == progress.Region
            && progress.BytesRead - _reportedBytes < ProgressBytesStep)
        {
            return;
        }

        _reportedBytes = progress.BytesRead;
        Publish(_status with { Progress = progress });
    }

    private void Publish(PricingStatus status)
    {
        _status = status;
        StatusChanged?.Invoke(status);
    }

    private (SnapshotInUse Snapshot, string From, IReadOnlyList<string> Notes) LoadAtStart()
    {
        var notes = new List<string>();
        foreach (var manifest in _store.List())
        {
            try
            {
                var snapshot = _store.Load(manifest.Id);
                var problems = SnapshotValidator.ValidateAlone(snapshot, _options.Value.Validation);
                if (problems.Count == 0)
                {
                    return (new SnapshotInUse(manifest, snapshot), $"persisted snapshot {manifest.Id}", notes);
                }

                notes.Add($"{manifest.Id} skipped: {string.Join("; ", problems.Take(3))}");
            }
            catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException or ArgumentException)
            {
                notes.Add($"{manifest.Id} skipped: {e.Message}");
            }
        }

        foreach (var note in notes)
        {
            LogSkipped(note);
        }

        return (new SnapshotInUse(SnapshotStore.EmbeddedManifest, SnapshotStore.EmbeddedSnapshotInstance), "embedded snapshot", notes);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Price refresh succeeded: snapshot {SnapshotId} with {Regions} refreshed regions is in use")]
    private partial void LogRefreshed(string snapshotId, int regions);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Price refresh failed: {Error}. Snapshot {SnapshotId} stays in use")]
    private partial void LogFailed(string error, string snapshotId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Persisted price snapshot {Note}")]
    private partial void LogSkipped(string note);

    private sealed class Progress(PriceRefresher refresher) : IProgress<RefreshProgress>
    {
        public void Report(RefreshProgress value) => refresher.Report(value);
    }
}
