using CostCalc.Domain.Scenarios;
using CostCalc.Domain.Vocabulary;

namespace CostCalc.Domain.Comparing;

/// <summary>One input whose value is not the same in every compared scenario, as <see cref="ScenarioInputs"/> words it.</summary>
/// <param name="Values">Its value in each scenario, in the comparison's order; <see cref="InputDifferences.NotUsed"/> where the input does not matter to that scenario.</param>
public sealed record InputDifference(FieldGroup Group, string Label, IReadOnlyList<string> Values, string DefaultValue)
{
    /// <summary>
    /// Whether scenarios <paramref name="i"/> and <paramref name="j"/> set the input differently. An input a scenario does not
    /// use counts as its default there, so a figure that only matters once another input changes (what spot reclaims cost
    /// once the purchase option is Spot) is not a difference of its own while it stays at its default.
    /// </summary>
    public bool Differs(int i, int j) => !string.Equals(Effective(i), Effective(j), StringComparison.Ordinal);

    private string Effective(int i) => Values[i] == InputDifferences.NotUsed ? DefaultValue : Values[i];
}

/// <summary>The inputs that differ between scenarios, taken from <see cref="ScenarioInputs.Of"/> so names, labels and formatting have one source.</summary>
public static class InputDifferences
{
    /// <summary>Shown for an input that does not matter to a scenario (a path it hides, a choice another makes moot).</summary>
    public const string NotUsed = Formats.NoValue;

    public static IReadOnlyList<InputDifference> Between(IReadOnlyList<Scenario> scenarios)
    {
        ArgumentNullException.ThrowIfNull(scenarios);
        var rows = scenarios.Select(s => ScenarioInputs.Of(s).ToDictionary(r => (r.Group, r.Label))).ToList();

        // Every input some scenario lists, in the calculator's order: the first's rows, then rows only later ones list.
        var keys = rows.SelectMany(r => r.Values).Select(r => (r.Group, r.Label)).Distinct().OrderBy(k => k.Group).ToList();
        var differences = new List<InputDifference>();
        foreach (var key in keys)
        {
            var known = rows.Select(r => r.GetValueOrDefault(key)).First(r => r is not null)!;
            var values = rows.Select(r => r.TryGetValue(key, out var row) ? row.Value : Absent(known)).ToList();
            var candidate = new InputDifference(key.Group, key.Label, values, known.DefaultValue);
            if (Enumerable.Range(1, values.Count - 1).Any(i => candidate.Differs(0, i)))
            {
                differences.Add(candidate);
            }
        }

        return differences;
    }

    /// <summary>
    /// A list item or the hidden-paths row is listed only when there is one, so its absence means "none"; any other
    /// input is listed whenever it matters, so its absence means it is not used.
    /// </summary>
    private static string Absent(InputRow known) => known.DefaultValue == ScenarioInputs.None ? ScenarioInputs.None : NotUsed;
}
