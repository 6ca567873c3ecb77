using CostCalc.Domain.Catalog;

namespace CostCalc.Domain.Capacity;

/// <summary>
/// Memory the hypervisor and kernel hide from the OS, as Karpenter estimates it: 7.5 % of the
/// instance memory, after a 64 MiB CMA reserve on arm64. Common to EC2 and EKS (model.md §2.3).
/// </summary>
public static class VmMemoryOverhead
{
    public const double Share = 0.075;
    public const int Arm64CmaReserveMiB = 64;

    public static int CmaReserveMiB(InstanceType type) =>
        type.Architecture == CpuArchitecture.Arm64 ? Arm64CmaReserveMiB : 0;

    public static int HypervisorMiB(InstanceType type) =>
        (int)Math.Ceiling((type.MemoryMiB - CmaReserveMiB(type)) * Share);

    /// <summary>Memory the OS sees: instance memory less the CMA reserve and the VM overhead.</summary>
    public static int VisibleMiB(InstanceType type) =>
        type.MemoryMiB - CmaReserveMiB(type) - HypervisorMiB(type);
}
