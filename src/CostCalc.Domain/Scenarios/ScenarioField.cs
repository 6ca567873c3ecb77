using System.Globalization;

namespace CostCalc.Domain.Scenarios;

public enum FieldGroup
{
    Workload,
    Common,
    Ec2,
    Eks,
    Operations,
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

    /// <summary>Counts accept only whole numbers.</summary>
    public bool WholeNumber { get; init; }

    /// <summary>"Peak concurrent connections must be a whole number between 1 and 100,000,000 connections."</summary>
    public string RangeMessage => string.Create(CultureInfo.InvariantCulture,
        $"{Label} must be {(WholeNumber ? "a whole number " : "")}between {Min:#,0.###} and {Max:#,0.###} {Unit}.");

    public bool Accepts(double value) =>
        double.IsFinite(value) && value >= Min && value <= Max && (!WholeNumber || Math.Abs(value % 1) < double.Epsilon);
}
