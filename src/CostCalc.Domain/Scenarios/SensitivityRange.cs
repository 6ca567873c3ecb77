using System.Globalization;

namespace CostCalc.Domain.Scenarios;

/// <summary>
/// The low and high value the sensitivity view (model.md §8.1) tries for one numeric input, worked out from
/// the input's current value, with the reason for the band. Values are clamped to the field's allowed range
/// (and rounded for whole-number fields) by <see cref="ScenarioField.SensitivityValues"/>.
/// </summary>
/// <param name="Low">The low value for a current value.</param>
/// <param name="High">The high value for a current value.</param>
/// <param name="Text">How the band is formed, e.g. "×0.5 / ×2".</param>
/// <param name="Source">Why this band: one of <see cref="Sources"/>.</param>
public sealed record SensitivityRange(Func<double, double> Low, Func<double, double> High, string Text, string Source)
{
    /// <summary>The value times <paramref name="low"/> and times <paramref name="high"/>.</summary>
    public static SensitivityRange Times(double low, double high, string source) =>
        new(v => v * low, v => v * high, string.Create(CultureInfo.InvariantCulture, $"×{low:0.###} / ×{high:0.###}"), source);

    /// <summary>The value less <paramref name="below"/> and plus <paramref name="above"/> (points of a percentage, hours …).</summary>
    public static SensitivityRange Plus(double below, double above, string unit, string source) =>
        new(v => v - below, v => v + above,
            string.Create(CultureInfo.InvariantCulture, $"−{below:0.###} / +{above:0.###} {unit}"), source);

    /// <summary>
    /// Half and double the value, and at least <paramref name="floorAbove"/> more than it for the high end, so an
    /// input left at 0 (operations hours) still has a band.
    /// </summary>
    public static SensitivityRange HalfOrDouble(double floorAbove, string unit, string source) =>
        new(v => v * 0.5, v => Math.Max(v * 2, v + floorAbove),
            string.Create(CultureInfo.InvariantCulture, $"×0.5 / ×2 (at least +{floorAbove:0.###} {unit})"), source);
}
