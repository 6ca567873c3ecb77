using System.Globalization;
using CostCalc.Domain.Vocabulary;

namespace CostCalc.Domain.Estimation;

/// <summary>
/// One path measured against the verdict's cheapest path (or, with no cheapest, the first path that
/// can be costed). Differences are this path less the reference; null when either cannot be costed.
/// </summary>
/// <param name="BreakEvenMonth">The first month whose cumulative difference has the other sign from month 1's; null if none.</param>
public sealed record PathComparison(
    string Path,
    string Name,
    decimal? HorizonUsd,
    decimal? Month1Usd,
    decimal? HorizonDifferenceUsd,
    decimal? Month1DifferenceUsd,
    int? BreakEvenMonth);

/// <summary>
/// The answer over the whole horizon, computed over however many paths there are: which costs
/// least in total, by how much against the next cheapest, which is cheapest in month 1, and the
/// months in which the cheapest path per month changes.
/// </summary>
/// <param name="CheapestPath">Cheapest over the horizon; null when the cheapest totals tie or fewer than two paths can be costed.</param>
/// <param name="RunnerUpPath">The next cheapest over the horizon; null with no cheapest.</param>
/// <param name="HorizonSavingUsd">The runner-up's total less the cheapest's, over the horizon.</param>
/// <param name="HorizonSavingPercent">That saving as a percentage of the runner-up's total.</param>
/// <param name="Month1CheapestPath">Cheapest in month 1; null when tied or not comparable.</param>
/// <param name="FlipMonths">Months whose cheapest path differs from the month before's.</param>
/// <param name="Comparisons">Every path against the reference path, in the estimate's order.</param>
/// <param name="Summary">One sentence, e.g. "EC2 saves $6,283 (21 %) over 36 months; EKS is never cheaper."</param>
public sealed record Verdict(
    string? CheapestPath,
    string? RunnerUpPath,
    decimal HorizonSavingUsd,
    double HorizonSavingPercent,
    string? Month1CheapestPath,
    IReadOnlyList<int> FlipMonths,
    IReadOnlyList<PathComparison> Comparisons,
    string Summary)
{
    /// <summary>The path every comparison is measured against: the cheapest, or the first that can be costed; null when none can.</summary>
    public PathComparison? Reference =>
        Comparisons.FirstOrDefault(c => c.Path == CheapestPath) ?? Comparisons.FirstOrDefault(c => c.HorizonUsd is not null);

    /// <param name="names">Display name of each path id in the projection.</param>
    public static Verdict From(Projection projection, IReadOnlyDictionary<string, string> names)
    {
        ArgumentNullException.ThrowIfNull(projection);
        ArgumentNullException.ThrowIfNull(names);
        if (projection.Months == 0)
        {
            return new(null, null, 0, 0, null, [], [], "Nothing to compare: the horizon has no months.");
        }

        var horizon = projection.Months == 1 ? "1 month" : $"{projection.Months} months";
        var costed = projection.Paths.Where(p => p.CumulativeUsd[^1] is not null).ToList();
        var ranked = costed.OrderBy(p => p.CumulativeUsd[^1]!.Value).ToList();
        var cheapest = ranked.Count >= 2 && ranked[0].CumulativeUsd[^1] != ranked[1].CumulativeUsd[^1] ? ranked[0] : null;
        var reference = cheapest ?? costed.FirstOrDefault();
        var comparisons = projection.Paths.Select(p => Compare(p, reference, names[p.Path])).ToList();
        var monthly = Enumerable.Range(0, projection.Months).Select(m => CheapestIn(costed, m)).ToList();
        var flips = Enumerable.Range(1, projection.Months - 1).Where(m => monthly[m] != monthly[m - 1]).Select(m => m + 1).ToList();
        var summary = Sentence(projection, names, ranked, cheapest, monthly, horizon);
        if (cheapest is null)
        {
            return new(null, null, 0, 0, monthly[0], flips, comparisons, summary);
        }

        var runnerUp = ranked[1];
        var saving = runnerUp.CumulativeUsd[^1]!.Value - cheapest.CumulativeUsd[^1]!.Value;
        var dearer = runnerUp.CumulativeUsd[^1]!.Value;
        var percent = dearer > 0 ? (double)(saving / dearer * 100) : 0;
        return new(cheapest.Path, runnerUp.Path, saving, percent, monthly[0], flips, comparisons, summary);
    }

    private static PathComparison Compare(PathSeries path, PathSeries? reference, string name)
    {
        var horizon = path.CumulativeUsd[^1];
        var month1 = path.MonthlyUsd[0];
        if (reference is null || horizon is null)
        {
            return new(path.Path, name, horizon, month1, null, null, null);
        }

        int? breakEven = null;
        var firstSign = Math.Sign(path.CumulativeUsd[0]!.Value - reference.CumulativeUsd[0]!.Value);
        for (var m = 1; m < path.CumulativeUsd.Count && firstSign != 0; m++)
        {
            if (Math.Sign(path.CumulativeUsd[m]!.Value - reference.CumulativeUsd[m]!.Value) != firstSign)
            {
                breakEven = m + 1;
                break;
            }
        }

        return new(path.Path, name, horizon, month1, horizon - reference.CumulativeUsd[^1], month1 - reference.MonthlyUsd[0], breakEven);
    }

    /// <summary>The path that costs least in month index <paramref name="m"/>; null when tied.</summary>
    private static string? CheapestIn(List<PathSeries> costed, int m)
    {
        if (costed.Count < 2)
        {
            return null;
        }

        PathSeries? best = null;
        var tied = false;
        foreach (var path in costed)
        {
            var usd = path.MonthlyUsd[m]!.Value;
            if (best is null || usd < best.MonthlyUsd[m]!.Value)
            {
                (best, tied) = (path, false);
            }
            else if (usd == best.MonthlyUsd[m]!.Value)
            {
                tied = true;
            }
        }

        return tied ? null : best!.Path;
    }

    private static string Sentence(
        Projection projection, IReadOnlyDictionary<string, string> names, List<PathSeries> ranked, PathSeries? cheapest,
        List<string?> monthly, string horizon)
    {
        var cannot = projection.Paths.Where(p => p.CumulativeUsd[^1] is null).Select(p => names[p.Path]).ToList();
        var cannotText = cannot.Count == 0 ? "" : $" {Join(cannot)} cannot run these inputs (see {(cannot.Count == 1 ? "its warning" : "their warnings")}).";
        if (ranked.Count == 0)
        {
            return projection.Paths.Count == 1
                ? $"{names[projection.Paths[0].Path]} cannot run these inputs: see its warning for what to change."
                : "No path can run these inputs: see the warnings for what to change.";
        }

        if (ranked.Count == 1)
        {
            var only = ranked[0];
            var lead = projection.Paths.Count == 1 ? $"{names[only.Path]} (the only path shown)" : $"Only {names[only.Path]} can run these inputs; it";
            return $"{lead} costs {Formats.Usd(only.CumulativeUsd[^1]!.Value)} over {horizon}.{cannotText}";
        }

        if (cheapest is null)
        {
            var tied = ranked.TakeWhile(p => p.CumulativeUsd[^1] == ranked[0].CumulativeUsd[^1]).Select(p => names[p.Path]).ToList();
            return $"{Join(tied)} cost the same over {horizon} ({Formats.Usd(ranked[0].CumulativeUsd[^1]!.Value)}).{cannotText}";
        }

        var runnerUp = ranked[1];
        // The saving is said in whole dollars as the two totals are shown, so it equals their shown difference.
        var saving = Formats.WholeUsd(runnerUp.CumulativeUsd[^1]!.Value) - Formats.WholeUsd(cheapest.CumulativeUsd[^1]!.Value);
        var exact = runnerUp.CumulativeUsd[^1]!.Value - cheapest.CumulativeUsd[^1]!.Value;
        var percent = runnerUp.CumulativeUsd[^1]!.Value > 0 ? (double)(exact / runnerUp.CumulativeUsd[^1]!.Value * 100) : 0;
        var winner = names[cheapest.Path];
        var cheaperSometimes = ranked.Skip(1)
            .Select(p => (Name: names[p.Path], Months: monthly.Select((id, m) => (id, m)).Where(x => x.id == p.Path).Select(x => x.m + 1).ToList()))
            .Where(p => p.Months.Count > 0)
            .Select(p => $"{p.Name} is cheaper per month in {MonthRanges(p.Months)}")
            .ToList();
        var two = ranked.Count == 2;
        var tail = cheaperSometimes.Count > 0 ? string.Join("; ", cheaperSometimes)
            : two ? $"{names[runnerUp.Path]} is never cheaper"
            : "no other path is cheaper in any month";
        var against = two ? "" : $" against {names[runnerUp.Path]}, the next cheapest";
        return $"{winner} saves {Formats.Usd(saving)} ({Percent(percent)}) over {horizon}{against}; {tail}.{cannotText}";
    }

    private static string Join(List<string> names) =>
        names.Count == 1 ? names[0] : string.Join(", ", names.Take(names.Count - 1)) + " and " + names[^1];

    /// <summary>"21 %", "0.7 %", "&lt; 0.1 %".</summary>
    private static string Percent(double percent) =>
        percent >= 10 ? percent.ToString("0", CultureInfo.InvariantCulture) + " %"
        : percent >= 0.1 ? percent.ToString("0.#", CultureInfo.InvariantCulture) + " %"
        : "< 0.1 %";

    /// <summary>"month 3", "months 1–4", "months 1–4 and 30–36".</summary>
    private static string MonthRanges(List<int> months)
    {
        var ranges = new List<string>();
        var start = months[0];
        for (var i = 1; i <= months.Count; i++)
        {
            if (i < months.Count && months[i] == months[i - 1] + 1)
            {
                continue;
            }

            var end = months[i - 1];
            ranges.Add(start == end ? $"{start}" : $"{start}–{end}");
            if (i < months.Count)
            {
                start = months[i];
            }
        }

        return (months.Count == 1 ? "month " : "months ") + Join(ranges);
    }
}
