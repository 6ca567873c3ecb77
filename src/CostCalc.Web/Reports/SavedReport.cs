using CostCalc.Domain.Estimation;
using CostCalc.Domain.Scenarios;

namespace CostCalc.Web.Reports;

/// <summary>
/// A stored report read back: the scenario and the estimate with the numbers they were saved with;
/// <see cref="Notes"/> says what of an older document this version could not use (empty when nothing).
/// </summary>
public sealed record SavedReport(
    string Id,
    DateTimeOffset CreatedUtc,
    int SchemaVersion,
    string AppVersion,
    string SnapshotId,
    Scenario Scenario,
    Estimate Estimate)
{
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>The title its author gave it when sharing, or null.</summary>
    public string? Title { get; init; }

    /// <summary>The notes its author wrote when sharing (plain text, paragraphs split by line breaks), or null.</summary>
    public string? AuthorNotes { get; init; }

    /// <summary>
    /// For a saved comparison (format 3), every scenario in order, each with the label it was shown with; the report's own
    /// <see cref="Scenario"/> and <see cref="Estimate"/> are the first's. Null for a report of one scenario.
    /// </summary>
    public IReadOnlyList<SavedScenario>? Compared { get; init; }
}

/// <summary>One scenario of a saved comparison: its label and its estimate (with its scenario) as saved.</summary>
public sealed record SavedScenario(string Label, Estimate Estimate);

public enum SaveStatus
{
    Saved,
    RateLimited,
    TooLarge,
}

/// <summary>What a save came to; <see cref="Report"/> is set when it was saved.</summary>
public sealed record SaveOutcome(SaveStatus Status, SavedReport? Report, RateDecision Rate, string? Problem);

/// <summary>One cost line of a report next to the same line re-priced with today's prices.</summary>
public sealed record RepricedLine(string Path, string PathName, CostKind Kind, string Name, decimal? SavedUsd, decimal? TodayUsd)
{
    public decimal? ChangeUsd => SavedUsd is { } saved && TodayUsd is { } today ? today - saved : null;
}

/// <summary>A saved report re-priced: today's estimate (null with the reason when the scenario no longer prices) and the per-line comparison.</summary>
public sealed record Repricing(Estimate? Today, IReadOnlyList<RepricedLine> Lines, string? Problem)
{
    public static IReadOnlyList<RepricedLine> Compare(Estimate saved, Estimate today)
    {
        ArgumentNullException.ThrowIfNull(saved);
        ArgumentNullException.ThrowIfNull(today);
        var lines = new List<RepricedLine>();
        foreach (var old in saved.Paths)
        {
            var now = today.Find(old.Id);
            var todayByName = (now?.CostLines ?? []).ToDictionary(l => (l.Kind, l.Name));
            foreach (var line in old.CostLines)
            {
                lines.Add(new RepricedLine(old.Id, old.Name, line.Kind, line.Name, line.MonthlyUsd,
                    todayByName.Remove((line.Kind, line.Name), out var match) ? match.MonthlyUsd : null));
            }

            lines.AddRange(todayByName.Values.Select(l => new RepricedLine(old.Id, old.Name, l.Kind, l.Name, null, l.MonthlyUsd)));
            lines.Add(new RepricedLine(old.Id, old.Name, CostKind.Compute, "Total", old.Feasible ? old.MonthlyUsd : null,
                now is { Feasible: true } ? now.MonthlyUsd : null));
        }

        return lines;
    }
}
