using CostCalc.Domain.Capacity;
using CostCalc.Domain.Scenarios;

namespace CostCalc.Domain.Estimation;

/// <summary>The EKS path's reasons for the cost bridge: what a node keeps from its BEAM pods that a bare machine would not (model.md §7.13).</summary>
internal sealed partial class EksPlan
{
    /// <summary>Reasons planned away in a counterfactual plan; each one's plan removes it and every reason before it.</summary>
    [Flags]
    private enum Removed
    {
        None = 0,
        KubeReserved = 1,
        Eviction = 2,
        NodeComponents = 4,
        AddOns = 8,
        PodBaseMemory = 16,
        PodLayout = 32,
    }

    public decimal MachineUsdPerHour => _nodeUsdPerHour;

    /// <summary>
    /// In order: the kubelet reservation, the eviction threshold, Kubernetes' DaemonSets, the add-on pods sharing a
    /// one-pod node, then fixed-size pods (each pod's own BEAM base memory, then the pod size itself: packing, max pods,
    /// CPU limits). With all of them removed a node runs one BEAM VM on what the host agents leave, as an EC2 instance
    /// does without its OS memory.
    /// </summary>
    public IReadOnlyList<BridgeReason> BridgeReasons()
    {
        var s = _scenario;
        var reasons = new List<BridgeReason>(6);
        var removed = Removed.None;
        var fixedPods = s.PodLayout == PodLayout.FixedPodSize;
        var node = NodeOverhead.For(_type, s.MaxPodsMode, s.FixedMaxPods, s.AutoMode);
        Add(Removed.KubeReserved, "Kubelet reservation",
            Format($"kube-reserved {node.KubeReservedMemoryMiB:#,0} MiB and {node.KubeReservedCpuMillicores:#,0}m CPU per {_type.Name} node"));
        Add(Removed.Eviction, "Eviction threshold", Format($"the kubelet evicts below {node.EvictionHardMemoryMiB:#,0} MiB free: that memory is kept from pods on every node"));
        var components = AutoModeNodes.NodeComponents(s);
        if (components.CpuMillicores + components.MemoryMiB > 0)
        {
            Add(Removed.NodeComponents, "Kubernetes DaemonSets",
                Format($"{components.Pods} node DaemonSet pods (aws-node, kube-proxy, EBS CSI) request {components.CpuMillicores:#,0}m and {components.MemoryMiB:#,0} MiB on every node"));
        }

        var addOns = EksCluster.AddOnsOnNodes(s);
        if (_system is null && addOns.MemoryMiB > 0)
        {
            Add(Removed.AddOns, "Cluster add-ons beside BEAM pods",
                Format($"{(s.AutoMode ? "metrics-server" : "CoreDNS × 2 and metrics-server")} ({addOns.MemoryMiB:#,0} MiB each) run in the room a BEAM pod would use"));
        }

        if (fixedPods && _podsPerNode > 1 && s.BeamBaseMemoryMiB > 0)
        {
            Add(Removed.PodBaseMemory, "BEAM base memory per pod",
                Format($"each of the {_podsPerNode} BEAM pods on a {_type.Name} node keeps its own {s.BeamBaseMemoryMiB:#,0} MiB of BEAM base memory; one VM per machine keeps it once"));
        }

        if (fixedPods)
        {
            var limit = s.PodCpuLimitMillicores > 0 ? Format($", CPU limit {s.PodCpuLimitMillicores:#,0}m") : "";
            Add(Removed.PodLayout, "Fixed pod size",
                Format($"{s.PodCpuRequestMillicores:#,0}m / {s.PodMemoryMiB:#,0} MiB pods, {_podsPerNode} per {_type.Name} node (limited by {_podsPerNodeLimitedBy}){limit}, instead of one BEAM pod using the whole node"));
        }

        return reasons;

        void Add(Removed reason, string name, string what)
        {
            removed |= reason;
            var scenario = removed.HasFlag(Removed.PodLayout) ? s with { PodLayout = PodLayout.OnePodPerNode } : s;
            reasons.Add(new BridgeReason(name, what, new EksPlan(scenario, _region, _catalog, removed)));
        }
    }

    /// <summary>The node with the kubelet's reservation or eviction threshold removed, as the counterfactual asks.</summary>
    private static NodeOverhead Without(NodeOverhead node, Removed removed)
    {
        if (removed.HasFlag(Removed.KubeReserved))
        {
            node = node with
            {
                KubeReservedCpuMillicores = 0,
                KubeReservedMemoryMiB = 0,
                AllocatableCpuMillicores = node.CapacityCpuMillicores,
                AllocatableMemoryMiB = node.AllocatableMemoryMiB + node.KubeReservedMemoryMiB,
            };
        }

        if (removed.HasFlag(Removed.Eviction))
        {
            node = node with { EvictionHardMemoryMiB = 0, AllocatableMemoryMiB = node.AllocatableMemoryMiB + node.EvictionHardMemoryMiB };
        }

        return node;
    }
}
