using System.Text.Json;

namespace CostCalc.Domain.Scenarios;

/// <summary>What kind of value a choice input holds.</summary>
public enum ChoiceKind
{
    /// <summary>One of a fixed list of values (an enum or yes/no).</summary>
    List,

    /// <summary>An instance type from the catalog, priced in the scenario's region.</summary>
    InstanceType,

    /// <summary>A region of the price snapshot.</summary>
    Region,
}

/// <summary>The values of a choice the sensitivity view tries (API names), and why those (one of <see cref="Sources"/>).</summary>
public sealed record ChoiceSensitivity(IReadOnlyList<string> Values, string Source);

/// <summary>One value of a list choice: its API name and the label users see.</summary>
public sealed record ChoiceValue(string Value, string Label);

/// <summary>
/// What the UI, validation, the API schema and the PDF say about one non-numeric input: its label,
/// values, source, and the paths it belongs to (none = every path). Values are read and written as
/// their API names ("onDemand", "true", "m6i.large").
/// </summary>
public sealed record ScenarioChoice(
    string Name,
    FieldGroup Group,
    string Label,
    string Source,
    ChoiceKind Kind,
    IReadOnlyList<ChoiceValue> Values,
    Func<Scenario, string> Read,
    Func<Scenario, string, Scenario> Write)
{
    /// <summary>Ids of the paths the input changes; empty when it applies to every path.</summary>
    public IReadOnlyList<string> Paths { get; init; } = [];

    /// <summary>When false the input is not used for this scenario (e.g. the system node type without system nodes).</summary>
    public Func<Scenario, bool> InUse { get; init; } = _ => true;

    public string DefaultValue => Read(Scenario.Default);

    /// <summary>
    /// The values the sensitivity view tries instead of the current one (model.md §8.1), with the reason;
    /// null when the choice is not one of the inputs it varies.
    /// </summary>
    public ChoiceSensitivity? Sensitivity { get; init; }

    /// <summary>The label of a value, or the value itself for instance types and regions.</summary>
    public string LabelOf(string value) => Values.FirstOrDefault(v => v.Value == value)?.Label ?? value;

    public bool IsListed(string value) => Values.Any(v => v.Value == value);

    /// <summary>"Must be one of: onDemand, spot, …".</summary>
    public string ValuesMessage => $"Must be one of: {string.Join(", ", Values.Select(v => v.Value))}.";

    /// <summary>A choice over every value of an enum, labelled by <paramref name="labels"/>.</summary>
    public static ScenarioChoice Of<T>(
        string name, FieldGroup group, string label, string source, Func<T, string> labels,
        Func<Scenario, T> read, Func<Scenario, T, Scenario> write)
        where T : struct, Enum =>
        new(name, group, label, source, ChoiceKind.List,
            [.. Enum.GetValues<T>().Select(v => new ChoiceValue(ApiName(v), labels(v)))],
            s => ApiName(read(s)),
            (s, v) => write(s, Parse<T>(v)));

    /// <summary>A yes/no choice.</summary>
    public static ScenarioChoice Switch(string name, FieldGroup group, string label, string source, Func<Scenario, bool> read, Func<Scenario, bool, Scenario> write) =>
        new(name, group, label, source, ChoiceKind.List, [new("false", "No"), new("true", "Yes")],
            s => read(s) ? "true" : "false",
            (s, v) => write(s, v switch { "true" => true, "false" => false, _ => throw new FormatException($"'{v}' is not true or false.") }));

    /// <summary>The API (JSON) name of an enum value: camelCase, as the API writes it.</summary>
    public static string ApiName<T>(T value)
        where T : struct, Enum => ApiNames<T>.ByValue.TryGetValue(value, out var name) ? name : CamelCase(value);

    private static T Parse<T>(string value)
        where T : struct, Enum =>
        ApiNames<T>.ByName.TryGetValue(value, out var parsed) ? parsed : throw new FormatException($"'{value}' is not a {typeof(T).Name}.");

    private static string CamelCase<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    /// <summary>
    /// Every named value's API name, both ways, made once per enum: validation, links and the tornado read and parse
    /// choices on every scenario.
    /// </summary>
    private static class ApiNames<T>
        where T : struct, Enum
    {
        public static readonly Dictionary<T, string> ByValue = [];
        public static readonly Dictionary<string, T> ByName = new(StringComparer.Ordinal);

        static ApiNames()
        {
            foreach (var value in Enum.GetValues<T>())
            {
                var name = CamelCase(value);
                ByValue.TryAdd(value, name);
                ByName.TryAdd(name, value);
            }
        }
    }
}
