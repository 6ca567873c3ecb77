using CostCalc.Domain.Estimation;
using CostCalc.Domain.Vocabulary;

namespace CostCalc.Domain.Scenarios;

/// <summary>One input as the PDF, the report page and the Markdown export list it: its value and the default's, with unit and the default's source.</summary>
public sealed record InputRow(FieldGroup Group, string Label, string Value, string DefaultValue, string Source)
{
    public bool IsDefault => Value == DefaultValue;
}

/// <summary>
/// The inputs that matter to a scenario (<see cref="ScenarioInput.Matters(ScenarioChoice, Scenario)"/>): in
/// each of the calculator's groups its choices (<see cref="ScenarioChoices.All"/>), then its numbers
/// (<see cref="ScenarioFields.All"/>), and which paths are hidden, if any.
/// </summary>
public static class ScenarioInputs
{
    public const string HiddenLabel = "Paths left out";

    /// <summary>The default of a list and of the hidden paths: nothing listed.</summary>
    public const string None = "none";

    public static IReadOnlyList<InputRow> Of(Scenario scenario)
    {
        var rows = new List<InputRow>();
        foreach (var group in Enum.GetValues<FieldGroup>())
        {
            rows.AddRange(ScenarioChoices.All.Where(c => c.Group == group && c.Matters(scenario))
                .Select(c => new InputRow(group, c.Label, c.LabelOf(c.Read(scenario)), c.LabelOf(c.DefaultValue), c.Source)));
            rows.AddRange(ScenarioFields.All.Where(f => f.Group == group && f.Matters(scenario))
                .Select(f => new InputRow(group, f.Label, WithUnit(f.Read(scenario), f.Unit), WithUnit(f.DefaultValue, f.Unit), f.Source)));
            foreach (var list in ScenarioLists.All.Where(l => l.Group == group))
            {
                var items = list.Describe(scenario);
                for (var i = 0; i < items.Count; i++)
                {
                    rows.Add(new InputRow(group, $"{list.Label} {i + 1}", items[i], None, list.Source));
                }
            }

            if (group == FieldGroup.Common && scenario.HiddenPaths.Count > 0)
            {
                rows.Add(new InputRow(group, HiddenLabel, string.Join(", ", scenario.HiddenPaths.Ids.Select(PathName)), None,
                    "Planning choice: every path is compared by default"));
            }
        }

        return rows;
    }

    /// <summary>The inputs that matter to the scenario and differ from their defaults, in the same order.</summary>
    public static IReadOnlyList<InputRow> Changed(Scenario scenario) => [.. Of(scenario).Where(r => !r.IsDefault)];

    public static string GroupName(FieldGroup group) => group switch
    {
        FieldGroup.Workload => "Workload",
        FieldGroup.Common => "Common",
        FieldGroup.Ec2 => "EC2 plan",
        FieldGroup.Eks => "EKS plans (nodes and Fargate)",
        FieldGroup.Ecs => "ECS plans (EC2 and Fargate)",
        FieldGroup.Operations => "Operations",
        FieldGroup.YourPrices => "Your prices (discounts, overrides, fixed costs)",
        _ => group.ToString(),
    };

    /// <summary>"20 %", "100,000 connections", "0.2 msg/s".</summary>
    public static string WithUnit(double value, string unit) => $"{Formats.Number(value)} {unit}";

    /// <summary>A hidden path is not in the estimate, so its name comes from the built-in paths (or is its id).</summary>
    private static string PathName(string id) => DeploymentPaths.BuiltIn.FirstOrDefault(p => p.Id == id)?.Name ?? id;
}
