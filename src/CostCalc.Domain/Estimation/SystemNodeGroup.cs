using CostCalc.Domain.Capacity;
using CostCalc.Domain.Catalog;
using CostCalc.Domain.Prices;
using CostCalc.Domain.Scenarios;

namespace CostCalc.Domain.Estimation;

/// <summary>
/// A small node group of its own for the cluster add-ons: at least the scenario's count (two by
/// default, so CoreDNS survives losing a node), more if the add-ons' requests need them. No nodes
/// when an add-on pod does not fit the type at all.
/// </summary>
internal sealed record SystemNodeGroup(InstanceType Type, NodeOverhead Node, decimal UsdPerHour, bool PriceFellBack, long PodsPerNode, long Nodes)
{
    public static SystemNodeGroup For(Scenario s, RegionPrices region, InstanceCatalog catalog)
    {
        var type = catalog.Find(s.SystemNodeInstanceType)
            ?? throw new ArgumentException("Unknown system node type.", nameof(s));
        var (usd, fellBack) = Billing.HourlyPrice(region.Find(type.Name)!, s.EksPurchaseOption);
        var node = NodeOverhead.For(type, s.MaxPodsMode, s.FixedMaxPods, s.AutoMode);
        var free = NodeRoom.AfterDaemonSets(node, s);
        var addOns = EksCluster.AddOnsOnNodes(s);
        var perNode = free.Fits(addOns.CpuMillicores, addOns.MemoryMiB);
        var nodes = perNode <= 0 ? 0 : Math.Max(s.SystemNodeCount, (addOns.Pods + perNode - 1) / perNode);
        return new SystemNodeGroup(type, node, usd, fellBack, perNode, nodes);
    }
}
