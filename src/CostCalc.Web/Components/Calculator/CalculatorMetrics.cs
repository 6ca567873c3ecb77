using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CostCalc.Web.Components.Calculator;

/// <summary>
/// Server-side timing of calculator updates, readable with dotnet-counters or any MeterListener
/// (bench/CostCalc.LoadProbe reads it to report p50/p95 per input change):
/// <c>dotnet-counters monitor --counters CostCalc.Web.Calculator -n CostCalc.Web</c>.
/// </summary>
public static class CalculatorMetrics
{
    public const string MeterName = "CostCalc.Web.Calculator";

    /// <summary>
    /// One accepted input change: validation, the estimate, and the page's synchronous re-render
    /// (charts, tables, ranking when visible) that <see cref="CalculatorState.Changed"/> triggers.
    /// </summary>
    public const string UpdateDurationName = "costcalc.calculator.update.duration";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Histogram<double> UpdateDuration = Meter.CreateHistogram<double>(
        UpdateDurationName, unit: "ms", description: "Server time from an accepted input change to the re-rendered page");

    internal static void RecordUpdate(long startTimestamp) =>
        UpdateDuration.Record(Stopwatch.GetElapsedTime(startTimestamp).TotalMilliseconds);
}
