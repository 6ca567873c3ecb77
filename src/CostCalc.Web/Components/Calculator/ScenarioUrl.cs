using System.Text.Json;
using System.Text.Json.Nodes;
using CostCalc.Domain.Catalog;
using CostCalc.Domain.Prices;
using CostCalc.Domain.Scenarios;
using CostCalc.Web.Hosting;

namespace CostCalc.Web.Components.Calculator;

/// <summary>
/// A scenario as URL query parameters: versioned ("v=1"), only the fields that differ from the
/// defaults, named as in the API. An input a link gets wrong falls back to its default alone, with
/// a note saying which; only an unreadable link as a whole opens the defaults.
/// </summary>
public static class ScenarioUrl
{
    public const string VersionKey = "v";
    public const string Version = "1";

    private static readonly JsonObject Defaults = ToJson(Scenario.Default);

    /// <summary>The query string (without "?") for a scenario; empty for the defaults.</summary>
    public static string Encode(Scenario scenario)
    {
        var json = ToJson(scenario);
        var parts = new List<string>();
        foreach (var (name, value) in json)
        {
            if (!JsonNode.DeepEquals(value, Defaults[name]))
            {
                parts.Add($"{name}={Uri.EscapeDataString(Text(value))}");
            }
        }

        return parts.Count == 0 ? "" : $"{VersionKey}={Version}&{string.Join('&', parts)}";
    }

    /// <summary>Reads a scenario from query parameters; on any problem returns the defaults and why.</summary>
    public static (Scenario Scenario, string? Error) Decode(
        IReadOnlyDictionary<string, string> query, PriceBook prices, InstanceCatalog catalog)
    {
        if (query.Count == 0)
        {
            return (Scenario.Default, null);
        }

        if (!query.TryGetValue(VersionKey, out var version) || version != Version)
        {
            return Fail($"the link has no supported version (expected {VersionKey}={Version})");
        }

        var json = Defaults.DeepClone().AsObject();
        var notes = new List<string>();
        foreach (var (name, text) in query)
        {
            if (name == VersionKey)
            {
                continue;
            }

            if (!Defaults.TryGetPropertyValue(name, out var template))
            {
                notes.Add($"'{name}' is not a calculator input and was ignored");
            }
            else if (Parse(text, template) is not { } value)
            {
                notes.Add($"'{name}' has an unreadable value; its default is used");
            }
            else
            {
                json[name] = value;
            }
        }

        // An input the validator refuses falls back to its default alone; every other input is kept.
        for (var attempt = 0; attempt < 8; attempt++)
        {
            Scenario scenario;
            try
            {
                scenario = json.Deserialize<Scenario>(JsonSetup.Options) ?? Scenario.Default;
            }
            catch (JsonException)
            {
                return Fail("a value has the wrong type");
            }

            var problems = ScenarioValidator.Validate(scenario, prices, catalog);
            if (problems.Count == 0)
            {
                return (scenario, notes.Count == 0 ? null : Partly(notes));
            }

            foreach (var problem in problems)
            {
                notes.Add($"{problem.Message} Its default is used");
                json[problem.Field] = Defaults[problem.Field]?.DeepClone();
            }
        }

        return Fail("its inputs do not fit together");
    }

    private static string Partly(List<string> notes) =>
        $"This link was opened with changes: {string.Join("; ", notes)}.";

    private static (Scenario, string) Fail(string reason) =>
        (Scenario.Default, $"This link could not be opened exactly ({reason}), so the calculator shows its defaults.");

    private static JsonObject ToJson(Scenario scenario) =>
        JsonSerializer.SerializeToNode(scenario, JsonSetup.Options)!.AsObject();

    private static string Text(JsonNode? value) =>
        value?.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value?.ToJsonString() ?? "";

    private static JsonNode? Parse(string text, JsonNode? template)
    {
        switch (template?.GetValueKind())
        {
            case JsonValueKind.String:
                return JsonValue.Create(text);
            case JsonValueKind.True or JsonValueKind.False:
                return bool.TryParse(text, out var flag) ? JsonValue.Create(flag) : null;
            case JsonValueKind.Number:
                try
                {
                    var node = JsonNode.Parse(text);
                    return node?.GetValueKind() == JsonValueKind.Number ? node : null;
                }
                catch (JsonException)
                {
                    return null;
                }

            default:
                return null;
        }
    }
}
