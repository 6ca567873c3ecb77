namespace CostCalc.Domain.Capacity;

/// <summary>The kubelet reservations of the EKS AMIs (nodeadm config.go; model.md §2.1).</summary>
public static class KubeReserved
{
    public const int EvictionHardMemoryMiB = 100;

    private static readonly (int FromMillicores, int ToMillicores, int HundredthsOfPercent)[] CpuTiers =
    [
        (0, 1000, 600),
        (1000, 2000, 100),
        (2000, 4000, 50),
        (4000, int.MaxValue, 25),
    ];

    /// <summary>11 MiB per pod the node may run, plus 255 MiB.</summary>
    public static int MemoryMiB(int maxPods) => (11 * maxPods) + 255;

    /// <summary>6 % of the first core, 1 % of the second, 0.5 % of cores 3–4, 0.25 % of the rest.</summary>
    public static int CpuMillicores(int vcpu)
    {
        var total = vcpu * 1000;
        var reserved = 0;
        foreach (var (from, to, pct) in CpuTiers)
        {
            if (total <= from)
            {
                break;
            }

            reserved += (Math.Min(total, to) - from) * pct / 10_000;
        }

        return reserved;
    }
}
