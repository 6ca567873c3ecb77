namespace CostCalc.Domain.Capacity;

/// <summary>A Fargate pod size as provisioned and billed, in vCPU and GB (model.md §1.3).</summary>
public readonly record struct FargateShape(double Vcpu, double MemoryGb)
{
    /// <summary>Fargate adds this much memory for kubelet, kube-proxy and containerd.</summary>
    public const int AddedMemoryMiB = 256;

    // vCPU, smallest and largest memory, memory step (GB) of each supported combination.
    private static readonly (double Vcpu, double MinGb, double MaxGb, double StepGb)[] Combinations =
    [
        (0.25, 0.5, 0.5, 0.5), (0.25, 1, 2, 1),
        (0.5, 1, 4, 1),
        (1, 2, 8, 1),
        (2, 4, 16, 1),
        (4, 8, 30, 1),
        (8, 16, 60, 4),
        (16, 32, 120, 8),
    ];

    /// <summary>
    /// The smallest supported shape that holds the request after Fargate's 256 MiB, or null when no
    /// shape is large enough.
    /// </summary>
    public static FargateShape? For(int cpuMillicores, int memoryMiB) => Smallest(cpuMillicores / 1000.0, (memoryMiB + AddedMemoryMiB) / 1024.0);

    /// <summary>
    /// The smallest supported size that holds an ECS task of <paramref name="cpuUnits"/> (1,024 = 1 vCPU) and
    /// <paramref name="memoryMiB"/>: ECS bills the task size itself, with nothing added (model.md §11.4). Null when no size is large enough.
    /// </summary>
    public static FargateShape? ForEcsTask(int cpuUnits, int memoryMiB) => Smallest(cpuUnits / 1024.0, memoryMiB / 1024.0);

    private static FargateShape? Smallest(double vcpu, double gb)
    {
        foreach (var (shapeVcpu, minGb, maxGb, step) in Combinations)
        {
            if (shapeVcpu >= vcpu && gb <= maxGb)
            {
                var memory = gb <= minGb ? minGb : minGb + (Math.Ceiling((gb - minGb) / step) * step);
                return new FargateShape(shapeVcpu, memory);
            }
        }

        return null;
    }
}
