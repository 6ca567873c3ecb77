using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using CostCalc.Web.Hosting;

namespace CostCalc.Web.Reports;

/// <summary>
/// How scenarios and estimates are written into and read out of the store: the API's JSON (so a
/// stored estimate is what GET /api/reports/{id} returns), except that reading skips members a later
/// version of the model no longer has, so an old report still opens.
/// </summary>
public static class ReportJson
{
    /// <summary>Version of the stored scenario/estimate JSON; raise it when the shape changes incompatibly.</summary>
    public const int SchemaVersion = 1;

    public static JsonSerializerOptions Write => JsonSetup.Options;

    public static JsonSerializerOptions Read { get; } = new(JsonSetup.Options)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    };

    /// <summary>The app's informational version, e.g. "1.0.0+3f2a9c1" (AssemblyInformationalVersion).</summary>
    public static string AppVersion { get; } =
        typeof(ReportJson).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(ReportJson).Assembly.GetName().Version?.ToString()
        ?? "unknown";
}
