using System.Globalization;
using CostCalc.Domain.Catalog;
using CostCalc.Domain.Prices;

namespace CostCalc.Domain.Scenarios;

/// <summary>
/// A scenario as URL query parameters: versioned ("v=1"), only the inputs that differ from the
/// defaults, named as in the API, written and read through <see cref="ScenarioFields"/> and
/// <see cref="ScenarioChoices"/>. An input a link gets wrong falls back to its default alone, with a
/// note saying which; only a link without a known version opens the defaults.
/// </summary>
public static class ScenarioUrl
{
    public const string VersionKey = "v";
    public const string Version = "1";
    public const string HiddenPathsKey = ScenarioValidator.HiddenPathsField;

    /// <summary>Before EKS on Fargate was a path of its own, "fargate=true" replaced EKS nodes by Fargate.</summary>
    private const string LegacyFargateKey = "fargate";

    /// <summary>The query string (without "?") for a scenario; empty for the defaults.</summary>
    public static string Encode(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var parts = new List<string>();
        foreach (var field in ScenarioFields.All)
        {
            var value = field.Read(scenario);
            if (value != field.DefaultValue)
            {
                parts.Add($"{field.Name}={value.ToString("R", CultureInfo.InvariantCulture)}");
            }
        }

        foreach (var choice in ScenarioChoices.All)
        {
            var value = choice.Read(scenario);
            if (value != choice.DefaultValue)
            {
                parts.Add($"{choice.Name}={Uri.EscapeDataString(value)}");
            }
        }

        if (scenario.HiddenPaths.Count > 0)
        {
            parts.Add($"{HiddenPathsKey}={Uri.EscapeDataString(scenario.HiddenPaths.ToString())}");
        }

        // A list item's members as "rateOverrides[0].rate=…&rateOverrides[0].usdPerHour=…", in item order.
        foreach (var list in ScenarioLists.All)
        {
            var rows = list.Read(scenario);
            for (var i = 0; i < rows.Count; i++)
            {
                foreach (var column in list.Columns)
                {
                    if (rows[i].TryGetValue(column.Name, out var value))
                    {
                        parts.Add($"{Uri.EscapeDataString(list.Member(i, column.Name))}={Uri.EscapeDataString(value)}");
                    }
                }
            }
        }

        return parts.Count == 0 ? "" : $"{VersionKey}={Version}&{string.Join('&', parts)}";
    }

    /// <summary>Reads a scenario from query parameters; every input it cannot use keeps its default, and the note says which.</summary>
    /// <param name="pathIds">Ids of the paths the calculator compares (built-in paths when null).</param>
    public static (Scenario Scenario, string? Error) Decode(
        IReadOnlyDictionary<string, string> query, PriceBook prices, InstanceCatalog catalog, IReadOnlyCollection<string>? pathIds = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Count == 0)
        {
            return (Scenario.Default, null);
        }

        if (!query.TryGetValue(VersionKey, out var version) || version != Version)
        {
            return (Scenario.Default,
                $"This link could not be opened exactly (the link has no supported version (expected {VersionKey}={Version})), so the calculator shows its defaults.");
        }

        var scenario = Scenario.Default;
        var notes = new List<string>();
        var items = new Dictionary<ScenarioList, SortedDictionary<int, Dictionary<string, string>>>();
        foreach (var (name, text) in query)
        {
            if (name == VersionKey)
            {
                continue;
            }

            if (ListMember(name) is var (list, index, column))
            {
                if (!items.TryGetValue(list, out var rows))
                {
                    items[list] = rows = [];
                }

                if (!rows.TryGetValue(index, out var row))
                {
                    rows[index] = row = new Dictionary<string, string>(StringComparer.Ordinal);
                }

                row[column] = text;
                continue;
            }

            scenario = Apply(scenario, name, text, notes);
        }

        foreach (var (list, rows) in items)
        {
            try
            {
                scenario = list.Write(scenario, [.. rows.Values]);
            }
            catch (FormatException)
            {
                notes.Add($"'{list.Name}' has an unreadable value; it is left out");
            }
        }

        // An input the validator refuses falls back to its default alone; every other input is kept.
        for (var attempt = 0; attempt < 8; attempt++)
        {
            var problems = ScenarioValidator.Validate(scenario, prices, catalog, pathIds);
            if (problems.Count == 0)
            {
                return (scenario, notes.Count == 0 ? null : $"This link was opened with changes: {string.Join("; ", notes)}.");
            }

            // A bad list item is dropped alone; items go from the last so the others keep their indexes.
            var dropped = new HashSet<(ScenarioList, int?)>();
            foreach (var problem in problems.OrderByDescending(p => ListItem(p.Field)?.Index ?? -1))
            {
                if (ListItem(problem.Field) is { } item)
                {
                    notes.Add($"{problem.Field}: {problem.Message} The item is left out");
                    if (dropped.Add(item))
                    {
                        scenario = Reset(scenario, problem.Field);
                    }

                    continue;
                }

                notes.Add($"{problem.Message} Its default is used");
                scenario = Reset(scenario, problem.Field);
            }
        }

        return (Scenario.Default, "This link could not be opened exactly (its inputs do not fit together), so the calculator shows its defaults.");
    }

    private static Scenario Apply(Scenario scenario, string name, string text, List<string> notes)
    {
        if (ScenarioFields.Find(name) is { } field)
        {
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                notes.Add($"'{name}' has an unreadable value; its default is used");
                return scenario;
            }

            if (field.Accepts(number))
            {
                return field.Write(scenario, number);
            }

            notes.Add($"'{name}' is out of range ({field.RangeMessage}); its default is used");
            return scenario;
        }

        if (ScenarioChoices.Find(name) is { } choice)
        {
            try
            {
                return choice.Write(scenario, text);
            }
            catch (FormatException)
            {
                notes.Add($"'{name}' has an unreadable value; its default is used");
                return scenario;
            }
        }

        if (name == HiddenPathsKey)
        {
            return scenario with { HiddenPaths = PathList.Parse(text) };
        }

        if (name == LegacyFargateKey && text == "true")
        {
            notes.Add("'fargate' is now the EKS on Fargate path, shown instead of EKS on nodes");
            return scenario with { HiddenPaths = PathList.Of([.. scenario.HiddenPaths.Ids, PathIds.Eks]) };
        }

        if (name != LegacyFargateKey)
        {
            notes.Add($"'{name}' is not a calculator input and was ignored");
        }

        return scenario;
    }

    private static Scenario Reset(Scenario scenario, string name) =>
        ScenarioFields.Find(name) is { } field ? field.Write(scenario, field.DefaultValue)
        : ScenarioChoices.Find(name) is { } choice ? choice.Write(scenario, choice.DefaultValue)
        : name == HiddenPathsKey ? scenario with { HiddenPaths = PathList.Empty }
        : ListItem(name) is var (list, index) ? (index is { } i && i < list.Count(scenario) ? list.Without(scenario, i) : list.Write(scenario, []))
        : scenario;

    /// <summary>"rateOverrides[1].rate" → (the list, 1, "rate"); null for any other name, and for an index past the list's limit.</summary>
    private static (ScenarioList List, int Index, string Column)? ListMember(string name)
    {
        var open = name.IndexOf('[', StringComparison.Ordinal);
        var close = name.IndexOf("].", StringComparison.Ordinal);
        if (open <= 0 || close <= open + 1 || ScenarioLists.Find(name[..open]) is not { } list
            || !int.TryParse(name.AsSpan(open + 1, close - open - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            || index >= ScenarioList.MaxItems)
        {
            return null;
        }

        var column = name[(close + 2)..];
        return list.Columns.Any(c => c.Name == column) ? (list, index, column) : null;
    }

    /// <summary>A problem's field as a list and item: "rateOverrides[1].rate" → (list, 1), "rateOverrides" → (list, null).</summary>
    private static (ScenarioList List, int? Index)? ListItem(string field)
    {
        var open = field.IndexOf('[', StringComparison.Ordinal);
        var name = open < 0 ? field : field[..open];
        if (ScenarioLists.Find(name) is not { } list)
        {
            return null;
        }

        var close = field.IndexOf(']', StringComparison.Ordinal);
        return open > 0 && close > open + 1 && int.TryParse(field.AsSpan(open + 1, close - open - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            ? (list, index)
            : (list, null);
    }
}
