using CostCalc.Domain.Catalog;
using CostCalc.Domain.Scenarios;

namespace CostCalc.Domain.Capacity;

/// <summary>How many pods the kubelet lets a node run (model.md §2.2).</summary>
public static class MaxPods
{
    public const int KubeletDefault = 110;
    public const int CapUpTo30Vcpu = 110;
    public const int CapAbove30Vcpu = 250;
    public const int AddressesPerPrefix = 16;

    /// <summary>The VPC CNI's listed value, else ENIs × (IPv4 per ENI − 1) + 2, else the kubelet default.</summary>
    public static int Eni(InstanceType type) =>
        type.ListedMaxPods ?? (type.MaxEnis > 0 ? (type.MaxEnis * (type.Ipv4PerEni - 1)) + 2 : KubeletDefault);

    /// <summary>ENIs × ((IPv4 per ENI − 1) × 16) + 2, capped at 110 (≤ 30 vCPU) or 250.</summary>
    public static int PrefixDelegation(InstanceType type)
    {
        var cap = type.Vcpu > 30 ? CapAbove30Vcpu : CapUpTo30Vcpu;
        if (type.MaxEnis <= 0)
        {
            return cap;
        }

        return Math.Min(cap, (type.MaxEnis * (type.Ipv4PerEni - 1) * AddressesPerPrefix) + 2);
    }

    /// <summary>The node's max pods for a mode; Auto Mode caps it at min(110, ENI formula) (model.md §1.2).</summary>
    public static int For(InstanceType type, MaxPodsMode mode, int fixedValue, bool autoMode)
    {
        if (autoMode)
        {
            return Math.Min(CapUpTo30Vcpu, Eni(type));
        }

        return mode switch
        {
            MaxPodsMode.PrefixDelegation when type.Nitro => PrefixDelegation(type),
            MaxPodsMode.Fixed => fixedValue,
            _ => Eni(type),
        };
    }
}
