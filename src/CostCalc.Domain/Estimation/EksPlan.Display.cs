using CostCalc.Domain.Prices;
using CostCalc.Domain.Scenarios;

namespace CostCalc.Domain.Estimation;

/// <summary>The EKS path's cost lines, resource split and warnings, for display.</summary>
internal sealed partial class EksPlan
{
    public decimal MachineHoursPerMonth(PathSize size, double connections) => Day(size, connections).MachineHoursPerMonth;

    /// <summary>The day this plan runs at this month's peak: nodes follow the load when autoscaling (Karpenter or cluster autoscaler).</summary>
    public LoadDay Day(PathSize size, double connections) => LoadDay.Of(_scenario, size, connections, this, ScaleOutTime.EksNode);

    public void Cost(PathSize size, double connections, CostSheet sheet)
    {
        var s = _scenario;
        var services = _region.Services;
        var day = Day(size, connections);
        var adjustments = sheet.IsItemised ? _region.Adjustments : null;
        SharedCosts.AddMachines(sheet, "EKS nodes", "node", _type.Name, _nodeUsdPerHour, s.EksPurchaseOption, day, adjustments);
        if (size.SystemNodes > 0)
        {
            var system = _system;
            var rate = system?.UsdPerHour ?? _nodeUsdPerHour;
            sheet.Add(CostKind.SystemNodes, "System nodes (add-ons)", day.SystemNodeHoursPerMonth * rate,
                system is not null
                    ? $"{size.SystemNodes:#,0} × {system.Type.Name} at ${rate:0.#####}/h × 730 h for CoreDNS and metrics-server"
                    : $"{size.SystemNodes:#,0} × {_type.Name}: the add-ons do not fit beside the BEAM pods",
                Sources.SystemNodes, adjustments?.InstanceNote((system?.Type ?? _type).Name, s.EksPurchaseOption));
        }

        EksCluster.AddControlPlane(s, services, sheet, adjustments);
        if (UsesUnlimitedCredits)
        {
            sheet.Add(CostKind.CpuCredits, "CPU credits (unlimited)", day.Sum(p => CpuCreditsPerHour(p.Size, p.Connections)),
                $"{CoresPerBeamNode(size, connections):0.##} cores busy per BEAM node{(day.Flat ? "" : " at peak")} vs a {_type.BurstableBaselinePerVcpu * _type.Vcpu ?? 0:0.##}-core baseline{day.ShapeSuffix}",
                Sources.CpuCredits, adjustments?.Note(PriceFamily.Ec2, SharedCosts.CreditRates(_system?.Type is { IsBurstable: true } t && !_type.IsBurstable ? t : _type)));
        }

        if (s.AutoMode)
        {
            AddAutoModeFee(day, size, sheet);
        }

        sheet.Add(CostKind.Storage, "EBS gp3 node volumes", Ec2Plan.Volumes(day, size) * s.EksRootVolumeGiB * _region.Gp3.UsdPerGbMonth,
            $"{Ec2Plan.Volumes(day, size):#,0.##}{(day.Autoscaled ? " average" : "")} × {s.EksRootVolumeGiB} GiB at ${_region.Gp3.UsdPerGbMonth}/GB-month", Sources.Gp3,
            adjustments?.Note(PriceFamily.None, SharedCosts.Gp3Rates));
        SharedCosts.Cost(s, services, day, s.EksOperationsHoursPerMonth, sheet, adjustments);
    }

    /// <summary>
    /// The Auto Mode fee of every node Auto Mode runs (BEAM nodes, and any extra node the add-ons need):
    /// the type's listed AmazonEKS rate where the snapshot has one, else the cited share of its on-demand
    /// price. Whatever the purchase option, the fee is not discounted (model.md §1.2).
    /// </summary>
    private void AddAutoModeFee(LoadDay day, PathSize size, CostSheet sheet)
    {
        var systemType = _system?.Type ?? _type;
        var beam = _region.AutoModeFeeUsdPerHour(_type.Name);
        var system = _region.AutoModeFeeUsdPerHour(systemType.Name);
        // Node-hours, so the fee follows the fleet when machines follow the load (§7.11).
        var usd = (day.BeamMachineHoursPerMonth * beam.UsdPerHour) + (day.SystemNodeHoursPerMonth * system.UsdPerHour);
        var listed = beam.Listed is not null || (size.SystemNodes > 0 && system.Listed is not null);
        sheet.Add(CostKind.AutoModeFee, "EKS Auto Mode fee", usd, sheet.IsItemised ? Detail() : "",
            listed ? Sources.AutoModeFeeList : Sources.AutoMode, sheet.IsItemised ? _region.Adjustments?.Note(PriceFamily.EksFees, []) : null);

        // Written only for an itemised sheet: the projection's totals need no words.
        string Detail()
        {
            var beamNodes = day.Autoscaled ? Format($"{day.BeamMachineHoursPerMonth / Billing.HoursPerMonth:#,0.##} average") : Format($"{size.BeamMachines:#,0}");
            var detail = FeeDetail(beamNodes, _type, beam);
            if (size.SystemNodes > 0)
            {
                detail += "; " + FeeDetail(Format($"{size.SystemNodes:#,0}"), systemType, system);
            }

            return detail + ", not discounted by the purchase option";
        }
    }

    private string FeeDetail(string nodes, Catalog.InstanceType type, AutoModeFeeRate rate) => rate.Listed is { } listed
        ? Format($"{nodes} × {type.Name} at ${rate.UsdPerHour:0.######}/h (AmazonEKS price list, {listed.Origin.AsOf:yyyy-MM-dd}{FeeDiscount}) × 730 h")
        : Format($"{nodes} × {type.Name} at {rate.ShareOfOnDemand * 100:0.##} % of on-demand ${OnDemand(type):0.#####}/h{FeeDiscount} = ${rate.UsdPerHour:0.######}/h × 730 h");

    /// <summary>", less the EKS-fee discount of 20 %" when the user's prices discount EKS fees (the fee is the list fee less it).</summary>
    private string FeeDiscount => _region.Adjustments?.Percent(PriceFamily.EksFees) is > 0 and var percent
        ? Format($", less your {percent:0.##} % EKS-fee discount")
        : "";

    public Disruption Disruption(PathSize size)
    {
        var disruption = EksCluster.Disruption(_scenario, size, MachineKind, fargate: false, _scenario.AutoMode, _scenario.EksPurchaseOption == PurchaseOption.Spot);
        return size.Feasible ? ReconnectStorm.AddTo(ScaleIn.AddTo(disruption, Day(size, _scenario.PeakConnections), MachineKind), _scenario, size) : disruption;
    }

    public string? Survives(PathSize size) => Spares.Survives(_scenario, size, MachineKind);

    public ResourceSplit MemorySplit(PathSize size, double connections)
    {
        var s = _scenario;
        var perVm = size.Vms > 0 ? connections / size.Vms : 0;
        var connectionsPerPodMiB = perVm * s.MemoryPerConnectionKiB / 1024;
        var podsOnNode = PodsOnOneNode(size);
        var addOns = _addOnPodsPerBeamNode * AddOnMemory;
        var beam = podsOnNode * (s.BeamBaseMemoryMiB + connectionsPerPodMiB);
        var used = _type.MemoryMiB - _node.AllocatableMemoryMiB + DaemonSetMemory + addOns + beam;
        return new ResourceSplit(_type.Name, "MiB",
        [
            new("VM overhead", _node.VmOverheadMemoryMiB),
            new("Kubelet reservation", _node.KubeReservedMemoryMiB),
            new("Eviction threshold", _node.EvictionHardMemoryMiB),
            new("Host agents", s.HostAgentMemoryMiB),
            new("Kubernetes DaemonSets", NodeComponents.MemoryMiB),
            new("Cluster add-ons", addOns),
            new("BEAM base", podsOnNode * s.BeamBaseMemoryMiB),
            new("Connections", podsOnNode * connectionsPerPodMiB),
            new("Headroom", Math.Max(0, _type.MemoryMiB - used)),
        ]);
    }

    public ResourceSplit CpuSplit(PathSize size, double connections)
    {
        var perVm = size.Vms > 0 ? connections / size.Vms : 0;
        var workPerPod = perVm * BeamVm.CpuMicrosecondsPerConnectionSecond(_scenario, size.RemoteFraction) / 1000;
        var work = PodsOnOneNode(size) * workPerPod;
        var total = (double)_node.CapacityCpuMillicores;
        var s = _scenario;
        var reserved = _node.KubeReservedCpuMillicores + DaemonSetCpu;
        return new ResourceSplit(_type.Name, "millicores",
        [
            new("Kubelet reservation", _node.KubeReservedCpuMillicores),
            new("Host agents", s.HostAgentCpuMillicores),
            new("Kubernetes DaemonSets", NodeComponents.CpuMillicores),
            new("Connections", Math.Min(work, Math.Max(0, total - reserved))),
            new("Headroom", Math.Max(0, total - reserved - work)),
        ]);
    }

    private long PodsOnOneNode(PathSize size) => Math.Max(0, Math.Min(_podsPerNode, Math.Max(1, size.Vms)));

    public IEnumerable<Warning> Warnings(PathSize size)
    {
        var s = _scenario;
        if (_priceFellBack || _system?.PriceFellBack == true)
        {
            yield return new("eks-price-fallback",
                $"{(_priceFellBack ? _type.Name : _system!.Type.Name)} has no {ScenarioChoices.Label(s.EksPurchaseOption)} price in {_region.Region.Code}; on-demand is used.");
        }

        if (s.EksPurchaseOption == PurchaseOption.Spot)
        {
            yield return Ec2Plan.Spot;
        }

        foreach (var warning in EksCluster.Warnings(s, _region.Services))
        {
            yield return warning;
        }

        if (s.AutoMode)
        {
            yield return new("auto-mode-reserve-assumed", Format(
                $"EKS Auto Mode does not publish what its nodes reserve for the kubelet: the EKS AMI's kube-reserved (11 × max pods + 255 MiB, {_node.KubeReservedCpuMillicores}m CPU here) with Auto Mode's max pods ({_node.MaxPods}) and the 100 MiB eviction threshold are assumed."));
        }

        if (_type.BurstableBaselinePerVcpu is { } baseline && !s.BurstableUnlimited)
        {
            yield return new("eks-burstable-baseline",
                Format($"{_type.Name} nodes are burstable: pods get only the {baseline:P1} baseline per vCPU. Allow unlimited credits to use more (costed)."));
        }

        foreach (var warning in SchedulerWarnings())
        {
            yield return warning;
        }

        if (s.MaxPodsMode == MaxPodsMode.PrefixDelegation && _type is { Nitro: false })
        {
            yield return new("prefix-delegation-needs-nitro",
                $"{_type.Name} is not a Nitro instance: prefix delegation is unavailable, so the ENI limit is used.");
        }

        if (s.PodLayout == PodLayout.FixedPodSize && _podsPerNode > 0 && _podsPerNodeLimitedBy == "max pods")
        {
            yield return new("max-pods-binds",
                Format($"{_type.Name} fits {_podsPerNode} BEAM pods per node, limited by max pods ({_node.MaxPods} incl. {DaemonSetPods} DaemonSet pods)."));
        }

        if (Infeasibility() is { } reason)
        {
            yield return new("eks-infeasible", reason);
        }
        else if (!size.Feasible)
        {
            yield return new("eks-infeasible",
                $"A BEAM pod on {_type.Name} holds no connection: after BEAM base memory too little is left. Choose a larger node or pod.");
        }
    }

    /// <summary>Why no BEAM pod can run at all, with what to change; null when pods fit.</summary>
    private string? Infeasibility()
    {
        var s = _scenario;
        if (AutoModeRefusal is { } refusal)
        {
            return refusal;
        }

        if (_system is { Nodes: 0 } system)
        {
            return $"An add-on pod does not fit on a {system.Type.Name} system node after its reservations and DaemonSets: choose a larger system node type.";
        }

        if (_podsPerNode > 0)
        {
            return _system is null && !_addOnsFit
                ? Format($"A cluster add-on pod ({AddOnCpu:#,0}m / {AddOnMemory:#,0} MiB) does not fit even an empty {_type.Name} node after its DaemonSets: lower the add-ons' requests or run them on system nodes.")
                : null;
        }

        if (_free.CpuMillicores <= 0 || _free.MemoryMiB <= 0)
        {
            return Format($"{_type.Name} has nothing left for a BEAM pod: allocatable {_node.AllocatableCpuMillicores:#,0}m / {Math.Max(0, _node.AllocatableMemoryMiB):#,0} MiB is taken by the DaemonSets ({DaemonSetCpu:#,0}m / {DaemonSetMemory:#,0} MiB). Choose a larger node type.");
        }

        if (_free.Slots <= 0 || (s.PodLayout == PodLayout.OnePodPerNode && _free.Slots < 1 + _addOnPodsPerBeamNode))
        {
            return Format($"Max pods on {_type.Name} ({_node.MaxPods}) leaves no slot for a BEAM pod beside {DaemonSetPods} DaemonSet pods: raise max pods or choose a larger node.");
        }

        return Format($"A {s.PodCpuRequestMillicores:#,0}m / {s.PodMemoryMiB:#,0} MiB pod does not fit the {_free.CpuMillicores:#,0}m / {_free.MemoryMiB:#,0} MiB a {_type.Name} node has after its DaemonSets: choose a larger node or a smaller pod.");
    }

    private IEnumerable<Warning> SchedulerWarnings()
    {
        var s = _scenario;
        if (_podsPerNode <= 0)
        {
            yield break;
        }

        var limit = s.PodLayout == PodLayout.FixedPodSize ? s.PodCpuLimitMillicores : 0;
        var schedulers = _vm.Schedulers;
        if (limit > 0 && limit % 1000 != 0)
        {
            yield return new("pod-cpu-limit-fractional",
                Format($"A CPU limit of {limit:#,0}m brings {schedulers} scheduler{(schedulers == 1 ? "" : "s")} online (OTP truncates the quota): {Math.Max(0, (limit / 1000.0) - schedulers):0.##} core of quota stays unused by normal schedulers."));
        }

        if (_podsPerNode > 1 && schedulers > _shareCores + 0.05)
        {
            yield return new("schedulers-oversubscribed",
                Format($"Each BEAM pod runs {schedulers} schedulers online but its share of a {_type.Name} node shared by {_podsPerNode} pods is {_shareCores:0.##} cores: schedulers wait for CPU. Set a CPU limit (schedulers follow it) or +S."));
        }

        if (_podsPerNode > 1 || limit > 0)
        {
            yield return new("busy-wait",
                "Busy-waiting schedulers (+sbwt, default medium) spin on idle cores; under a CPU limit that spends quota, and pods sharing a node take CPU from each other. Consider +sbwt none +sbwtdcpu none +sbwtdio none and measure.");
        }
    }
}
