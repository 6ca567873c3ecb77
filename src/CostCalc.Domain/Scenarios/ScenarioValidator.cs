using CostCalc.Domain.Capacity;
using CostCalc.Domain.Catalog;
using CostCalc.Domain.Prices;

namespace CostCalc.Domain.Scenarios;

/// <summary>One reason a scenario cannot be estimated, naming the input (camelCase, as in the API).</summary>
public sealed record ValidationProblem(string Field, string Message);

/// <summary>Checks every input before it reaches the estimator, so an estimate never sees a bad value.</summary>
public static class ScenarioValidator
{
    public const string HiddenPathsField = "hiddenPaths";

    /// <param name="pathIds">Ids of the paths the estimator compares; the built-in paths when null.</param>
    public static IReadOnlyList<ValidationProblem> Validate(
        Scenario scenario, PriceBook prices, InstanceCatalog catalog, IReadOnlyCollection<string>? pathIds = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(prices);
        var problems = new List<ValidationProblem>();
        foreach (var field in ScenarioFields.All)
        {
            if (!field.Accepts(field.Read(scenario)))
            {
                problems.Add(new(field.Name, field.RangeMessage));
            }
        }

        var region = prices.Find(scenario.Region ?? "");
        foreach (var choice in ScenarioChoices.All)
        {
            var value = choice.Read(scenario);
            switch (choice.Kind)
            {
                case ChoiceKind.List when !choice.IsListed(value):
                    problems.Add(new(choice.Name, choice.ValuesMessage));
                    break;
                case ChoiceKind.Region when region is null:
                    problems.Add(new(choice.Name, $"Unknown region '{value}'. Known regions: {string.Join(", ", prices.Regions.Select(r => r.Region.Code))}."));
                    break;
                case ChoiceKind.InstanceType when region is not null && choice.Matters(scenario):
                    CheckInstanceType(problems, choice.Name, value, region, catalog);
                    break;
            }
        }

        var known = pathIds ?? [PathIds.Ec2, PathIds.Eks, PathIds.EksFargate, PathIds.EcsEc2, PathIds.EcsFargate];
        CheckHiddenPaths(problems, scenario.HiddenPaths, known);
        foreach (var list in ScenarioLists.All)
        {
            list.Check(scenario, region, known, problems);
        }

        CheckAutoMode(problems, scenario, catalog);
        EcsValidation.Check(problems, scenario, catalog);
        if (scenario.PodLayout == PodLayout.FixedPodSize && scenario.PodCpuLimitMillicores > 0
            && scenario.PodCpuLimitMillicores < scenario.PodCpuRequestMillicores)
        {
            problems.Add(new("podCpuLimitMillicores", "Pod CPU limit must be 0 (no limit) or at least the CPU request."));
        }

        if (scenario.SparePolicy == SparePolicy.Zone && scenario.AvailabilityZones < 2)
        {
            problems.Add(new("sparePolicy",
                "Surviving the loss of a zone needs at least 2 availability zones: with 1 zone, losing it loses every machine. Raise availabilityZones or count spares in machines or VMs."));
        }

        return problems;
    }

    /// <summary>What Auto Mode does not allow: an add-on node group of its own, and types it does not launch (model.md §1.2).</summary>
    private static void CheckAutoMode(List<ValidationProblem> problems, Scenario scenario, InstanceCatalog catalog)
    {
        if (!scenario.AutoMode || !ScenarioChoices.Get("autoMode").Matters(scenario))
        {
            return;
        }

        if (scenario.AddOnPlacement == AddOnPlacement.SystemNodes)
        {
            problems.Add(new("addOnPlacement",
                "With EKS Auto Mode, cluster DNS is part of Auto Mode and metrics-server runs on the Auto Mode nodes: there is no add-on node group to size. Choose \"On the BEAM nodes\" or turn Auto Mode off."));
        }

        if (problems.All(p => p.Field != "eksNodeInstanceType")
            && catalog.Find(scenario.EksNodeInstanceType ?? "") is { } type && AutoModeNodes.Refusal(type) is { } reason)
        {
            problems.Add(new("eksNodeInstanceType", reason));
        }
    }

    private static void CheckHiddenPaths(List<ValidationProblem> problems, PathList? hidden, IReadOnlyCollection<string> known)
    {
        if (hidden is null)
        {
            problems.Add(new(HiddenPathsField, "Must be a list of path ids (it may be empty)."));
            return;
        }

        var unknown = hidden.Ids.Where(id => !known.Contains(id)).ToList();
        if (unknown.Count > 0)
        {
            problems.Add(new(HiddenPathsField, $"Unknown path {string.Join(", ", unknown.Select(u => $"'{u}'"))}. Paths: {string.Join(", ", known)}."));
        }
        else if (known.All(hidden.Contains))
        {
            problems.Add(new(HiddenPathsField, "At least one path must stay shown."));
        }
    }

    private static void CheckInstanceType(
        List<ValidationProblem> problems, string field, string? name, RegionPrices region, InstanceCatalog catalog)
    {
        if (string.IsNullOrWhiteSpace(name) || catalog.Find(name) is null)
        {
            problems.Add(new(field, $"Unknown instance type '{name}'."));
        }
        else if (region.Find(name) is null)
        {
            problems.Add(new(field, $"Instance type '{name}' has no Linux price in {region.Region.Code}."));
        }
    }
}
