namespace CostCalc.Domain.Capacity;

/// <summary>Room on one node, by pod slots, CPU requests and memory requests.</summary>
public readonly record struct NodeRoom(long Slots, long CpuMillicores, long MemoryMiB)
{
    /// <summary>How many pods of one size fit in this room.</summary>
    public long Fits(long cpuMillicores, long memoryMiB)
    {
        if (Slots <= 0 || CpuMillicores < 0 || MemoryMiB < 0)
        {
            return 0;
        }

        var byCpu = cpuMillicores > 0 ? CpuMillicores / cpuMillicores : long.MaxValue;
        var byMemory = memoryMiB > 0 ? MemoryMiB / memoryMiB : long.MaxValue;
        return Math.Min(Slots, Math.Min(byCpu, byMemory));
    }

    /// <summary>
    /// What a node's allocatable leaves after the DaemonSets: host agents and Kubernetes' node
    /// components (none under Auto Mode, which runs them outside pods).
    /// </summary>
    public static NodeRoom AfterDaemonSets(NodeOverhead node, Scenarios.Scenario s)
    {
        var components = AutoModeNodes.NodeComponents(s);
        return new(
            node.MaxPods - s.HostAgentPods - components.Pods,
            node.AllocatableCpuMillicores - s.HostAgentCpuMillicores - components.CpuMillicores,
            node.AllocatableMemoryMiB - s.HostAgentMemoryMiB - components.MemoryMiB);
    }

    public NodeRoom Less(long pods, long cpuMillicores, long memoryMiB) =>
        new(Slots - pods, CpuMillicores - (pods * cpuMillicores), MemoryMiB - (pods * memoryMiB));
}

/// <summary>
/// Places small pods (the cluster add-ons) into the room BEAM pods leave on their nodes, as the
/// scheduler would, and says how many extra nodes the rest need.
/// </summary>
public static class AddOnPacking
{
    /// <summary>
    /// Extra empty nodes needed for <paramref name="pods"/> add-on pods of one size after filling the
    /// leftover room of <paramref name="fullNodes"/> nodes and one last node; null when an add-on pod
    /// does not fit even an empty node.
    /// </summary>
    public static long? ExtraNodes(
        long pods, long cpuMillicores, long memoryMiB, NodeRoom leftOnFullNode, long fullNodes, NodeRoom leftOnLastNode, NodeRoom emptyNode)
    {
        if (pods <= 0)
        {
            return 0;
        }

        var placed = Math.Min(pods, leftOnFullNode.Fits(cpuMillicores, memoryMiB) * Math.Max(0, fullNodes));
        placed += Math.Min(pods - placed, leftOnLastNode.Fits(cpuMillicores, memoryMiB));
        var rest = pods - placed;
        if (rest == 0)
        {
            return 0;
        }

        var perEmpty = emptyNode.Fits(cpuMillicores, memoryMiB);
        return perEmpty <= 0 ? null : (rest + perEmpty - 1) / perEmpty;
    }
}
