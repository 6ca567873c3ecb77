using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace CostCalc.Web.Components.Charts;

/// <summary>
/// A chart's markup drawn once for each immutable source (an estimate or an analysis) and view of it: circuits showing
/// the same what-if share its results (<see cref="Calculator.SharedResults"/>) and so share its drawings, where each
/// would otherwise draw and hold its own copy of the same SVG. A drawing lives exactly as long as its source.
/// </summary>
internal static class DrawnOnce
{
    private static readonly ConditionalWeakTable<object, ConcurrentDictionary<string, string>> Drawings = new();

    /// <summary>The markup of <paramref name="view"/> of <paramref name="source"/>, drawn by <paramref name="draw"/> the first time only.</summary>
    public static string Markup(object source, string view, Func<string> draw) =>
        Drawings.GetValue(source, static _ => new(StringComparer.Ordinal)).GetOrAdd(view, static (_, d) => d(), draw);
}
