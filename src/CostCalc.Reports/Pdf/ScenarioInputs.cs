using CostCalc.Domain.Scenarios;

namespace CostCalc.Reports.Pdf;

/// <summary>One input as the PDF lists it: its value and the default's, with unit and the default's source.</summary>
internal sealed record InputRow(FieldGroup Group, string Label, string Value, string DefaultValue, string Source)
{
    public bool IsDefault => Value == DefaultValue;
}

/// <summary>
/// Every input of a scenario, numeric (from <see cref="ScenarioFields.All"/>) and non-numeric
/// (region, instance types, purchase options, layouts, switches), in the calculator's groups and order.
/// </summary>
internal static class ScenarioInputs
{
    private const string PlanningChoice = "Planning choice; the calculator's default";

    public static IReadOnlyList<InputRow> Of(Scenario scenario)
    {
        var d = Scenario.Default;
        var rows = new List<InputRow>();
        rows.AddRange(Numeric(scenario, FieldGroup.Workload));
        rows.Add(Choice(FieldGroup.Common, "Region", scenario.Region, d.Region, PlanningChoice));
        rows.AddRange(Numeric(scenario, FieldGroup.Common));
        rows.Add(Choice(FieldGroup.Common, "Load balancer (both paths)", scenario.LoadBalancer, d.LoadBalancer, Sources.Alb));
        rows.Add(Choice(FieldGroup.Common, "Burstable types may use unlimited credits", scenario.BurstableUnlimited, d.BurstableUnlimited, Sources.CpuCredits));
        rows.Add(Choice(FieldGroup.Ec2, "Instance type", scenario.Ec2InstanceType, d.Ec2InstanceType, PlanningChoice));
        rows.Add(Choice(FieldGroup.Ec2, "Purchase option", scenario.Ec2PurchaseOption, d.Ec2PurchaseOption, Sources.SpotAdvisor));
        rows.Add(Choice(FieldGroup.Ec2, "Deploy method", scenario.Ec2DeployMethod, d.Ec2DeployMethod, Sources.HotCodeUpgrade));
        rows.AddRange(Numeric(scenario, FieldGroup.Ec2));
        rows.Add(Choice(FieldGroup.Eks, "Fargate instead of nodes", scenario.Fargate, d.Fargate, Sources.Fargate));
        rows.Add(Choice(FieldGroup.Eks, "Node instance type", scenario.EksNodeInstanceType, d.EksNodeInstanceType, PlanningChoice));
        rows.Add(Choice(FieldGroup.Eks, "Node purchase option", scenario.EksPurchaseOption, d.EksPurchaseOption, Sources.SpotAdvisor));
        rows.Add(Choice(FieldGroup.Eks, "EKS Auto Mode", scenario.AutoMode, d.AutoMode, Sources.AutoMode));
        rows.Add(Choice(FieldGroup.Eks, "Max pods mode", scenario.MaxPodsMode, d.MaxPodsMode, Sources.MaxPodsEni));
        rows.Add(Choice(FieldGroup.Eks, "Pod layout", scenario.PodLayout, d.PodLayout, Sources.SchedulersQuota));
        rows.Add(Choice(FieldGroup.Eks, "Control-plane support", scenario.SupportTier, d.SupportTier, Sources.SupportWindow));
        rows.Add(Choice(FieldGroup.Eks, "Cluster add-ons run", scenario.AddOnPlacement, d.AddOnPlacement, Sources.SystemNodes));
        rows.Add(Choice(FieldGroup.Eks, "System node type", scenario.SystemNodeInstanceType, d.SystemNodeInstanceType, Sources.SystemNodes));
        rows.AddRange(Numeric(scenario, FieldGroup.Eks));
        rows.AddRange(Numeric(scenario, FieldGroup.Operations));
        return rows;
    }

    public static string GroupName(FieldGroup group) => group switch
    {
        FieldGroup.Workload => "Workload",
        FieldGroup.Common => "Common",
        FieldGroup.Ec2 => "EC2 plan",
        FieldGroup.Eks => "EKS plan",
        FieldGroup.Operations => "Operations",
        _ => group.ToString(),
    };

    /// <summary>"20 %", "100,000 connections", "0.2 msg/s".</summary>
    public static string WithUnit(double value, string unit) => $"{PdfFormat.Number(value)} {unit}";

    private static IEnumerable<InputRow> Numeric(Scenario scenario, FieldGroup group) =>
        ScenarioFields.All.Where(f => f.Group == group)
            .Select(f => new InputRow(group, f.Label, WithUnit(f.Read(scenario), f.Unit), WithUnit(f.DefaultValue, f.Unit), f.Source));

    private static InputRow Choice<T>(FieldGroup group, string label, T value, T defaultValue, string source) =>
        new(group, label, ChoiceNames.Of(value), ChoiceNames.Of(defaultValue), source);
}
