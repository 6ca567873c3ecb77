namespace CostCalc.Domain.Comparing;

/// <summary>
/// Names each compared scenario: the user's label when given (trimmed), else one made from what differs from the first
/// ("Node purchase option: Spot, EKS node instance type: m7g.xlarge"); every label is unique within the comparison.
/// </summary>
public static class ScenarioLabels
{
    public const string FirstLabel = "Baseline";
    public const string SameAsFirst = "Same inputs as the baseline";

    /// <summary>How many differing inputs an automatic label names before "+ N more".</summary>
    public const int NamedDifferences = 2;

    public static IReadOnlyList<string> For(IReadOnlyList<string?> given, IReadOnlyList<InputDifference> differences)
    {
        ArgumentNullException.ThrowIfNull(given);
        ArgumentNullException.ThrowIfNull(differences);
        var labels = new List<string>(given.Count);
        for (var i = 0; i < given.Count; i++)
        {
            var label = string.IsNullOrWhiteSpace(given[i]) ? Automatic(i, differences) : given[i]!.Trim();
            labels.Add(Unique(label, labels));
        }

        return labels;
    }

    private static string Automatic(int index, IReadOnlyList<InputDifference> differences)
    {
        if (index == 0)
        {
            return FirstLabel;
        }

        var changed = differences.Where(d => d.Differs(0, index)).ToList();
        if (changed.Count == 0)
        {
            return SameAsFirst;
        }

        var named = string.Join(", ", changed.Take(NamedDifferences).Select(d => $"{d.Label}: {d.Values[index]}"));
        return changed.Count > NamedDifferences ? $"{named} + {changed.Count - NamedDifferences} more" : named;
    }

    /// <summary>"Spot", then "Spot (2)" for a second scenario of the same label.</summary>
    private static string Unique(string label, List<string> taken)
    {
        var candidate = label;
        for (var n = 2; taken.Contains(candidate, StringComparer.Ordinal); n++)
        {
            candidate = $"{label} ({n})";
        }

        return candidate;
    }
}
