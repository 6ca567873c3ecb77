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
        foreach (var (name, text) in query)
        {
            if (name != VersionKey)
            {
                scenario = Apply(scenario, name, text, notes);
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

            foreach (var problem in problems)
            {
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
        : scenario;
}
