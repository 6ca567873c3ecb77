using CostCalc.Domain.Capacity;
using CostCalc.Domain.Catalog;

namespace CostCalc.Domain.Scenarios;

/// <summary>What ECS refuses before anything is estimated (docs/model.md §11.3, §11.6), named at the input to change.</summary>
internal static class EcsValidation
{
    public static void Check(List<ValidationProblem> problems, Scenario scenario, InstanceCatalog catalog)
    {
        if (ScenarioChoices.Get("ecsNetworkMode").Matters(scenario) && problems.All(p => p.Field != "ecsInstanceType")
            && catalog.Find(scenario.EcsInstanceType ?? "") is { } type && EcsTaskNetwork.Refusal(type, scenario.EcsNetworkMode) is { } reason)
        {
            problems.Add(new("ecsNetworkMode", reason));
        }

        if (ScenarioFields.Find("ecsMaximumPercent")!.Matters(scenario)
            && scenario.EcsMinimumHealthyPercent >= 100 && scenario.EcsMaximumPercent <= 100)
        {
            problems.Add(new("ecsMaximumPercent",
                "With 100 % minimum healthy and 100 % maximum a rolling deployment can neither start a new task nor stop an old one: raise the maximum percent or lower the minimum healthy percent."));
        }
    }
}
