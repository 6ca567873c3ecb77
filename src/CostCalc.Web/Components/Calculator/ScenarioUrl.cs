using System.Text.Json;
using System.Text.Json.Nodes;
using CostCalc.Domain.Catalog;
using CostCalc.Domain.Prices;
using CostCalc.Domain.Scenarios;
using CostCalc.Web.Hosting;

namespace CostCalc.Web.Components.Calculator;

/// <summary>
/// A scenario as URL query parameters: versioned ("v=1"), only the fields that differ from the
/// defaults, named as in the API. A link that cannot be read exactly opens the defaults with a reason.
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
        foreach (var (name, text) in query)
        {
            if (name == VersionKey)
            {
                continue;
            }

            if (!Defaults.TryGetPropertyValue(name, out var template))
            {
                return Fail($"'{name}' is not a calculator input");
            }

            if (Parse(text, template) is not { } value)
            {
                return Fail($"'{name}' has an unreadable value");
            }

            json[name] = value;
        }

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
        return problems.Count == 0 ? (scenario, null) : Fail(problems[0].Message);
    }

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
