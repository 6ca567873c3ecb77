using CostCalc.Domain.Estimation;

namespace CostCalc.Domain.Comparing;

/// <summary>One scenario to compare: the user's label for it (null or blank for an automatic one) and its estimate.</summary>
public sealed record ComparisonEntry(string? Label, Estimate Estimate);

/// <summary>
/// Two to four estimated scenarios side by side (docs/model.md §7.15): each one's verdict, cheapest path and totals,
/// every shown path's month-1 and horizon totals with their deltas against the first scenario, and the inputs
/// whose values differ between the scenarios.
/// </summary>
/// <param name="Scenarios">In the order given; the first is the one every delta is measured against.</param>
/// <param name="Paths">Every path any scenario shows, in the first's order, then the others'.</param>
/// <param name="Differences">The inputs that do not have the same value in every scenario, in the calculator's order.</param>
public sealed record Comparison(
    IReadOnlyList<ComparedScenario> Scenarios,
    IReadOnlyList<ComparedPathName> Paths,
    IReadOnlyList<InputDifference> Differences)
{
    public const int MinScenarios = 2;
    public const int MaxScenarios = 4;

    /// <summary>The longest label a user may give a scenario.</summary>
    public const int MaxLabelChars = 60;

    public ComparedScenario First => Scenarios[0];

    /// <exception cref="ArgumentException">Fewer than <see cref="MinScenarios"/> or more than <see cref="MaxScenarios"/> entries.</exception>
    public static Comparison Of(IReadOnlyList<ComparisonEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count is < MinScenarios or > MaxScenarios)
        {
            throw new ArgumentException($"A comparison holds {MinScenarios} to {MaxScenarios} scenarios, not {entries.Count}.", nameof(entries));
        }

        var scenarios = entries.Select(e => e.Estimate.Scenario).ToList();
        var differences = InputDifferences.Between(scenarios);
        var labels = ScenarioLabels.For(entries.Select(e => e.Label).ToList(), differences);
        var first = entries[0].Estimate;
        var compared = entries.Select((e, i) => ComparedScenario.Against(labels[i], e.Estimate, first)).ToList();
        var paths = entries.SelectMany(e => e.Estimate.Verdict.Comparisons).Select(c => new ComparedPathName(c.Path, c.Name))
            .DistinctBy(p => p.Id).ToList();
        return new Comparison(compared, paths, differences);
    }
}

/// <summary>A path some scenario of the comparison shows.</summary>
public sealed record ComparedPathName(string Id, string Name);
