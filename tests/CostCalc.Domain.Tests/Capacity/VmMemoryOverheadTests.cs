using CostCalc.Domain.Capacity;
using CostCalc.Domain.Tests.TestSupport;

namespace CostCalc.Domain.Tests.Capacity;

public class VmMemoryOverheadTests
{
    [Theory]
    // ceil(MiB × 0.075), after 64 MiB on arm64 (model.md §2.3 / §2.4).
    [InlineData("t3.medium", 308, 4096 - 308)]
    [InlineData("m5.large", 615, 8192 - 615)]
    [InlineData("c7g.xlarge", 610, 8192 - 64 - 610)]
    [InlineData("c5.4xlarge", 2458, 32768 - 2458)]
    public void HypervisorAndVisibleMiB_DomainRows_MatchKarpenterEstimate(string name, int hypervisor, int visible)
    {
        var type = Fixture.Find(name);

        Assert.Equal(hypervisor, VmMemoryOverhead.HypervisorMiB(type));
        Assert.Equal(visible, VmMemoryOverhead.VisibleMiB(type));
    }

    [Fact]
    public void CmaReserveMiB_Arm64AndX64_OnlyArmReserves64()
    {
        Assert.Equal(64, VmMemoryOverhead.CmaReserveMiB(Fixture.C7gXLarge));
        Assert.Equal(0, VmMemoryOverhead.CmaReserveMiB(Fixture.C5XLarge));
    }
}
