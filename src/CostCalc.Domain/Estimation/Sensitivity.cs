using CostCalc.Domain.Scenarios;
using CostCalc.Domain.Vocabulary;

namespace CostCalc.Domain.Estimation;

/// <summary>
/// The verdict at one tried value of an input: the margin of the scenario's cheapest path over the horizon
/// and which path is cheapest there.
/// </summary>
/// <param name="Value">The tried value as users read it: "14 KiB", "Spot (estimated)".</param>
/// <param name="MarginUsd">
/// The next cheapest path's horizon total less the scenario's cheapest path's, at this value: positive while
/// that path stays cheapest, negative once another is cheaper. Null when the cheapest path cannot run at this
/// value, when no other path can, or when the value was not tried (<see cref="Problem"/>).
/// </param>
/// <param name="CheapestPath">The path that is cheapest over the horizon at this value; null on a tie or when none can run.</param>
/// <param name="Flips">The verdict names another cheapest path at this value (or none: a tie, or the cheapest cannot run).</param>
/// <param name="Problem">Why the value was not tried (it fails validation with the other inputs); null when it was.</param>
public sealed record SensitivityEnd(string Value, decimal? MarginUsd, string? CheapestPath, bool Flips, string? Problem = null);

/// <summary>
/// One uncertain input moved to a low and a high value with every other input fixed.
/// </summary>
/// <param name="Input">The API name of the input ("memoryPerConnectionKiB", "ec2PurchaseOption").</param>
/// <param name="Label">Its label, as the inputs panel shows it.</param>
/// <param name="Current">The current value as users read it.</param>
/// <param name="Low">
/// The low value of a numeric input; for a choice, the tried value with the smaller margin.
/// </param>
/// <param name="High">The high value of a numeric input; for a choice, the tried value with the larger margin.</param>
/// <param name="Range">How the two values were formed ("×0.5 / ×2", "on-demand, 1-yr reserved, spot").</param>
/// <param name="Source">Why that band: one of <see cref="Sources"/> (model.md §8.1).</param>
public sealed record SensitivityEntry(
    string Input, string Label, string Current, SensitivityEnd Low, SensitivityEnd High, string Range, string Source)
{
    /// <summary>Either tried value changes the verdict.</summary>
    public bool Flips => Low.Flips || High.Flips;

    /// <summary>
    /// How far the margin moves: the width of the bar from the lowest to the highest of the current margin and
    /// the two tried margins. An end where the cheapest path cannot run counts as the widest possible move.
    /// </summary>
    public decimal SwingUsd(decimal baseMarginUsd)
    {
        if (Low.MarginUsd is null && Low.Flips || High.MarginUsd is null && High.Flips)
        {
            return decimal.MaxValue;
        }

        var low = Math.Min(baseMarginUsd, Math.Min(Low.MarginUsd ?? baseMarginUsd, High.MarginUsd ?? baseMarginUsd));
        var high = Math.Max(baseMarginUsd, Math.Max(Low.MarginUsd ?? baseMarginUsd, High.MarginUsd ?? baseMarginUsd));
        return high - low;
    }
}

/// <summary>
/// What moves the answer (model.md §8.1): for each uncertain input, the margin of the scenario's cheapest path
/// over the next cheapest, summed over the horizon, at a low and a high value of that input with every other
/// input fixed. At the scenario's own values the margin is the verdict's saving (runner-up − cheapest).
/// Entries are sorted by swing, widest first.
/// </summary>
/// <param name="CheapestPath">The scenario's cheapest path over the horizon; null when there is none (then no entries).</param>
/// <param name="BaseMarginUsd">The verdict's saving: the runner-up's horizon total less the cheapest's.</param>
/// <param name="Months">The horizon the totals are summed over.</param>
/// <param name="Note">Why there are no entries, when there are none.</param>
public sealed record SensitivityAnalysis(
    string? CheapestPath, decimal BaseMarginUsd, int Months, IReadOnlyList<SensitivityEntry> Entries, string? Note);

public static class SensitivityExtensions
{
    /// <summary>
    /// Moves every numeric input with a <see cref="ScenarioField.Sensitivity"/> band, and every choice with
    /// <see cref="ScenarioChoice.Sensitivity"/> values, that matters to the estimate's scenario, one at a time.
    /// Each tried value re-prices only the paths the input changes (its <c>Paths</c>; all shown paths when
    /// empty), month by month on a totals-only sheet; the other paths keep the estimate's totals.
    /// </summary>
    public static SensitivityAnalysis Sensitivity(this Estimator estimator, Estimate estimate)
    {
        ArgumentNullException.ThrowIfNull(estimator);
        ArgumentNullException.ThrowIfNull(estimate);
        var scenario = estimate.Scenario;
        var verdict = estimate.Verdict;
        var months = estimate.Projection.Months;
        if (verdict.CheapestPath is not { } cheapest)
        {
            return new(null, 0, months, [],
                "No single path is cheapest over the horizon (a tie, or fewer than two paths can run), so there is no verdict to move.");
        }

        var work = new Work(estimator, estimate, cheapest);
        var entries = new List<SensitivityEntry>();
        foreach (var field in ScenarioFields.All)
        {
            if (field.SensitivityValues(scenario) is not { } values || !field.Matters(scenario))
            {
                continue;
            }

            var current = field.Read(scenario);
            if (values.Low == current && values.High == current)
            {
                continue;
            }

            // A value equal to the current one (0 h of operations halved) keeps the estimate's totals.
            var low = values.Low == current ? work.Unchanged(Show(values.Low, field.Unit))
                : work.Try(field.Write(scenario, values.Low), field.Paths, Show(values.Low, field.Unit));
            var high = values.High == current ? work.Unchanged(Show(values.High, field.Unit))
                : work.Try(field.Write(scenario, values.High), field.Paths, Show(values.High, field.Unit));
            entries.Add(new(field.Name, field.Label, Show(current, field.Unit), low, high, field.Sensitivity!.Text, field.Sensitivity.Source));
        }

        foreach (var choice in ScenarioChoices.All)
        {
            if (choice.Sensitivity is not { } tried || !choice.Matters(scenario))
            {
                continue;
            }

            var current = choice.Read(scenario);
            var ends = new List<SensitivityEnd>(tried.Values.Count);
            foreach (var value in tried.Values)
            {
                if (value != current)
                {
                    ends.Add(work.Try(choice.Write(scenario, value), choice.Paths, choice.LabelOf(value)));
                }
            }

            if (ends.Count == 0)
            {
                continue;
            }

            // The tried value with the smaller margin is the low end; one the cheapest cannot run at is lowest.
            ends.Sort((a, b) => (a.MarginUsd ?? (a.Flips ? decimal.MinValue : verdict.HorizonSavingUsd))
                .CompareTo(b.MarginUsd ?? (b.Flips ? decimal.MinValue : verdict.HorizonSavingUsd)));
            entries.Add(new(choice.Name, choice.Label, choice.LabelOf(current), ends[0], ends[^1],
                string.Join(", ", tried.Values.Select(choice.LabelOf)), tried.Source));
        }

        var baseMargin = verdict.HorizonSavingUsd;
        entries.Sort((a, b) =>
        {
            var bySwing = b.SwingUsd(baseMargin).CompareTo(a.SwingUsd(baseMargin));
            return bySwing != 0 ? bySwing : string.CompareOrdinal(a.Input, b.Input);
        });
        return new(cheapest, baseMargin, months, entries, null);
    }

    /// <summary>"14 KiB", "0.1 msg/s", "50 %".</summary>
    private static string Show(double value, string unit) => Formats.Number(value) + " " + unit;

    /// <summary>The estimate's horizon totals and a reusable totals sheet; prices one tried value at a time.</summary>
    private sealed class Work
    {
        private readonly Estimator _estimator;
        private readonly Prices.RegionPrices _region;
        private readonly DeploymentPath[] _shown;
        private readonly decimal?[] _baseTotals;
        private readonly decimal?[] _totals;
        private readonly int _cheapest;
        private readonly CostSheet _sheet = CostSheet.Totals();

        public Work(Estimator estimator, Estimate estimate, string cheapest)
        {
            _estimator = estimator;
            // At the user's prices, as the estimate: no band moves a price input (a discount, an override), so every
            // tried scenario shares the estimate's.
            _region = estimator.PricesFor(estimate.Scenario);
            _shown = [.. estimator.Shown(estimate.Scenario)];
            _baseTotals = new decimal?[_shown.Length];
            for (var p = 0; p < _shown.Length; p++)
            {
                _baseTotals[p] = estimate.Projection[_shown[p].Id].CumulativeUsd[^1];
                if (_shown[p].Id == cheapest)
                {
                    _cheapest = p;
                }
            }

            _totals = new decimal?[_shown.Length];
        }

        /// <summary>The verdict at the scenario's own value: the estimate's totals.</summary>
        public SensitivityEnd Unchanged(string value)
        {
            Array.Copy(_baseTotals, _totals, _totals.Length);
            return Judge(value);
        }

        public SensitivityEnd Try(Scenario varied, IReadOnlyList<string> paths, string value)
        {
            var problems = _estimator.Validate(varied);
            if (problems.Count > 0)
            {
                return new(value, null, null, false, problems[0].Message);
            }

            var counts = ProjectionBuilder.Counts(varied);
            for (var p = 0; p < _shown.Length; p++)
            {
                var path = _shown[p];
                _totals[p] = paths.Count == 0 || paths.Contains(path.Id)
                    ? ProjectionBuilder.HorizonTotal(_estimator.Plan(path, varied, _region), counts, _sheet)
                    : _baseTotals[p];
            }

            return Judge(value);
        }

        private SensitivityEnd Judge(string value)
        {
            // The cheapest path among the others, and whether two of them tie for it.
            int? best = null;
            for (var p = 0; p < _totals.Length; p++)
            {
                if (p != _cheapest && _totals[p] is not null && (best is null || _totals[p] < _totals[best.Value]))
                {
                    best = p;
                }
            }

            var own = _totals[_cheapest];
            if (own is null)
            {
                // As the verdict: a cheapest path needs two that can run and no tie for the lowest total.
                var others = 0;
                foreach (var total in _totals)
                {
                    others += total is null ? 0 : 1;
                }

                return new(value, null, others >= 2 ? Unique(best!.Value) : null, true);
            }

            if (best is null)
            {
                return new(value, null, _shown[_cheapest].Id, false);
            }

            var margin = _totals[best.Value]!.Value - own.Value;
            var cheapestThere = margin > 0 ? _shown[_cheapest].Id : margin < 0 ? Unique(best.Value) : null;
            return new(value, margin, cheapestThere, margin <= 0);
        }

        /// <summary>The path at index <paramref name="best"/> when no other path has the same total; null on a tie.</summary>
        private string? Unique(int best)
        {
            for (var p = 0; p < _totals.Length; p++)
            {
                if (p != best && _totals[p] == _totals[best])
                {
                    return null;
                }
            }

            return _shown[best].Id;
        }
    }
}
