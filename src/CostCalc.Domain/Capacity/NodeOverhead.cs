using CostCalc.Domain.Catalog;
using CostCalc.Domain.Scenarios;

namespace CostCalc.Domain.Capacity;

/// <summary>
/// What an EKS node keeps for itself before DaemonSets: capacity after the VM overhead, less
/// kube-reserved and the eviction threshold (Allocatable = Capacity − kube-reserved − eviction).
/// </summary>
public sealed record NodeOverhead(
    string InstanceType,
    int MaxPods,
    int VmOverheadMemoryMiB,
    int CapacityCpuMillicores,
    int CapacityMemoryMiB,
    int KubeReservedCpuMillicores,
    int KubeReservedMemoryMiB,
    int EvictionHardMemoryMiB,
    int AllocatableCpuMillicores,
    int AllocatableMemoryMiB)
{
    public static NodeOverhead For(InstanceType type, MaxPodsMode mode, int fixedMaxPods = Capacity.MaxPods.KubeletDefault, bool autoMode = false)
    {
        var maxPods = Capacity.MaxPods.For(type, mode, fixedMaxPods, autoMode);
        var capacityCpu = type.Vcpu * 1000;
        var capacityMemory = VmMemoryOverhead.VisibleMiB(type);
        var reservedCpu = KubeReserved.CpuMillicores(type.Vcpu);
        // The EKS AMIs size kube-reserved memory from the ENI max pods even when maxPods is raised by
        // prefix delegation or set explicitly (nodeadm passes GetClassicMaxPods; AL2 bootstrap.sh and
        // Karpenter's AL2023 model do the same: model.md §2.1, §2.3). Auto Mode keeps its own capped value.
        var reservedMemory = KubeReserved.MemoryMiB(autoMode ? maxPods : Capacity.MaxPods.Eni(type));
        return new(
            type.Name,
            maxPods,
            type.MemoryMiB - capacityMemory,
            capacityCpu,
            capacityMemory,
            reservedCpu,
            reservedMemory,
            KubeReserved.EvictionHardMemoryMiB,
            capacityCpu - reservedCpu,
            capacityMemory - reservedMemory - KubeReserved.EvictionHardMemoryMiB);
    }
}
