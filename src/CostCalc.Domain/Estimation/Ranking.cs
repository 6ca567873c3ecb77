using CostCalc.Domain.Catalog;
using CostCalc.Domain.Scenarios;

namespace CostCalc.Domain.Estimation;

/// <summary>One instance type's result on one path for the current workload.</summary>
/// <param name="BurstableBaselinePerVcpu">A burstable type's CPU baseline per vCPU (0.2 = 20 %), which sizes it unless credits are unlimited; null otherwise.</param>
public sealed record RankedInstance(
    string InstanceType,
    string Family,
    CpuArchitecture Architecture,
    int Generation,
    bool Burstable,
    double? BurstableBaselinePerVcpu,
    int Vcpu,
    int MemoryMiB,
    decimal OnDemandUsdPerHour,
    long Machines,
    long Vms,
    long ConnectionsPerVm,
    BindingResource Binding,
    decimal MonthlyUsd,
    decimal UsdPer10kConnections);

/// <summary>Every instance type of the region on one path, cheapest first.</summary>
/// <param name="CurrentInstanceType">The type the scenario picks for this path now.</param>
public sealed record PathRanking(string Path, string Name, string MachineTypeField, string CurrentInstanceType, IReadOnlyList<RankedInstance> Rows)
{
    /// <summary>The current pick's row; null when it cannot hold a VM of this workload.</summary>
    public RankedInstance? Current => Rows.FirstOrDefault(r => r.InstanceType == CurrentInstanceType);

    /// <summary>The cheapest type; null when none can run the workload.</summary>
    public RankedInstance? Best => Rows.Count > 0 ? Rows[0] : null;

    /// <summary>What choosing <paramref name="row"/> saves a month against the current pick (negative: it costs more); null without a current row.</summary>
    public decimal? SavingVsCurrent(RankedInstance row) => Current is { } current ? current.MonthlyUsd - row.MonthlyUsd : null;
}

/// <summary>Every instance type of the region, cheapest first, for each shown path that runs on instances.</summary>
public sealed record Ranking(string Region, string SnapshotId, IReadOnlyList<PathRanking> Paths);

public static class RankingExtensions
{
    /// <summary>
    /// Sizes the scenario's peak on every instance type priced in the region, as the machine of every
    /// shown path that has an instance type to choose; types that cannot hold a VM are left out.
    /// </summary>
    public static Ranking Rank(this Estimator estimator, Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(estimator);
        var problems = estimator.Validate(scenario);
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems.Select(p => $"{p.Field}: {p.Message}")), nameof(scenario));
        }

        var list = estimator.Prices.Find(scenario.Region)!;
        var region = estimator.PricesFor(scenario);
        double connections = scenario.PeakConnections;
        var sheet = CostSheet.Totals();
        var paths = new List<PathRanking>();
        foreach (var path in estimator.Shown(scenario))
        {
            if (path.MachineTypeField is not { } field)
            {
                continue;
            }

            var rows = new List<RankedInstance>(region.InstanceTypeNames.Count);
            foreach (var name in region.InstanceTypeNames)
            {
                if (estimator.Catalog.Find(name) is not { } type)
                {
                    continue;
                }

                var plan = estimator.Plan(path, field.Write(scenario, name), region);
                AddIfFeasible(rows, plan, type, list.Find(name)!.OnDemandUsdPerHour, connections, sheet);
            }

            rows.Sort(ByCost);
            paths.Add(new PathRanking(path.Id, path.Name, field.Name, field.Read(scenario), rows));
        }

        return new Ranking(list.Region.Code, estimator.Prices.SnapshotId, paths);
    }

    private static int ByCost(RankedInstance a, RankedInstance b)
    {
        var byCost = a.MonthlyUsd.CompareTo(b.MonthlyUsd);
        return byCost != 0 ? byCost : string.CompareOrdinal(a.InstanceType, b.InstanceType);
    }

    private static void AddIfFeasible(List<RankedInstance> list, IPathPlan plan, InstanceType type, decimal onDemand, double connections, CostSheet sheet)
    {
        var size = plan.Size(connections);
        if (!size.Feasible)
        {
            return;
        }

        sheet.Clear();
        plan.Cost(size, connections, sheet);
        var monthly = sheet.Total;
        list.Add(new RankedInstance(type.Name, type.Family, type.Architecture, type.Generation, type.IsBurstable, type.BurstableBaselinePerVcpu, type.Vcpu,
            type.MemoryMiB, onDemand, size.Machines, size.Vms, size.Capacity.ConnectionsPerVm, size.Capacity.Binding, monthly,
            monthly / (decimal)connections * 10_000));
    }
}
