using System.Globalization;

namespace CostCalc.Domain.Scenarios;

public enum FieldGroup
{
    Workload,
    Common,
    Ec2,
    Eks,
    Ecs,
    Operations,

    /// <summary>Discounts, overrides and fixed costs of your own (docs/model.md §10).</summary>
    YourPrices,
}

/// <summary>
/// What the UI, the API schema and the PDF say about one numeric input: its label, unit, allowed
/// range and the source of its default, and how to read and write it.
/// </summary>
public sealed record ScenarioField(
    string Name,
    FieldGroup Group,
    string Label,
    string Unit,
    double Min,
    double Max,
    string Source,
    Func<Scenario, double> Read,
    Func<Scenario, double, Scenario> Write)
{
    public double DefaultValue => Read(Scenario.Default);

    /// <summary>Ids of the paths the input changes; empty when it applies to every path.</summary>
    public IReadOnlyList<string> Paths { get; init; } = [];

    /// <summary>When false the input is not used for this scenario (e.g. the pod size with one pod per node).</summary>
    public Func<Scenario, bool> InUse { get; init; } = _ => true;

    /// <summary>Counts accept only whole numbers.</summary>
    public bool WholeNumber { get; init; }

    /// <summary>
    /// The low/high band the sensitivity view tries for this input (model.md §8.1); null when the input is
    /// not one of the uncertain inputs it varies.
    /// </summary>
    public SensitivityRange? Sensitivity { get; init; }

    /// <summary>
    /// The low and high value of <see cref="Sensitivity"/> for the scenario's current value, clamped to the
    /// allowed range and rounded for whole-number inputs; null without a band.
    /// </summary>
    public (double Low, double High)? SensitivityValues(Scenario scenario)
    {
        if (Sensitivity is not { } range)
        {
            return null;
        }

        var current = Read(scenario);
        return (Fit(range.Low(current)), Fit(range.High(current)));
    }

    private double Fit(double value)
    {
        var fitted = Math.Clamp(double.IsFinite(value) ? value : Min, Min, Max);
        return WholeNumber ? Math.Clamp(Math.Round(fitted, MidpointRounding.AwayFromZero), Min, Max) : fitted;
    }

    /// <summary>"Peak concurrent connections must be a whole number between 1 and 100,000,000 connections."</summary>
    public string RangeMessage => string.Create(CultureInfo.InvariantCulture,
        $"{Label} must be {(WholeNumber ? "a whole number " : "")}between {Min:#,0.###} and {Max:#,0.###} {Unit}.");

    public bool Accepts(double value) =>
        double.IsFinite(value) && value >= Min && value <= Max && (!WholeNumber || Math.Abs(value % 1) < double.Epsilon);
}

public static class ScenarioInput
{
    /// <summary>Whether an input matters to the scenario: in use, and for a path that is not hidden.</summary>
    public static bool Matters(Scenario scenario, IReadOnlyList<string> paths, Func<Scenario, bool> inUse)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(inUse);
        return inUse(scenario) && (paths.Count == 0 || paths.Any(p => scenario.HiddenPaths?.Contains(p) != true));
    }

    public static bool Matters(this ScenarioField field, Scenario scenario) => Matters(scenario, field.Paths, field.InUse);

    public static bool Matters(this ScenarioChoice choice, Scenario scenario) => Matters(scenario, choice.Paths, choice.InUse);
}
