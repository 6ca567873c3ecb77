using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CostCalc.Web.Hosting;

/// <summary>
/// The API's JSON: camelCase, enums as camelCase strings, unknown fields rejected, and property names
/// matched exactly ("PeakConnections" is an unknown field; the web defaults would accept it). Enum values
/// are read case-insensitively by <see cref="JsonStringEnumConverter"/>, which the OpenAPI schema needs to
/// list them; the API's scenario reader checks them exactly first (ScenarioBody, <see cref="EnumNames"/>).
/// </summary>
public static class JsonSetup
{
    public static void Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.PropertyNameCaseInsensitive = false;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.RespectNullableAnnotations = true;
        options.NumberHandling = JsonNumberHandling.Strict;
    }

    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>The exact strings an enum is written as (and documented with) in the API.</summary>
    public static IReadOnlyList<string> EnumNames(Type enumType) =>
        Names.GetOrAdd(enumType, t => [.. Enum.GetValues(t).Cast<object>().Select(v => JsonSerializer.Deserialize<string>(JsonSerializer.Serialize(v, t, Options))!)]);

    private static readonly ConcurrentDictionary<Type, string[]> Names = new();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Configure(options);
        return options;
    }
}

