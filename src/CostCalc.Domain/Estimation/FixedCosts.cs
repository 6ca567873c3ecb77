using CostCalc.Domain.Scenarios;

namespace CostCalc.Domain.Estimation;

/// <summary>
/// A path's plan with the user's fixed costs for that path added as cost lines of their own
/// (<see cref="CostKind.FixedCost"/>): an amount a month, or an amount per machine-month times the machine-hours
/// the path runs ÷ 730. Every other answer is the plan's own.
/// </summary>
internal sealed class FixedCostsPlan(IPathPlan plan, IReadOnlyList<FixedCost> costs) : IPathPlan
{
    public string MachineType => plan.MachineType;

    public string MachineKind => plan.MachineKind;

    public PathSize Size(double connections) => plan.Size(connections);

    public void Cost(PathSize size, double connections, CostSheet sheet)
    {
        plan.Cost(size, connections, sheet);
        decimal? machines = null;
        foreach (var cost in costs)
        {
            if (cost.UsdPerMonth is { } monthly)
            {
                sheet.Add(CostKind.FixedCost, cost.Name, monthly, $"${monthly:#,0.##} a month (your figure)", Sources.YourRates);
            }
            else if (cost.UsdPerMachineMonth is { } perMachine)
            {
                machines ??= plan.MachineHoursPerMonth(size, connections) / Billing.HoursPerMonth;
                sheet.Add(CostKind.FixedCost, cost.Name, perMachine * machines.Value,
                    $"{machines.Value:#,0.##} {plan.MachineKind}-months × ${perMachine:#,0.##} (your figure)", Sources.YourRates);
            }
        }
    }

    public decimal MachineHoursPerMonth(PathSize size, double connections) => plan.MachineHoursPerMonth(size, connections);

    public ResourceSplit MemorySplit(PathSize size, double connections) => plan.MemorySplit(size, connections);

    public ResourceSplit CpuSplit(PathSize size, double connections) => plan.CpuSplit(size, connections);

    public IEnumerable<Warning> Warnings(PathSize size) => plan.Warnings(size);

    public Disruption Disruption(PathSize size) => plan.Disruption(size);

    public string? Survives(PathSize size) => plan.Survives(size);

    // The bridge explains the compute line, which fixed costs do not touch: the plan's own price and reasons.
    public decimal MachineUsdPerHour => plan.MachineUsdPerHour;

    public IReadOnlyList<BridgeReason> BridgeReasons() => plan.BridgeReasons();

    /// <summary>The path's plan at the scenario's prices: the plan itself, or with the scenario's fixed costs for the path added.</summary>
    public static IPathPlan For(DeploymentPath path, Scenario scenario, Prices.RegionPrices region, Catalog.InstanceCatalog catalog)
    {
        var plan = path.Plan(scenario, region, catalog);
        if (scenario.FixedCosts.Count == 0)
        {
            return plan;
        }

        var mine = scenario.FixedCosts.Where(c => c.Path == path.Id).ToList();
        return mine.Count == 0 ? plan : new FixedCostsPlan(plan, mine);
    }
}
