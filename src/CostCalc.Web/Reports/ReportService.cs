using System.Text;
using CostCalc.Domain.Comparing;
using CostCalc.Domain.Estimation;
using CostCalc.Reports.Store;
using CostCalc.Web.Pricing;
using CostCalc.Web.Reports.Documents;
using Microsoft.Extensions.Options;

namespace CostCalc.Web.Reports;

/// <summary>
/// Saves and opens reports: an estimate computed on the server goes in as a versioned document
/// (<see cref="ReportDocuments"/>) under a fresh random id; opening reads that document back, in
/// whichever version it was written, so the numbers never change. Re-pricing recomputes the stored
/// scenario with the prices in use now. Rate limiting is the caller's first step (<see cref="SaveRateLimiter"/>).
/// </summary>
public sealed class ReportService(ReportStore store, CurrentPrices prices, TimeProvider time, IOptions<ReportOptions> options)
{
    private const int IdAttempts = 3;

    public ReportStore Store => store;

    /// <summary>Stores the estimate (and its scenario) as a new report. Size caps apply; rate limits do not (check them first).</summary>
    public Task<SaveOutcome> SaveAsync(Estimate estimate, CancellationToken cancellation = default) => SaveAsync(estimate, null, cancellation);

    /// <summary>As <see cref="SaveAsync(Estimate, CancellationToken)"/>, with the author's title and notes (validated by <see cref="ReportText.Create"/>).</summary>
    public async Task<SaveOutcome> SaveAsync(Estimate estimate, ReportText? text, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        text = text is { IsEmpty: true } ? null : text;
        var (scenarioJson, estimateJson) = ReportDocuments.Write(estimate, text);
        var limits = options.Value;
        if (Encoding.UTF8.GetByteCount(scenarioJson) > limits.MaxScenarioBytes || Encoding.UTF8.GetByteCount(estimateJson) > limits.MaxEstimateBytes)
        {
            return new SaveOutcome(SaveStatus.TooLarge, null, default,
                $"A report may hold at most {limits.MaxScenarioBytes / 1024} KiB of scenario and {limits.MaxEstimateBytes / 1024} KiB of estimate.");
        }

        return await InsertAsync(ReportDocuments.CurrentVersion, estimate.SnapshotId, scenarioJson, estimateJson,
            (record, created) => new SavedReport(record.Id, created, record.SchemaVersion, record.AppVersion, record.SnapshotId, estimate.Scenario, estimate)
            {
                Title = text?.Title,
                AuthorNotes = text?.Notes,
            }, cancellation).ConfigureAwait(false);
    }

    /// <summary>Stores a comparison as one report (format 3): every scenario's estimate with its prices, under the labels shown.</summary>
    public async Task<SaveOutcome> SaveComparisonAsync(Comparison comparison, ReportText? text, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        text = text is { IsEmpty: true } ? null : text;
        var scenarios = comparison.Scenarios.Select(s => new SavedScenario(s.Label, s.Estimate)).ToList();
        var (scenarioJson, estimateJson) = ReportDocuments.WriteComparison(scenarios, text);
        var limits = options.Value;
        var maxEstimate = limits.MaxEstimateBytes * Comparison.MaxScenarios;
        if (Encoding.UTF8.GetByteCount(scenarioJson) > limits.MaxScenarioBytes || Encoding.UTF8.GetByteCount(estimateJson) > maxEstimate)
        {
            return new SaveOutcome(SaveStatus.TooLarge, null, default,
                $"A comparison may hold at most {limits.MaxScenarioBytes / 1024} KiB of scenario and {maxEstimate / 1024} KiB of estimates.");
        }

        var first = scenarios[0].Estimate;
        return await InsertAsync(ReportDocuments.ComparisonVersion, first.SnapshotId, scenarioJson, estimateJson,
            (record, created) => new SavedReport(record.Id, created, record.SchemaVersion, record.AppVersion, record.SnapshotId, first.Scenario, first)
            {
                Title = text?.Title,
                AuthorNotes = text?.Notes,
                Compared = scenarios,
            }, cancellation).ConfigureAwait(false);
    }

    private async Task<SaveOutcome> InsertAsync(int version, string snapshotId, string scenarioJson, string estimateJson,
        Func<ReportRecord, DateTimeOffset, SavedReport> saved, CancellationToken cancellation)
    {
        // Whole milliseconds, so the time handed back now is the time every later read returns.
        var now = time.GetUtcNow();
        var created = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
        for (var attempt = 1; ; attempt++)
        {
            var record = new ReportRecord(ReportId.New(), created, version, ReportJson.AppVersion, snapshotId, scenarioJson, estimateJson);
            if (await store.TryInsertAsync(record, cancellation).ConfigureAwait(false))
            {
                return new SaveOutcome(SaveStatus.Saved, saved(record, created), default, null);
            }

            if (attempt == IdAttempts)
            {
                // 2^-128 per attempt: three collisions in a row mean the random source is broken.
                throw new InvalidOperationException("Three random report ids in a row were already taken.");
            }
        }
    }

    /// <summary>The report with its scenario and estimate read back, or null for an unknown or malformed id.</summary>
    public async Task<SavedReport?> OpenAsync(string id, CancellationToken cancellation = default)
    {
        var record = await store.FindAsync(id, cancellation).ConfigureAwait(false);
        return record is null ? null : Read(record);
    }

    public static SavedReport Read(ReportRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.SchemaVersion == ReportDocuments.ComparisonVersion)
        {
            var (scenarios, comparisonNotes, comparisonText) = ReportDocuments.ReadComparison(record.EstimateJson);
            var first = scenarios[0].Estimate;
            return new SavedReport(record.Id, record.CreatedUtc, record.SchemaVersion, record.AppVersion, record.SnapshotId, first.Scenario, first)
            {
                Notes = comparisonNotes,
                Title = comparisonText.Title,
                AuthorNotes = comparisonText.Notes,
                Compared = scenarios,
            };
        }

        var (scenario, estimate, notes, text) = ReportDocuments.ReadWithText(record.SchemaVersion, record.ScenarioJson, record.EstimateJson);
        return new SavedReport(record.Id, record.CreatedUtc, record.SchemaVersion, record.AppVersion, record.SnapshotId, scenario, estimate)
        {
            Notes = notes,
            Title = text.Title,
            AuthorNotes = text.Notes,
        };
    }

    /// <summary>The saved scenario priced with today's prices, compared line by line with the saved estimate.</summary>
    public Repricing Reprice(SavedReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var estimator = prices.Estimator;
        var problems = estimator.Validate(report.Scenario);
        if (problems.Count > 0)
        {
            return new Repricing(null, [], "Today's prices cannot price this scenario: " + string.Join(" ", problems.Select(p => p.Message)));
        }

        var today = estimator.Estimate(report.Scenario, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
        return new Repricing(today, Repricing.Compare(report.Estimate, today), null);
    }
}
