using System.Globalization;
using CostCalc.Domain.Capacity;
using CostCalc.Domain.Catalog;
using CostCalc.Domain.Prices;
using CostCalc.Domain.Scenarios;

namespace CostCalc.Domain.Estimation;

/// <summary>
/// EKS: every pod runs its own BEAM VM. Pods run on nodes (after kube-reserved, eviction and
/// DaemonSets) or on Fargate; the cluster pays its control plane and, with Auto Mode, a fee per node.
/// </summary>
internal sealed partial class EksPlan : IPathPlan
{
    /// <summary>CoreDNS (2 replicas) and metrics-server (DOMAIN §2.5).</summary>
    public const int ClusterAddOnPods = 3;

    private readonly Scenario _scenario;
    private readonly RegionPrices _region;
    private readonly InstanceType? _type;
    private readonly NodeOverhead? _node;
    private readonly decimal _nodeUsdPerHour;
    private readonly bool _priceFellBack;
    private readonly VmResources _vm;
    private readonly int _freeCpuMillicores;
    private readonly int _freeMemoryMiB;
    private readonly long _podsPerNode;
    private readonly string _podsPerNodeLimitedBy = "";
    private readonly long _systemNodes;
    private readonly FargateShape? _fargatePod;
    private readonly FargateShape? _fargateAddOnPod;

    public EksPlan(Scenario scenario, RegionPrices region, InstanceType? nodeType)
    {
        _scenario = scenario;
        _region = region;
        if (scenario.Fargate)
        {
            _fargatePod = FargateShape.For(scenario.PodCpuRequestMillicores, scenario.PodMemoryMiB);
            _fargateAddOnPod = FargateShape.For(
                Math.Max(1, scenario.ClusterAddOnCpuMillicores / ClusterAddOnPods), scenario.ClusterAddOnMemoryMiB / ClusterAddOnPods);
            var cores = scenario.PodCpuRequestMillicores / 1000.0;
            _vm = new VmResources(scenario.PodMemoryMiB, cores, Math.Max(1, (int)cores));
            _podsPerNode = 1;
            return;
        }

        _type = nodeType ?? throw new ArgumentNullException(nameof(nodeType));
        (_nodeUsdPerHour, _priceFellBack) = Billing.HourlyPrice(region.Find(_type.Name)!, scenario.EksPurchaseOption);
        _node = NodeOverhead.For(_type, scenario.MaxPodsMode, scenario.FixedMaxPods, scenario.AutoMode);
        _freeCpuMillicores = _node.AllocatableCpuMillicores - scenario.DaemonSetCpuMillicores;
        _freeMemoryMiB = _node.AllocatableMemoryMiB - scenario.DaemonSetMemoryMiB;
        var baselineShare = _type.BurstableBaselinePerVcpu is { } baseline && !scenario.BurstableUnlimited ? baseline : 1;
        if (scenario.PodLayout == PodLayout.OnePodPerNode)
        {
            _vm = new VmResources(_freeMemoryMiB, _freeCpuMillicores / 1000.0 * baselineShare, _type.Vcpu);
            _podsPerNode = _node.MaxPods > scenario.DaemonSetPods ? 1 : 0;
            _systemNodes = SystemNodesForAddOns();
        }
        else
        {
            var throttled = 1 - (scenario.ThrottlingPenaltyPercent / 100);
            var limit = scenario.PodCpuLimitMillicores;
            var cores = (limit > 0 ? limit : scenario.PodCpuRequestMillicores) / 1000.0 * throttled * baselineShare;
            var schedulers = limit > 0 ? Math.Max(1, limit / 1000) : _type.Vcpu;
            _vm = new VmResources(scenario.PodMemoryMiB, cores, schedulers);
            (_podsPerNode, _podsPerNodeLimitedBy) = PodsPerNode();
        }
    }

    public DeploymentPath Path => DeploymentPath.Eks;

    private bool Feasible => _podsPerNode > 0 && (_scenario.Fargate ? _fargatePod is not null : _freeCpuMillicores > 0 && _freeMemoryMiB > 0);

    public PathSize Size(double connections)
    {
        var (pods, capacity, remote) = DistributionFixedPoint.Solve(connections, _scenario, _vm);
        var machines = Feasible && capacity.ConnectionsPerVm > 0 ? Machines(pods) : 0;
        return new PathSize(pods, machines, _systemNodes, _podsPerNode, capacity, remote);
    }

    private long Machines(long pods)
    {
        if (_scenario.Fargate || _scenario.PodLayout == PodLayout.OnePodPerNode)
        {
            return pods + _systemNodes;
        }

        var s = _scenario;
        var bySlots = CeilDiv(pods + ClusterAddOnPods, _podsPerNode);
        var byCpu = CeilDiv((pods * s.PodCpuRequestMillicores) + s.ClusterAddOnCpuMillicores, _freeCpuMillicores);
        var byMemory = CeilDiv((pods * (long)s.PodMemoryMiB) + s.ClusterAddOnMemoryMiB, _freeMemoryMiB);
        return Math.Max(bySlots, Math.Max(byCpu, byMemory));
    }

    /// <summary>A BEAM pod that takes a node's whole allocatable leaves no room for add-ons: they get nodes of their own.</summary>
    private long SystemNodesForAddOns()
    {
        var s = _scenario;
        if (s.ClusterAddOnCpuMillicores == 0 && s.ClusterAddOnMemoryMiB == 0)
        {
            return 0;
        }

        if (_freeCpuMillicores <= 0 || _freeMemoryMiB <= 0)
        {
            return 0;
        }

        return Math.Max(
            Math.Max(CeilDiv(s.ClusterAddOnCpuMillicores, _freeCpuMillicores), CeilDiv(s.ClusterAddOnMemoryMiB, _freeMemoryMiB)),
            CeilDiv(ClusterAddOnPods, Math.Max(1, _node!.MaxPods - s.DaemonSetPods)));
    }

    private (long Pods, string LimitedBy) PodsPerNode()
    {
        var s = _scenario;
        var bySlots = (long)_node!.MaxPods - s.DaemonSetPods;
        var byCpu = _freeCpuMillicores / s.PodCpuRequestMillicores;
        var byMemory = _freeMemoryMiB / s.PodMemoryMiB;
        var pods = Math.Max(0, Math.Min(bySlots, Math.Min(byCpu, byMemory)));
        var limitedBy = pods == bySlots ? "max pods" : pods == byCpu ? "CPU requests" : "memory requests";
        return (pods, limitedBy);
    }

    private static long CeilDiv(long value, long divisor) => divisor <= 0 ? 0 : (value + divisor - 1) / divisor;

    public void Price(PathSize size, double connections, Span<decimal> amounts)
    {
        var services = _region.Services;
        amounts[(int)CostKind.Compute] = ComputeUsdPerHour(size) * Billing.HoursPerMonth;
        amounts[(int)CostKind.CpuCredits] = Billing.CpuCreditsPerMonth(_scenario, _type, _region.Services, size, connections);
        amounts[(int)CostKind.ControlPlane] = _scenario.Clusters * ControlPlaneUsdPerHour * Billing.HoursPerMonth;
        amounts[(int)CostKind.AutoModeFee] = _scenario.AutoMode && _type is not null
            ? size.Machines * _region.Find(_type.Name)!.OnDemandUsdPerHour * services.AutoModeFeeShareOfOnDemand * Billing.HoursPerMonth
            : 0;
        amounts[(int)CostKind.Storage] = _scenario.Fargate ? 0 : size.Machines * _scenario.EksRootVolumeGiB * _region.Gp3.UsdPerGbMonth;
        amounts[(int)CostKind.LoadBalancer] = SharedCosts.LoadBalancer(_scenario, services, connections);
        amounts[(int)CostKind.NatGateway] = (_scenario.NatGateways * services.NatGatewayUsdPerHour * Billing.HoursPerMonth)
            + ((decimal)_scenario.NatProcessedGbPerMonth * services.NatGatewayUsdPerGb);
        amounts[(int)CostKind.CrossAzTransfer] = SharedCosts.CrossAz(_scenario, services, connections, size.RemoteFraction);
        amounts[(int)CostKind.Operations] = SharedCosts.Operations(_scenario.EksOperationsHoursPerMonth, _scenario);
    }

    private decimal ControlPlaneUsdPerHour => _scenario.SupportTier == SupportTier.Extended
        ? _region.Services.EksExtendedSupportUsdPerHour
        : _region.Services.EksClusterUsdPerHour;

    private decimal ComputeUsdPerHour(PathSize size)
    {
        if (!_scenario.Fargate)
        {
            return size.Machines * _nodeUsdPerHour;
        }

        return (size.Machines * FargateUsdPerHour(_fargatePod)) + (ClusterAddOnPods * FargateUsdPerHour(_fargateAddOnPod));
    }

    private decimal FargateUsdPerHour(FargateShape? shape) => shape is { } s
        ? ((decimal)s.Vcpu * _region.Services.FargateUsdPerVcpuHour) + ((decimal)s.MemoryGb * _region.Services.FargateUsdPerGbHour)
        : 0;

    private bool UsesUnlimitedCredits => _type is { IsBurstable: true } && _scenario.BurstableUnlimited;

    private string MachineDescription => _type?.Name ?? "Fargate";

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
