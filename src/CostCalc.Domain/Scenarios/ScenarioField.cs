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
/// range and the source of its default.
/// </summary>
public sealed record ScenarioField(
    string Name,
    FieldGroup Group,
    string Label,
    string Unit,
    double Min,
    double Max,
    string Source,
    Func<Scenario, double> Read)
{
    public double DefaultValue => Read(Scenario.Default);

    public bool Accepts(double value) => double.IsFinite(value) && value >= Min && value <= Max;
}
