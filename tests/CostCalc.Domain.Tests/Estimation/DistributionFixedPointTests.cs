using CostCalc.Domain.Estimation;
using CostCalc.Domain.Scenarios;
using CostCalc.Domain.Tests.TestSupport;

namespace CostCalc.Domain.Tests.Estimation;

public class DistributionFixedPointTests
{
    /// <summary>
    /// Every message remote at 900 µs extra, 100 µs local work, 1 msg/s, 1 core at 100 %, memory ample:
    /// one VM holds 10⁶ connections alone, and 10⁶ / (100 + 900) = 1,000 once there are two or more.
    /// Connection set-ups cost nothing here: they do not depend on the VM count, and these tests are about
    /// how the remote share moves the count, with round per-VM capacities.
    /// </summary>
    private static readonly Scenario RemoteHeavy = new()
    {
        ConnectionSetupCpuMicroseconds = 0,
        TargetUtilisationPercent = 100,
        BeamBaseMemoryMiB = 0,
        MemoryPerConnectionKiB = 1,
        MessagesPerConnectionPerSecond = 1,
        CpuMicrosecondsPerMessage = 100,
        RemoteMessagePercent = 100,
        RemoteSendCpuMicroseconds = 900,
        MinimumInstances = 1,
        SpareInstances = 0,
    };

    private static readonly VmResources OneCore = new(1_000_000, 1, 1);

    [Fact]
    public void Solve_FitsOnOneVm_StaysAtOneWithNoRemoteTraffic()
    {
        var (vms, capacity, remote) = DistributionFixedPoint.Solve(5_000, RemoteHeavy, OneCore, RemoteHeavy.SpareInstances);

        Assert.Equal(1, vms);
        Assert.Equal(0, remote);
        Assert.Equal(10_000, capacity.ConnectionsPerVm);
    }

    [Fact]
    public void Solve_DistributionTax_IteratesToFifteenVms()
    {
        // By hand: 15,000 connections. N=1: no remote sends, 10⁶/100 = 10,000/VM → 2 VMs. N=2: every
        // message remote, 10⁶/(100 + 900) = 1,000/VM → 15 VMs. N=15: 1,000/VM → 15 (15 × 1,000 = 15,000).
        var (vms, capacity, remote) = DistributionFixedPoint.Solve(15_000, RemoteHeavy, OneCore, RemoteHeavy.SpareInstances);

        Assert.Equal(15, vms);
        Assert.Equal(1_000, capacity.ConnectionsPerVm);
        Assert.Equal(1.0, remote, 12);
        Assert.Equal(BindingResource.Cpu, capacity.Binding);
    }

    [Fact]
    public void Solve_FewConnections_ReturnsMinimumPlusSpare()
    {
        var scenario = RemoteHeavy with { MinimumInstances = 3, SpareInstances = 2 };

        var (vms, _, remote) = DistributionFixedPoint.Solve(10, scenario, OneCore, scenario.SpareInstances);

        Assert.Equal(5, vms);
        Assert.Equal(1.0, remote, 12);
    }

    [Fact]
    public void Solve_Spares_AreAddedOnTopOfTheNeededCount()
    {
        // No remote traffic: 10,000 per VM, 95,000 connections → 10 needed + 2 spare.
        var scenario = RemoteHeavy with { RemoteMessagePercent = 0, SpareInstances = 2 };

        var (vms, _, _) = DistributionFixedPoint.Solve(95_000, scenario, OneCore, scenario.SpareInstances);

        Assert.Equal(12, vms);
    }

    [Fact]
    public void Solve_VmHoldsNothing_StopsAtTheMinimum()
    {
        var scenario = RemoteHeavy with { BeamBaseMemoryMiB = 2_000_000 };

        var (vms, capacity, _) = DistributionFixedPoint.Solve(1_000, scenario, OneCore, scenario.SpareInstances);

        Assert.Equal(0, capacity.ConnectionsPerVm);
        Assert.Equal(1, vms);
    }

    [Theory]
    [MemberData(nameof(PropertyCases.Seeds), MemberType = typeof(PropertyCases))]
    public void Solve_RandomWorkload_ConvergesToTheSmallestSufficientCount(int seed)
    {
        var random = new Random(seed);
        var scenario = RandomScenarios.Workload(random);
        var vm = RandomScenarios.Vm(random);
        double connections = scenario.PeakConnections;

        var (vms, capacity, remote) = DistributionFixedPoint.Solve(connections, scenario, vm, scenario.SpareInstances);

        if (capacity.ConnectionsPerVm == 0)
        {
            return;
        }

        // At the fixed point: the capacity is the one for this many VMs …
        Assert.Equal(BeamVm.RemoteFraction(scenario, vms), remote);
        Assert.Equal(BeamVm.Capacity(vm, scenario, remote), capacity);

        // … the VMs other than the spares hold every connection, and the minimum is kept …
        Assert.True(vms >= scenario.MinimumInstances + scenario.SpareInstances);
        Assert.True((vms - scenario.SpareInstances) * (double)capacity.ConnectionsPerVm >= connections,
            $"{vms} VMs × {capacity.ConnectionsPerVm} < {connections}");

        // … and one VM fewer would not do: its own per-VM capacity is too small (or it breaks the minimum).
        var fewer = vms - 1;
        if (fewer >= scenario.MinimumInstances + scenario.SpareInstances)
        {
            var fewerCapacity = BeamVm.Capacity(vm, scenario, BeamVm.RemoteFraction(scenario, fewer));
            Assert.True((fewer - scenario.SpareInstances) * (double)fewerCapacity.ConnectionsPerVm < connections,
                $"{fewer} VMs × {fewerCapacity.ConnectionsPerVm} would hold {connections}");
        }
    }
}
