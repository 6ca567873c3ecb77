using CostCalc.Domain.Capacity;
using CostCalc.Domain.Catalog;
using CostCalc.Domain.Scenarios;
using CostCalc.Domain.Tests.TestSupport;

namespace CostCalc.Domain.Tests.Capacity;

public class MaxPodsTests
{
    /// <summary>model.md §2.2 reference values from eni-max-pods.txt.</summary>
    public static TheoryData<string, int> EniTable => new()
    {
        { "t3.medium", 17 },
        { "t3.large", 35 },
        { "m5.large", 29 },
        { "m6i.large", 29 },
        { "c5.xlarge", 58 },
        { "c7g.xlarge", 58 },
        { "c5.4xlarge", 234 },
        { "m5.24xlarge", 737 },
    };

    [Theory]
    [MemberData(nameof(EniTable))]
    public void Eni_FormulaOnEniAndIpv4Counts_MatchesEniMaxPodsTable(string name, int expected)
    {
        // Drop the listed value so ENIs × (IPv4 per ENI − 1) + 2 must produce it.
        var unlisted = Fixture.Find(name) with { ListedMaxPods = null };

        Assert.Equal(expected, MaxPods.Eni(unlisted));
    }

    [Theory]
    [MemberData(nameof(EniTable))]
    public void For_EniMode_MatchesEniMaxPodsTable(string name, int expected)
    {
        Assert.Equal(expected, MaxPods.For(Fixture.Find(name), MaxPodsMode.Eni, 110, autoMode: false));
    }

    [Fact]
    public void Eni_ListedValue_WinsOverFormula()
    {
        // eni-max-pods.txt is the source of truth where it lists a type (model.md §2.2).
        var listed = Fixture.M5Large with { ListedMaxPods = 31 };

        Assert.Equal(31, MaxPods.Eni(listed));
    }

    [Fact]
    public void Eni_UnknownTypeWithoutEniData_FallsBackToKubeletDefault110()
    {
        var unknown = Fixture.M5Large with { ListedMaxPods = null, MaxEnis = 0, Ipv4PerEni = 0 };

        Assert.Equal(110, MaxPods.Eni(unknown));
    }

    [Fact]
    public void For_PrefixDelegationM5Large_Is110()
    {
        // The doc's example: m5.large with prefix delegation → 110 (3 × 9 × 16 + 2 = 434, capped).
        Assert.Equal(110, MaxPods.For(Fixture.M5Large, MaxPodsMode.PrefixDelegation, 110, autoMode: false));
    }

    [Theory]
    // ≤ 30 vCPU → 110; > 30 vCPU → 250 (model.md §2.2).
    [InlineData("c5.4xlarge", 110)]
    [InlineData("m5.4xlarge", 110)]
    [InlineData("m5.8xlarge", 250)]
    [InlineData("m5.24xlarge", 250)]
    public void PrefixDelegation_LargeEniCounts_CappedBy30VcpuRule(string name, int expected)
    {
        Assert.Equal(expected, MaxPods.PrefixDelegation(Fixture.Find(name)));
    }

    [Theory]
    [InlineData(30, 110)]
    [InlineData(31, 250)]
    public void PrefixDelegation_At30VcpuBoundary_CapSwitchesAbove30(int vcpu, int expected)
    {
        var type = Fixture.M54XLarge with { Vcpu = vcpu };

        Assert.Equal(expected, MaxPods.PrefixDelegation(type));
    }

    [Fact]
    public void PrefixDelegation_FewAddresses_UncappedFormula()
    {
        // t3.nano: 2 ENIs × ((2 − 1) × 16) + 2 = 34 (ec2-eni-limits-and-bandwidth-karpenter.csv), below the 110 cap.
        var t3Nano = Fixture.Type("t3.nano", 2, 512, CpuArchitecture.X64, true, true, 0.05, 2, 2, 4);

        Assert.Equal(34, MaxPods.PrefixDelegation(t3Nano));
    }

    [Theory]
    // Auto Mode: min(110, ENI formula) (model.md §1.2), whatever max-pods mode is chosen.
    [InlineData("t3.medium", MaxPodsMode.Eni, 17)]
    [InlineData("m5.large", MaxPodsMode.PrefixDelegation, 29)]
    [InlineData("c5.xlarge", MaxPodsMode.Fixed, 58)]
    [InlineData("c5.4xlarge", MaxPodsMode.Eni, 110)]
    [InlineData("m5.24xlarge", MaxPodsMode.PrefixDelegation, 110)]
    public void For_AutoMode_IsMin110AndEni(string name, MaxPodsMode mode, int expected)
    {
        Assert.Equal(expected, MaxPods.For(Fixture.Find(name), mode, 200, autoMode: true));
    }

    [Theory]
    [InlineData(8)]
    [InlineData(110)]
    [InlineData(500)]
    public void For_FixedMode_ReturnsFixedValue(int fixedValue)
    {
        Assert.Equal(fixedValue, MaxPods.For(Fixture.C5XLarge, MaxPodsMode.Fixed, fixedValue, autoMode: false));
    }

    [Fact]
    public void For_PrefixDelegationOnNonNitro_FallsBackToEniValue()
    {
        // m4.large is Xen: no prefix delegation; eni-max-pods.txt lists 20 (2 × 9 + 2).
        Assert.False(Fixture.M4Large.Nitro);
        Assert.Equal(20, MaxPods.For(Fixture.M4Large, MaxPodsMode.PrefixDelegation, 110, autoMode: false));
    }
}
