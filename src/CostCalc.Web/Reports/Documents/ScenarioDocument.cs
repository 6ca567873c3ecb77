using System.Globalization;
using System.Text.Json;
using CostCalc.Domain.Scenarios;

namespace CostCalc.Web.Reports.Documents;

/// <summary>
/// A saved report's scenario: every input by its API name, written and read through
/// <see cref="ScenarioFields"/> and <see cref="ScenarioChoices"/> (never by reflection over the
/// record), so the stored names are the API's stable ones. Reading a name this version does not know
/// keeps the default and says so; nothing is dropped silently.
/// </summary>
internal static class ScenarioDocument
{
    private const string LegacyFargate = "fargate";

    public static string Write(Scenario scenario)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            foreach (var field in ScenarioFields.All)
            {
                json.WriteNumber(field.Name, field.Read(scenario));
            }

            foreach (var choice in ScenarioChoices.All)
            {
                json.WriteString(choice.Name, choice.Read(scenario));
            }

            json.WriteStartArray(ScenarioUrl.HiddenPathsKey);
            foreach (var id in scenario.HiddenPaths.Ids)
            {
                json.WriteStringValue(id);
            }

            json.WriteEndArray();

            // Lists are written only when they have items, so a report without them reads as before.
            foreach (var list in ScenarioLists.All)
            {
                var rows = list.Read(scenario);
                if (rows.Count == 0)
                {
                    continue;
                }

                json.WriteStartArray(list.Name);
                foreach (var row in rows)
                {
                    json.WriteStartObject();
                    foreach (var column in list.Columns)
                    {
                        if (row.TryGetValue(column.Name, out var value))
                        {
                            json.WriteString(column.Name, value);
                        }
                    }

                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>The scenario, and a note for every stored input this version could not use.</summary>
    public static (Scenario Scenario, IReadOnlyList<string> Notes) Read(string text)
    {
        using var document = JsonDocument.Parse(text);
        var scenario = Scenario.Default;
        var notes = new List<string>();
        foreach (var property in document.RootElement.EnumerateObject())
        {
            scenario = Apply(scenario, property, notes);
        }

        return (scenario, notes);
    }

    private static Scenario Apply(Scenario scenario, JsonProperty property, List<string> notes)
    {
        var (name, value) = (property.Name, property.Value);
        if (ScenarioFields.Find(name) is { } field && value.ValueKind == JsonValueKind.Number)
        {
            return field.Write(scenario, value.GetDouble());
        }

        if (ScenarioChoices.Find(name) is { } choice && Text(value) is { } text)
        {
            try
            {
                return choice.Write(scenario, text);
            }
            catch (FormatException)
            {
                notes.Add($"the saved {choice.Label.ToLowerInvariant()} '{text}' is not one this version knows; its default is used");
                return scenario;
            }
        }

        if (ScenarioLists.Find(name) is { } list && value.ValueKind == JsonValueKind.Array)
        {
            try
            {
                return list.Write(scenario, [.. value.EnumerateArray().Select(item => (IReadOnlyDictionary<string, string>)(item.ValueKind == JsonValueKind.Object
                    ? item.EnumerateObject().Where(m => Text(m.Value) is not null).ToDictionary(m => m.Name, m => Text(m.Value)!, StringComparer.Ordinal)
                    : new Dictionary<string, string>(StringComparer.Ordinal)))]);
            }
            catch (FormatException)
            {
                notes.Add($"the saved {list.Label.ToLowerInvariant()} are not readable by this version and were left out");
                return scenario;
            }
        }

        if (name == ScenarioUrl.HiddenPathsKey && value.ValueKind == JsonValueKind.Array)
        {
            return scenario with { HiddenPaths = PathList.Of(value.EnumerateArray().Select(v => v.GetString() ?? "")) };
        }

        if (name == LegacyFargate && value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            // Two-path reports compared EC2 with EKS on nodes, or with EKS on Fargate when this was on.
            var hidden = value.GetBoolean() ? PathIds.Eks : PathIds.EksFargate;
            return scenario with { HiddenPaths = PathList.Of([.. scenario.HiddenPaths.Ids, hidden]) };
        }

        notes.Add($"the saved input '{name}' ({value.GetRawText()}) is not one this version knows and was left out");
        return scenario;
    }

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Number => value.GetDouble().ToString(CultureInfo.InvariantCulture),
        _ => null,
    };
}
