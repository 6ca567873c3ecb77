using CostCalc.Domain.Capacity;
using CostCalc.Domain.Catalog;
using CostCalc.Domain.Scenarios;
using CostCalc.Domain.Tests.TestSupport;

namespace CostCalc.Domain.Tests.Capacity;

public class NodeOverheadTests
{
    /// <summary>
    /// model.md §2.4 "Worked node overhead": type, maxPods (ENI), kube-reserved CPU m, kube-reserved MiB,
    /// eviction MiB, Karpenter VM overhead MiB (7.5 %), allocatable CPU m, allocatable MiB.
    /// </summary>
    public static TheoryData<string, int, int, int, int, int, int, int> WorkedTable => new()
    {
        { "t3.medium", 17, 70, 442, 100, 308, 1930, 3246 },
        { "t3.large", 35, 70, 640, 100, 615, 1930, 6837 },
        { "m5.large", 29, 70, 574, 100, 615, 1930, 6903 },
        { "m6i.large", 29, 70, 574, 100, 615, 1930, 6903 },
        { "c5.xlarge", 58, 80, 893, 100, 615, 3920, 6584 },
        { "c7g.xlarge", 58, 80, 893, 100, 610, 3920, 6525 },
        { "c5.4xlarge", 234, 110, 2829, 100, 2458, 15890, 27381 },
    };

    [Theory]
    [MemberData(nameof(WorkedTable))]
    public void For_WorkedTableRowEniMode_MatchesDomainTable(
        string name, int maxPods, int reservedCpu, int reservedMemory, int eviction, int vmOverhead7_5, int allocatableCpu, int allocatableMemory)
    {
        var type = Fixture.Find(name);

        var node = NodeOverhead.For(type, MaxPodsMode.Eni);

        Assert.Equal(name, node.InstanceType);
        Assert.Equal(maxPods, node.MaxPods);
        Assert.Equal(reservedCpu, node.KubeReservedCpuMillicores);
        Assert.Equal(reservedMemory, node.KubeReservedMemoryMiB);
        Assert.Equal(eviction, node.EvictionHardMemoryMiB);
        Assert.Equal(vmOverhead7_5, VmMemoryOverhead.HypervisorMiB(type));

        // Allocatable memory = MiB − (arm64: 64) − VM overhead − kube-reserved − eviction (model.md §2.4).
        var armReserve = type.Architecture == CpuArchitecture.Arm64 ? 64 : 0;
        Assert.Equal(type.MemoryMiB - armReserve - vmOverhead7_5, node.CapacityMemoryMiB);
        Assert.Equal(type.Vcpu * 1000, node.CapacityCpuMillicores);
        Assert.Equal(allocatableCpu, node.AllocatableCpuMillicores);
        Assert.Equal(allocatableMemory, node.AllocatableMemoryMiB);
    }

    [Theory]
    // model.md §6: reserved = (11 × maxPods + 255) MiB + 100 MiB eviction = 0.53 / 0.72 / 0.97 / 2.86 GiB.
    [InlineData("t3.medium", 0.53)]
    [InlineData("t3.large", 0.72)]
    [InlineData("c5.xlarge", 0.97)]
    [InlineData("c5.4xlarge", 2.86)]
    public void For_EssayCheck_KubernetesReservedMemoryMatchesDomainGiB(string name, double gib)
    {
        var node = NodeOverhead.For(Fixture.Find(name), MaxPodsMode.Eni);

        Assert.Equal(gib, Math.Round((node.KubeReservedMemoryMiB + node.EvictionHardMemoryMiB) / 1024.0, 2));
    }

    [Fact]
    public void For_Arm64_VmOverheadFieldIncludesThe64MiBCmaReserve()
    {
        // c7g.xlarge: model.md §2.4 lists 610 MiB of 7.5 % overhead after the 64 MiB CMA reserve; the
        // record's VmOverheadMemoryMiB is everything the OS does not see, so both together.
        var node = NodeOverhead.For(Fixture.C7gXLarge, MaxPodsMode.Eni);

        Assert.Equal(610 + 64, node.VmOverheadMemoryMiB);
    }

    [Fact]
    public void For_X64_VmOverheadFieldIsTheSevenAndAHalfPercent()
    {
        var node = NodeOverhead.For(Fixture.M5Large, MaxPodsMode.Eni);

        Assert.Equal(615, node.VmOverheadMemoryMiB);
    }

    [Fact]
    public void For_PrefixDelegation_RaisesMaxPodsButKubeReservedMemoryUsesEniMaxPods()
    {
        // m5.large with prefix delegation → 110 pods (model.md §2.2). The AMIs size kube-reserved memory
        // from the ENI max pods even when maxPods is overridden (model.md §2.1 AL2, §2.3 AL2023:
        // nodeadm passes GetClassicMaxPods to getMemoryMebibytesToReserve): 11 × 29 + 255 = 574 MiB.
        var node = NodeOverhead.For(Fixture.M5Large, MaxPodsMode.PrefixDelegation);

        Assert.Equal(110, node.MaxPods);
        Assert.Equal(574, node.KubeReservedMemoryMiB);
        Assert.Equal(6903, node.AllocatableMemoryMiB);
    }

    [Fact]
    public void For_FixedMaxPods_KubeReservedMemoryUsesEniMaxPods()
    {
        // c5.4xlarge limited to 50 pods: kube-reserved memory still 11 × 234 + 255 = 2829 MiB.
        var node = NodeOverhead.For(Fixture.C54XLarge, MaxPodsMode.Fixed, fixedMaxPods: 50);

        Assert.Equal(50, node.MaxPods);
        Assert.Equal(2829, node.KubeReservedMemoryMiB);
        Assert.Equal(27381, node.AllocatableMemoryMiB);
    }

    [Fact]
    public void For_AutoMode_UsesCappedMaxPodsForKubeReserved()
    {
        // Auto Mode caps at min(110, ENI) = 110 on c5.4xlarge (ENI 234). Auto Mode nodes are
        // Bottlerocket-based, which sizes kube-reserved from the actual maxPods (model.md §2.3): 11 × 110 + 255.
        var node = NodeOverhead.For(Fixture.C54XLarge, MaxPodsMode.Eni, autoMode: true);

        Assert.Equal(110, node.MaxPods);
        Assert.Equal(1465, node.KubeReservedMemoryMiB);
        Assert.Equal(32768 - 2458 - 1465 - 100, node.AllocatableMemoryMiB);
    }

    [Fact]
    public void For_CpuOnlyDependsOnVcpu_NotOnMaxPodsMode()
    {
        var eni = NodeOverhead.For(Fixture.C54XLarge, MaxPodsMode.Eni);
        var prefix = NodeOverhead.For(Fixture.C54XLarge, MaxPodsMode.PrefixDelegation);

        Assert.Equal(15890, eni.AllocatableCpuMillicores);
        Assert.Equal(15890, prefix.AllocatableCpuMillicores);
    }
}
