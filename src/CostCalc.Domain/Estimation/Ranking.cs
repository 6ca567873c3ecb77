using CostCalc.Domain.Catalog;
using CostCalc.Domain.Scenarios;

namespace CostCalc.Domain.Estimation;

/// <summary>One instance type's result on one path for the current workload.</summary>
public sealed record RankedInstance(
    string InstanceType,
    string Family,
    CpuArchitecture Architecture,
    int Generation,
    bool Burstable,
    int Vcpu,
    int MemoryMiB,
    decimal OnDemandUsdPerHour,
    long Machines,
    long Vms,
    long ConnectionsPerVm,
    BindingResource Binding,
    decimal MonthlyUsd,
    decimal UsdPer10kConnections);

/// <summary>Every instance type of the region, cheapest first, for each path.</summary>
public sealed record Ranking(string Region, string SnapshotId, IReadOnlyList<RankedInstance> Ec2, IReadOnlyList<RankedInstance> Eks);

public static class RankingExtensions
{
    /// <summary>
    /// Sizes the scenario's peak on every instance type priced in the region, as the EC2 instance and
    /// as the EKS node; types that cannot hold a VM are left out.
    /// </summary>
    public static Ranking Rank(this Estimator estimator, Scenario scenario)
    {
        var problems = ScenarioValidator.Validate(scenario, estimator.Prices, estimator.Catalog);
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems.Select(p => $"{p.Field}: {p.Message}")), nameof(scenario));
        }

        var region = estimator.Prices.Find(scenario.Region)!;
        var ec2 = new List<RankedInstance>(region.InstanceTypeNames.Count);
        var eks = new List<RankedInstance>(region.InstanceTypeNames.Count);
        double connections = scenario.PeakConnections;
        foreach (var name in region.InstanceTypeNames)
        {
            if (estimator.Catalog.Find(name) is not { } type)
            {
                continue;
            }

            var price = region.Find(name)!.OnDemandUsdPerHour;
            AddIfFeasible(ec2, new Ec2Plan(scenario, region, type), type, price, connections);
            if (!scenario.Fargate)
            {
                AddIfFeasible(eks, new EksPlan(scenario with { EksNodeInstanceType = name }, region, estimator.Catalog), type, price, connections);
            }
        }

        ec2.Sort(ByCost);
        eks.Sort(ByCost);
        return new Ranking(region.Region.Code, estimator.Prices.SnapshotId, ec2, eks);
    }

    private static int ByCost(RankedInstance a, RankedInstance b)
    {
        var byCost = a.MonthlyUsd.CompareTo(b.MonthlyUsd);
        return byCost != 0 ? byCost : string.CompareOrdinal(a.InstanceType, b.InstanceType);
    }

    private static void AddIfFeasible(List<RankedInstance> list, IPathPlan plan, InstanceType type, decimal onDemand, double connections)
    {
        var size = plan.Size(connections);
        if (!size.Feasible)
        {
            return;
        }

        var monthly = plan.MonthlyUsd(size, connections);
        list.Add(new RankedInstance(type.Name, type.Family, type.Architecture, type.Generation, type.IsBurstable, type.Vcpu,
            type.MemoryMiB, onDemand, size.Machines, size.Vms, size.Capacity.ConnectionsPerVm, size.Capacity.Binding, monthly,
            monthly / (decimal)connections * 10_000));
    }
}
