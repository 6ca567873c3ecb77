using System.Globalization;
using CostCalc.Domain.Capacity;
using CostCalc.Domain.Catalog;
using CostCalc.Domain.Prices;
using CostCalc.Domain.Scenarios;

namespace CostCalc.Domain.Estimation;

/// <summary>
/// EKS on EC2 nodes: every pod runs its own BEAM VM. Pods run on nodes after kube-reserved, eviction
/// and the DaemonSets (host agents plus Kubernetes' own node components); the cluster add-ons run in
/// the room BEAM pods leave or on system nodes; the cluster pays its control plane and, with Auto
/// Mode, a fee per node.
/// </summary>
internal sealed partial class EksPlan : IPathPlan
{
    private readonly Scenario _scenario;
    private readonly RegionPrices _region;
    private readonly InstanceType _type;
    private readonly NodeOverhead _node;
    private readonly decimal _nodeUsdPerHour;
    private readonly bool _priceFellBack;
    private readonly VmResources _vm;

    /// <summary>The spare policy's VMs for the VMs peak needs, made once rather than per sizing.</summary>
    private readonly Func<long, long> _spareVms;
    private readonly NodeRoom _free;
    private readonly long _podsPerNode;
    private readonly string _podsPerNodeLimitedBy = "";  // fixed-size pods only
    private readonly double _shareCores;
    private readonly long _addOnPodsPerBeamNode;
    private readonly SystemNodeGroup? _system;
    private readonly bool _addOnsFit;

    private readonly InstanceCatalog _catalog;
    private readonly Removed _removed;

    public EksPlan(Scenario scenario, RegionPrices region, InstanceCatalog catalog)
        : this(scenario, region, catalog, Removed.None)
    {
    }

    /// <param name="removed">Reasons planned away, for the cost bridge's counterfactuals (<see cref="BridgeReasons"/>).</param>
    private EksPlan(Scenario scenario, RegionPrices region, InstanceCatalog catalog, Removed removed)
    {
        _scenario = scenario;
        _region = region;
        _catalog = catalog;
        _removed = removed;
        _type = catalog.Find(scenario.EksNodeInstanceType) ?? throw new ArgumentException("Unknown EKS node type.", nameof(scenario));
        (_nodeUsdPerHour, _priceFellBack) = Billing.HourlyPrice(region.Find(_type.Name)!, scenario.EksPurchaseOption);
        _node = Without(NodeOverhead.For(_type, scenario.MaxPodsMode, scenario.FixedMaxPods, scenario.AutoMode), removed);
        _free = NodeRoom.AfterDaemonSets(_node, scenario);
        if (removed.HasFlag(Removed.NodeComponents))
        {
            var components = AutoModeNodes.NodeComponents(scenario);
            _free = new NodeRoom(_free.Slots + components.Pods, _free.CpuMillicores + components.CpuMillicores, _free.MemoryMiB + components.MemoryMiB);
        }
        _addOnsFit = AddOnCpu + AddOnMemory == 0 || _free.Fits(AddOnCpu, AddOnMemory) > 0;
        if (scenario.AddOnPlacement == AddOnPlacement.SystemNodes)
        {
            _system = SystemNodeGroup.For(scenario, region, catalog);
        }

        // CPU the BEAM pods share: what the DaemonSets' requests leave of allocatable, and on a burstable
        // node held to its baseline, what the DaemonSets' use leaves of the baseline (as on EC2).
        var freeCores = Math.Max(0, _free.CpuMillicores / 1000.0);
        if (_type.BurstableBaselinePerVcpu is { } baseline && !scenario.BurstableUnlimited)
        {
            freeCores = Math.Max(0, Math.Min(freeCores, (baseline * _type.Vcpu) - (DaemonSetCpu / 1000.0)));
        }

        if (scenario.PodLayout == PodLayout.OnePodPerNode)
        {
            // The BEAM pod requests what the add-ons leave; with no CPU limit it still uses the CPU their
            // requests reserve but do not use, so only memory is given up.
            _addOnPodsPerBeamNode = _system is null && AddOnCpu + AddOnMemory > 0
                ? Math.Min(AddOnPods, CeilDiv(AddOnPods, Math.Max(1, scenario.MinimumInstances + Spares.SpareVms(scenario, scenario.MinimumInstances, 1))))
                : 0;
            var room = _free.Less(_addOnPodsPerBeamNode, AddOnCpu, AddOnMemory);
            _shareCores = freeCores;
            _vm = new VmResources(Math.Max(0, room.MemoryMiB), freeCores, _type.Vcpu);
            _podsPerNode = room.Slots >= 1 && room.CpuMillicores > 0 && room.MemoryMiB > 0 ? 1 : 0;
        }
        else
        {
            (_podsPerNode, _podsPerNodeLimitedBy) = PodsPerNode();
            var limit = scenario.PodCpuLimitMillicores;
            var schedulers = CpuQuota.SchedulersOnline(limit, _type.Vcpu);
            _shareCores = _podsPerNode > 0 ? freeCores / _podsPerNode : 0;
            double? limitCores = limit > 0 ? limit / 1000.0 : null;
            var usable = BeamVm.UsableCores(_shareCores, limitCores, schedulers);
            var throttled = limit > 0 ? 1 - (scenario.ThrottlingPenaltyPercent / 100) : 1;
            // Without per-pod base memory, the pods of a node share one VM's base memory: each keeps base ÷ pods of it.
            var sharedBase = removed.HasFlag(Removed.PodBaseMemory) && _podsPerNode > 1
                ? scenario.BeamBaseMemoryMiB * (_podsPerNode - 1) / (double)_podsPerNode / (scenario.TargetUtilisationPercent / 100)
                : 0;
            _vm = new VmResources(scenario.PodMemoryMiB + sharedBase, usable * throttled, schedulers);
        }

        var perNode = Math.Max(1, _podsPerNode);
        _spareVms = peak => Spares.SpareVms(scenario, peak, perNode);
    }

    public string MachineType => _type.Name;

    public string MachineKind => "node";

    /// <summary>Add-on pods on the nodes: CoreDNS × 2 and metrics-server, or metrics-server alone under Auto Mode.</summary>
    private int AddOnPods => AddOnsOnNodes.Pods;

    private int AddOnCpu => AddOnsOnNodes.CpuMillicores;

    private int AddOnMemory => AddOnsOnNodes.MemoryMiB;

    private PodRequests AddOnsOnNodes => _removed.HasFlag(Removed.AddOns) ? default : EksCluster.AddOnsOnNodes(_scenario);

    /// <summary>Kubernetes' node DaemonSets; none under Auto Mode (model.md §2.5).</summary>
    private PodRequests NodeComponents => _removed.HasFlag(Removed.NodeComponents) ? default : AutoModeNodes.NodeComponents(_scenario);

    private int DaemonSetCpu => _scenario.HostAgentCpuMillicores + NodeComponents.CpuMillicores;

    private int DaemonSetMemory => _scenario.HostAgentMemoryMiB + NodeComponents.MemoryMiB;

    private int DaemonSetPods => _scenario.HostAgentPods + NodeComponents.Pods;

    /// <summary>Auto Mode does not launch every type (model.md §1.2): the reason when it refuses this one.</summary>
    private string? AutoModeRefusal => _scenario.AutoMode ? AutoModeNodes.Refusal(_type) : null;

    private bool Feasible => AutoModeRefusal is null && _podsPerNode > 0 && (_system is null ? _addOnsFit : _system.Nodes > 0);

    public PathSize Size(double connections)
    {
        var (pods, capacity, remote) = DistributionFixedPoint.Solve(connections, _scenario, _vm, _spareVms);
        if (!Feasible || capacity.ConnectionsPerVm <= 0)
        {
            return new PathSize(pods, 0, 0, _podsPerNode, capacity, remote);
        }

        var (beamNodes, systemNodes) = Nodes(pods);
        return new PathSize(pods, beamNodes + systemNodes, systemNodes, _podsPerNode, capacity, remote);
    }

    /// <summary>Nodes running BEAM pods, and nodes (or Fargate pods) running only add-ons.</summary>
    private (long Beam, long System) Nodes(long pods)
    {
        var beamNodes = CeilDiv(pods, _podsPerNode);
        if (_system is not null)
        {
            return (beamNodes, _system.Nodes);
        }

        if (_scenario.PodLayout == PodLayout.OnePodPerNode)
        {
            return (beamNodes, 0);
        }

        var s = _scenario;
        var lastNodePods = pods - ((beamNodes - 1) * _podsPerNode);
        var extra = AddOnPacking.ExtraNodes(
            AddOnCpu + AddOnMemory > 0 ? AddOnPods : 0,
            AddOnCpu,
            AddOnMemory,
            _free.Less(_podsPerNode, s.PodCpuRequestMillicores, s.PodMemoryMiB),
            beamNodes - 1,
            _free.Less(lastNodePods, s.PodCpuRequestMillicores, s.PodMemoryMiB),
            _free);
        return (beamNodes, extra ?? 0);
    }

    private (long Pods, string LimitedBy) PodsPerNode()
    {
        var s = _scenario;
        var bySlots = _free.Slots;
        var byCpu = _free.CpuMillicores / s.PodCpuRequestMillicores;
        var byMemory = _free.MemoryMiB / s.PodMemoryMiB;
        var pods = Math.Max(0, Math.Min(bySlots, Math.Min(byCpu, byMemory)));
        var limitedBy = pods == bySlots ? "max pods" : pods == byCpu ? "CPU requests" : "memory requests";
        return (pods, limitedBy);
    }

    private static long CeilDiv(long value, long divisor) => divisor <= 0 ? 0 : (value + divisor - 1) / divisor;

    /// <summary>Cores one BEAM node keeps busy: its pods' share of the connections' work plus the DaemonSets.</summary>
    private double CoresPerBeamNode(PathSize size, double connections) =>
        size.BeamMachines <= 0 ? 0
            : (BeamVm.CoresUsed(_scenario, connections, size.RemoteFraction) / size.BeamMachines) + (DaemonSetCpu / 1000.0);

    /// <summary>Surplus credits for one hour at this load, BEAM nodes and system nodes.</summary>
    private decimal CpuCreditsPerHour(PathSize size, double connections)
    {
        var unlimited = _scenario.BurstableUnlimited;
        var services = _region.Services;
        var systemType = _system?.Type ?? _type;
        return Billing.CpuCreditsPerHour(unlimited, _type, services, size.BeamMachines, CoresPerBeamNode(size, connections))
            + Billing.CpuCreditsPerHour(unlimited, systemType, services, size.SystemNodes, DaemonSetCpu / 1000.0);
    }

    /// <summary>The list on-demand price the Auto Mode fee is a share of (an override of the EC2 rate does not change the fee).</summary>
    private decimal OnDemand(InstanceType type) => _region.List.Find(type.Name)!.OnDemandUsdPerHour;

    private bool UsesUnlimitedCredits =>
        _scenario.BurstableUnlimited && (_type.IsBurstable || _system?.Type is { IsBurstable: true });

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
