using System.Text.Json.Serialization;

namespace CostCalc.Domain.Catalog;

/// <summary>CPU architecture, named as EC2 names it.</summary>
public enum CpuArchitecture
{
    [JsonStringEnumMemberName("x86_64")]
    X64,

    [JsonStringEnumMemberName("arm64")]
    Arm64,
}

/// <summary>
/// The specs of one EC2 instance type that the model needs. Memory is MiB as AWS reports it
/// (DescribeInstanceTypes <c>MemoryInfo.SizeInMiB</c>).
/// </summary>
/// <param name="BurstableBaselinePerVcpu">Baseline as a fraction of each vCPU (0.30 = 30 %) for T-family types; null otherwise.</param>
/// <param name="MaxEnis">ENIs on the default network card (what max pods counts).</param>
/// <param name="Ipv4PerEni">IPv4 addresses per ENI.</param>
/// <param name="ListedMaxPods">The value in the VPC CNI's eni-max-pods.txt, when the type is listed there.</param>
public sealed record InstanceType(
    string Name,
    string Family,
    string Size,
    int Vcpu,
    int MemoryMiB,
    CpuArchitecture Architecture,
    bool CurrentGeneration,
    bool BareMetal,
    bool Nitro,
    double? BurstableBaselinePerVcpu,
    int MaxEnis,
    int Ipv4PerEni,
    int? ListedMaxPods)
{
    public bool IsBurstable => BurstableBaselinePerVcpu is not null;

    /// <summary>The vCPUs a VM can keep busy: all of them, or a burstable type's baseline share unless credits are unlimited.</summary>
    public double SustainedVcpus(bool unlimitedCredits) =>
        Vcpu * (BurstableBaselinePerVcpu is { } baseline && !unlimitedCredits ? baseline : 1);

    /// <summary>The generation digit of the family (m6i → 6), 0 when the name has none.</summary>
    public int Generation
    {
        get
        {
            foreach (var c in Family)
            {
                if (char.IsAsciiDigit(c))
                {
                    return c - '0';
                }
            }

            return 0;
        }
    }
}
