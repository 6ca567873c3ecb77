using CostCalc.Domain.Estimation;
using CostCalc.Domain.Vocabulary;

namespace CostCalc.Domain.Comparing;

/// <summary>An amount set against the first scenario's: the exact difference and that as a percentage of the first's amount.</summary>
/// <param name="Usd">This amount less the first's, unrounded; null when either cannot be costed.</param>
/// <param name="Percent">That difference as a percentage of the first's amount; null without a difference or when the first's is $0.</param>
public sealed record Delta(decimal? Usd, double? Percent)
{
    public const string None = "no delta";

    public static Delta Between(decimal? value, decimal? first) =>
        value is { } v && first is { } f ? new Delta(v - f, f == 0 ? null : (double)((v - f) / f * 100)) : new Delta(null, null);

    /// <summary>
    /// "+$73 (+12.5 %)" for this delta of <paramref name="value"/> against <paramref name="first"/>: the dollars are the
    /// difference of the two whole-dollar figures shown (<see cref="Formats.UsdDifference"/>), so they equal what a reader subtracts.
    /// </summary>
    public string Describe(decimal? value, decimal? first) =>
        value is { } v && first is { } f
            ? Formats.UsdDifference(v, f) + (Percent is { } p ? $" ({(p > 0 ? "+" : p < 0 ? "−" : "")}{Formats.Number(Math.Abs(p), "0.#")} %)" : "")
            : None;
}

/// <summary>One path of one compared scenario: its totals and their deltas against the same path in the first scenario.</summary>
/// <param name="Month1Usd">Month-1 cost; null when the path cannot run the scenario.</param>
/// <param name="HorizonUsd">Cost summed over the scenario's horizon; null as <paramref name="Month1Usd"/>.</param>
public sealed record ComparedPath(string Path, string Name, decimal? Month1Usd, decimal? HorizonUsd, Delta Month1Delta, Delta HorizonDelta);

/// <summary>
/// One scenario of a comparison: its label, estimate, verdict sentence, cheapest path over its horizon and that path's
/// total, each path's totals, and deltas against the first scenario (the first's own deltas are all 0).
/// </summary>
/// <param name="CheapestPath">The verdict's cheapest path; null when tied or fewer than two paths can be costed.</param>
/// <param name="BestHorizonUsd">The lowest horizon total of any path (the cheapest's, or the tied or only costed path's); null when none can be costed.</param>
/// <param name="BestDelta">That total against the first scenario's lowest.</param>
public sealed record ComparedScenario(
    string Label,
    Estimate Estimate,
    string Verdict,
    string? CheapestPath,
    decimal? BestHorizonUsd,
    Delta BestDelta,
    IReadOnlyList<ComparedPath> Paths)
{
    public int HorizonMonths => Estimate.Projection.Months;

    public ComparedPath? Find(string path) => Paths.FirstOrDefault(p => p.Path == path);

    internal static ComparedScenario Against(string label, Estimate estimate, Estimate first)
    {
        var best = Best(estimate);
        var paths = estimate.Verdict.Comparisons.Select(c =>
        {
            var reference = first.Verdict.Comparisons.FirstOrDefault(f => f.Path == c.Path);
            return new ComparedPath(c.Path, c.Name, c.Month1Usd, c.HorizonUsd,
                Delta.Between(c.Month1Usd, reference?.Month1Usd), Delta.Between(c.HorizonUsd, reference?.HorizonUsd));
        }).ToList();
        return new ComparedScenario(label, estimate, estimate.Verdict.Summary, estimate.Verdict.CheapestPath, best,
            Delta.Between(best, Best(first)), paths);
    }

    private static decimal? Best(Estimate estimate) =>
        estimate.Verdict.Comparisons.Where(c => c.HorizonUsd is not null).Select(c => c.HorizonUsd).Min();
}
