using System.Reflection;

namespace CostCalc.Web.Reports;

/// <summary>The app version stored beside every saved report.</summary>
public static class ReportJson
{
    /// <summary>The app's informational version, e.g. "1.0.0+3f2a9c1" (AssemblyInformationalVersion).</summary>
    public static string AppVersion { get; } =
        typeof(ReportJson).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(ReportJson).Assembly.GetName().Version?.ToString()
        ?? "unknown";
}
