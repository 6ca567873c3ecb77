using CostCalc.Domain.Catalog;
using CostCalc.Domain.Prices;

namespace CostCalc.Domain.Scenarios;

/// <summary>One reason a scenario cannot be estimated, naming the input (camelCase, as in the API).</summary>
public sealed record ValidationProblem(string Field, string Message);

/// <summary>Checks every input before it reaches the estimator, so an estimate never sees a bad value.</summary>
public static class ScenarioValidator
{
    public static IReadOnlyList<ValidationProblem> Validate(Scenario scenario, PriceBook prices, InstanceCatalog catalog)
    {
        var problems = new List<ValidationProblem>();
        foreach (var field in ScenarioFields.All)
        {
            var value = field.Read(scenario);
            if (!field.Accepts(value))
            {
                problems.Add(new(field.Name, field.RangeMessage));
            }
        }

        CheckChoice(problems, "ec2PurchaseOption", scenario.Ec2PurchaseOption);
        CheckChoice(problems, "eksPurchaseOption", scenario.EksPurchaseOption);
        CheckChoice(problems, "podLayout", scenario.PodLayout);
        CheckChoice(problems, "maxPodsMode", scenario.MaxPodsMode);
        CheckChoice(problems, "supportTier", scenario.SupportTier);
        CheckChoice(problems, "loadBalancer", scenario.LoadBalancer);
        CheckChoice(problems, "ec2DeployMethod", scenario.Ec2DeployMethod);
        CheckChoice(problems, "addOnPlacement", scenario.AddOnPlacement);

        var region = prices.Find(scenario.Region ?? "");
        if (region is null)
        {
            problems.Add(new("region", $"Unknown region '{scenario.Region}'. Known regions: {string.Join(", ", prices.Regions.Select(r => r.Region.Code))}."));
        }
        else
        {
            CheckInstanceType(problems, "ec2InstanceType", scenario.Ec2InstanceType, region, catalog);
            if (!scenario.Fargate)
            {
                CheckInstanceType(problems, "eksNodeInstanceType", scenario.EksNodeInstanceType, region, catalog);
                if (scenario.AddOnPlacement == AddOnPlacement.SystemNodes)
                {
                    CheckInstanceType(problems, "systemNodeInstanceType", scenario.SystemNodeInstanceType, region, catalog);
                }
            }
        }

        if (scenario.PodLayout == PodLayout.FixedPodSize && scenario.PodCpuLimitMillicores > 0
            && scenario.PodCpuLimitMillicores < scenario.PodCpuRequestMillicores)
        {
            problems.Add(new("podCpuLimitMillicores", "Pod CPU limit must be 0 (no limit) or at least the CPU request."));
        }

        if (scenario.Fargate && scenario.AutoMode)
        {
            problems.Add(new("autoMode", "Auto Mode manages EC2 nodes; it cannot be combined with Fargate."));
        }

        return problems;
    }

    private static void CheckChoice<T>(List<ValidationProblem> problems, string field, T value)
        where T : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            problems.Add(new(field, $"Must be one of: {string.Join(", ", Enum.GetNames<T>())}."));
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
