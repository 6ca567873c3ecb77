using CostCalc.Domain.Capacity;
using CostCalc.Domain.Scenarios;

namespace CostCalc.Domain.Estimation;

/// <summary>The EKS path's cost lines, resource split and warnings, for display.</summary>
internal sealed partial class EksPlan
{
    public IReadOnlyList<CostLine> Lines(PathSize size, double connections)
    {
        Span<decimal> amounts = stackalloc decimal[PathPlanExtensions.CostKinds];
        Price(size, connections, amounts);
        var s = _scenario;
        var lines = new List<CostLine>
        {
            _scenario.Fargate
                ? new(CostKind.Compute, "Fargate pods", amounts[(int)CostKind.Compute],
                    Format($"{size.Machines:#,0} pods of {_fargatePod?.Vcpu} vCPU / {_fargatePod?.MemoryGb} GB + {ClusterAddOnPods} add-on pods"),
                    Sources.Fargate)
                : new(CostKind.Compute, "EKS nodes", amounts[(int)CostKind.Compute],
                    Format($"{size.Machines:#,0} × {_type!.Name} at ${_nodeUsdPerHour:0.#####}/h ({ChoiceNames.Of(s.EksPurchaseOption)}) × 730 h"),
                    s.EksPurchaseOption == Prices.PurchaseOption.Spot ? Sources.SpotAdvisor : Sources.HoursPerMonth),
            new(CostKind.ControlPlane, "EKS control plane", amounts[(int)CostKind.ControlPlane],
                Format($"{s.Clusters} cluster(s) × ${ControlPlaneUsdPerHour}/h ({s.SupportTier} support)"), Sources.ControlPlane),
        };
        if (UsesUnlimitedCredits)
        {
            lines.Add(new(CostKind.CpuCredits, "CPU credits (unlimited)", amounts[(int)CostKind.CpuCredits],
                "CPU above the burstable baseline", Sources.CpuCredits));
        }

        if (s.AutoMode)
        {
            lines.Add(new(CostKind.AutoModeFee, "EKS Auto Mode fee", amounts[(int)CostKind.AutoModeFee],
                Format($"{_region.Services.AutoModeFeeShareOfOnDemand:P0} of on-demand per node"), Sources.AutoMode));
        }

        if (!s.Fargate)
        {
            lines.Add(new(CostKind.Storage, "EBS gp3 node volumes", amounts[(int)CostKind.Storage],
                Format($"{size.Machines:#,0} × {s.EksRootVolumeGiB} GiB at ${_region.Gp3.UsdPerGbMonth}/GB-month"), Sources.Gp3));
        }

        if (s.NatGateways > 0 || s.NatProcessedGbPerMonth > 0)
        {
            lines.Add(new(CostKind.NatGateway, "NAT gateways", amounts[(int)CostKind.NatGateway],
                Format($"{s.NatGateways} gateway(s), {s.NatProcessedGbPerMonth:#,0.#} GB processed"), Sources.Nat));
        }

        SharedCosts.AddLines(lines, amounts, s, connections, size.RemoteFraction, s.EksOperationsHoursPerMonth);
        return lines;
    }

    public ResourceSplit MemorySplit(PathSize size, double connections)
    {
        var s = _scenario;
        var perVm = size.Vms > 0 ? connections / size.Vms : 0;
        var connectionsPerPodMiB = perVm * s.MemoryPerConnectionKiB / 1024;
        if (_node is null)
        {
            var provisionedMiB = (_fargatePod?.MemoryGb ?? 0) * 1024;
            var podUsed = FargateShape.AddedMemoryMiB + s.BeamBaseMemoryMiB + connectionsPerPodMiB;
            return new ResourceSplit("Fargate pod", "MiB",
            [
                new("Fargate agents (256 MiB)", FargateShape.AddedMemoryMiB),
                new("BEAM base", s.BeamBaseMemoryMiB),
                new("Connections", connectionsPerPodMiB),
                new("Headroom", Math.Max(0, provisionedMiB - podUsed)),
            ]);
        }

        var podsOnNode = Math.Min(_podsPerNode, Math.Max(1, size.Vms));
        var used = _type!.MemoryMiB - _node.AllocatableMemoryMiB + s.DaemonSetMemoryMiB
            + (podsOnNode * (s.BeamBaseMemoryMiB + connectionsPerPodMiB));
        return new ResourceSplit(_type.Name, "MiB",
        [
            new("VM overhead", _node.VmOverheadMemoryMiB),
            new("Kubelet reservation", _node.KubeReservedMemoryMiB),
            new("Eviction threshold", _node.EvictionHardMemoryMiB),
            new("DaemonSets", s.DaemonSetMemoryMiB),
            new("BEAM base", podsOnNode * s.BeamBaseMemoryMiB),
            new("Connections", podsOnNode * connectionsPerPodMiB),
            new("Headroom", Math.Max(0, _type.MemoryMiB - used)),
        ]);
    }

    public ResourceSplit CpuSplit(PathSize size, double connections)
    {
        var perVm = size.Vms > 0 ? connections / size.Vms : 0;
        var workPerPod = perVm * BeamVm.CpuMicrosecondsPerConnectionSecond(_scenario, size.RemoteFraction) / 1000;
        if (_node is null)
        {
            var provisioned = (_fargatePod?.Vcpu ?? 0) * 1000;
            return new ResourceSplit("Fargate pod", "millicores",
                [new("Connections", workPerPod), new("Headroom", Math.Max(0, provisioned - workPerPod))]);
        }

        var podsOnNode = Math.Min(_podsPerNode, Math.Max(1, size.Vms));
        var work = podsOnNode * workPerPod;
        var total = (double)_node.CapacityCpuMillicores;
        return new ResourceSplit(_type!.Name, "millicores",
        [
            new("Kubelet reservation", _node.KubeReservedCpuMillicores),
            new("DaemonSets", _scenario.DaemonSetCpuMillicores),
            new("Connections", work),
            new("Headroom", Math.Max(0, total - _node.KubeReservedCpuMillicores - _scenario.DaemonSetCpuMillicores - work)),
        ]);
    }

    public IEnumerable<Warning> Warnings(PathSize size)
    {
        var s = _scenario;
        if (_priceFellBack)
        {
            yield return new("eks-price-fallback",
                $"{_type!.Name} has no {ChoiceNames.Of(s.EksPurchaseOption)} price in {_region.Region.Code}; on-demand is used.");
        }

        if (_type?.BurstableBaselinePerVcpu is { } baseline && !s.BurstableUnlimited)
        {
            yield return new("eks-burstable-baseline",
                Format($"{_type.Name} nodes are burstable: pods get only the {baseline:P1} baseline per vCPU. Allow unlimited credits to use more (costed)."));
        }

        if (s.PodLayout == PodLayout.FixedPodSize && s.PodCpuLimitMillicores is > 0 and < 1000)
        {
            yield return new("pod-cpu-limit-below-one-scheduler",
                Format($"A CPU limit of {s.PodCpuLimitMillicores}m is below one scheduler: the VM still runs 1 scheduler and is throttled by the CFS quota."));
        }
        else if (s.PodLayout == PodLayout.FixedPodSize && s.PodCpuLimitMillicores > 0 && s.PodCpuLimitMillicores % 1000 != 0)
        {
            yield return new("pod-cpu-limit-fractional",
                Format($"A CPU limit of {s.PodCpuLimitMillicores}m gives {s.PodCpuLimitMillicores / 1000} scheduler(s) online: the quota is truncated."));
        }

        if (s.MaxPodsMode == MaxPodsMode.PrefixDelegation && _type is { Nitro: false })
        {
            yield return new("prefix-delegation-needs-nitro",
                $"{_type.Name} is not a Nitro instance: prefix delegation is unavailable, so the ENI limit is used.");
        }

        if (s.PodLayout == PodLayout.FixedPodSize && !s.Fargate && _podsPerNode > 0 && _podsPerNodeLimitedBy == "max pods")
        {
            yield return new("max-pods-binds",
                Format($"{_type!.Name} fits {_podsPerNode} BEAM pods per node, limited by max pods ({_node!.MaxPods} incl. {s.DaemonSetPods} DaemonSet pods)."));
        }

        if (s.Fargate && _fargatePod is null)
        {
            yield return new("fargate-too-large", "The pod is larger than Fargate's largest shape (16 vCPU, 120 GB).");
        }
        else if (!size.Feasible)
        {
            yield return new("eks-infeasible",
                $"A BEAM pod on {MachineDescription} holds no connection or does not fit on the node after kube-reserved, eviction and DaemonSets.");
        }
    }
}
