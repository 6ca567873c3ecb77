using CostCalc.Domain.Capacity;

namespace CostCalc.Domain.Tests.Capacity;

public class KubeReservedTests
{
    /// <summary>model.md §2.1 table (EKS-AMI nodeadm getCPUMillicoresToReserve).</summary>
    public static TheoryData<int, int> CpuTable => new()
    {
        { 1, 60 },
        { 2, 70 },
        { 4, 80 },
        { 8, 90 },
        { 16, 110 },
        { 32, 150 },
        { 64, 230 },
    };

    [Theory]
    [MemberData(nameof(CpuTable))]
    public void CpuMillicores_DomainTableVcpu_MatchesTable(int vcpu, int expected)
    {
        Assert.Equal(expected, KubeReserved.CpuMillicores(vcpu));
    }

    [Theory]
    // 6 % of core 1, + 1 % of core 2, + 0.5 % of each of cores 3–4, + 0.25 % of each core above 4.
    [InlineData(3, 60 + 10 + 5)]
    [InlineData(48, 60 + 10 + 10 + (44 * 25 / 10))]
    [InlineData(96, 60 + 10 + 10 + (92 * 25 / 10))]
    [InlineData(192, 60 + 10 + 10 + (188 * 25 / 10))]
    public void CpuMillicores_BetweenTableRows_FollowsTierPercentages(int vcpu, int expected)
    {
        Assert.Equal(expected, KubeReserved.CpuMillicores(vcpu));
    }

    [Fact]
    public void CpuMillicores_NoCpu_ReservesNothing()
    {
        Assert.Equal(0, KubeReserved.CpuMillicores(0));
    }

    [Theory]
    // 11 × maxPods + 255: model.md §2.1; values for the §2.2 max-pods table.
    [InlineData(17, 442)]
    [InlineData(29, 574)]
    [InlineData(35, 640)]
    [InlineData(58, 893)]
    [InlineData(110, 1465)]
    [InlineData(234, 2829)]
    [InlineData(737, 8362)]
    public void MemoryMiB_MaxPods_IsElevenPerPodPlus255(int maxPods, int expected)
    {
        Assert.Equal(expected, KubeReserved.MemoryMiB(maxPods));
    }

    [Fact]
    public void EvictionHardMemoryMiB_Default_Is100()
    {
        Assert.Equal(100, KubeReserved.EvictionHardMemoryMiB);
    }

    [Fact]
    public void CpuMillicores_MoreVcpu_NeverReservesLess()
    {
        for (var vcpu = 1; vcpu < 448; vcpu++)
        {
            Assert.True(KubeReserved.CpuMillicores(vcpu + 1) >= KubeReserved.CpuMillicores(vcpu), $"{vcpu} → {vcpu + 1} vCPU");
        }
    }
}
