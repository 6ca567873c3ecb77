using CostCalc.Domain.Estimation;
using CostCalc.Domain.Scenarios;
using CostCalc.Domain.Tests.TestSupport;

namespace CostCalc.Domain.Tests.Estimation;

public class BeamVmTests
{
    /// <summary>
    /// 50 % target, 48 MiB base, 20 KiB and 1 msg/s of 100 µs per connection, no remote messages. Connection
    /// set-ups cost nothing here so the message arithmetic stays round; the set-up term has its own tests below.
    /// </summary>
    private static readonly Scenario Workload = new()
    {
        ConnectionSetupCpuMicroseconds = 0,
        TargetUtilisationPercent = 50,
        BeamBaseMemoryMiB = 48,
        MemoryPerConnectionKiB = 20,
        MessagesPerConnectionPerSecond = 1,
        CpuMicrosecondsPerMessage = 100,
        RemoteMessagePercent = 0,
    };

    [Theory]
    [InlineData(20, 2, 0.2)]
    [InlineData(20, 4, 0.2)]
    [InlineData(100, 50, 1.0)]
    public void RemoteFraction_TwoOrMoreVms_IsTheSharePercent(double percent, long vms, double expected)
    {
        // The input is the share of messages whose receiver runs on another VM; it does not shrink with N.
        var scenario = new Scenario { RemoteMessagePercent = percent };

        Assert.Equal(expected, BeamVm.RemoteFraction(scenario, vms), 12);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(0)]
    public void RemoteFraction_OneVmOrNone_IsZero(long vms)
    {
        Assert.Equal(0, BeamVm.RemoteFraction(new Scenario { RemoteMessagePercent = 100 }, vms));
    }

    [Fact]
    public void CpuMicrosecondsPerConnectionSecond_WithRemote_AddsRemoteSendCost()
    {
        // 0.2 msg/s × (50 µs + 0.1 × 70 µs) = 11.4 µs, plus the default set-ups behind an ALB (no TLS on the VMs):
        // 20 new conn/s ÷ 100,000 connections × 200 µs = 0.04 µs → 11.44 µs each second.
        var scenario = new Scenario { MessagesPerConnectionPerSecond = 0.2, CpuMicrosecondsPerMessage = 50, RemoteSendCpuMicroseconds = 70 };

        Assert.Equal(11.44, BeamVm.CpuMicrosecondsPerConnectionSecond(scenario, 0.1), 12);
    }

    [Theory]
    // Behind an ALB the VMs only set the connection up: 50 new conn/s ÷ 10,000 connections × 300 µs = 1.5 µs.
    [InlineData(LoadBalancer.Alb, 1.5)]
    // The VMs terminate TLS behind an NLB or with none: 50 ÷ 10,000 × (300 + 1,000) µs = 6.5 µs.
    [InlineData(LoadBalancer.Nlb, 6.5)]
    [InlineData(LoadBalancer.None, 6.5)]
    public void ConnectionSetup_IsTheConnectionsShareOfNewConnectionsTimesOneSetUp(LoadBalancer balancer, double expected)
    {
        var scenario = new Scenario
        {
            PeakConnections = 10_000, NewConnectionsPerSecond = 50, ConnectionSetupCpuMicroseconds = 300,
            TlsHandshakeCpuMicroseconds = 1_000, LoadBalancer = balancer,
        };

        Assert.Equal(expected, ConnectionSetup.CpuMicrosecondsPerConnectionSecond(scenario), 12);
    }

    [Fact]
    public void ConnectionSetup_NoConnections_CostsNothing()
    {
        // No peak connections: no share to take (and no division by zero).
        var scenario = new Scenario { PeakConnections = 0, NewConnectionsPerSecond = 50, LoadBalancer = LoadBalancer.None };

        Assert.Equal(0, ConnectionSetup.CpuMicrosecondsPerConnectionSecond(scenario));
    }

    [Fact]
    public void Capacity_ConnectionSetUps_CostCpuBesideMessages()
    {
        // 1 msg/s × 100 µs + 1,000 new conn/s ÷ 100,000 connections × 500 µs = 100 + 5 = 105 µs per
        // connection-second → 2 cores × 10⁶ × 0.5 / 105 = 9,523.8 → 9,523 (10,000 without the set-ups).
        var scenario = Workload with { ConnectionSetupCpuMicroseconds = 500, NewConnectionsPerSecond = 1_000, PeakConnections = 100_000 };

        var capacity = BeamVm.Capacity(new VmResources(4096, 2, 2), scenario, 0);

        Assert.Equal(9_523, capacity.CpuBoundConnections);
        Assert.Equal(BindingResource.Cpu, capacity.Binding);
    }

    [Fact]
    public void Capacity_NoMessagesButSetUps_IsStillCpuBound()
    {
        // Silent connections still cost their set-ups: 1,000 ÷ 100,000 × 500 µs = 5 µs per connection-second
        // → 2 × 10⁶ × 0.5 / 5 = 200,000 by CPU; memory holds 102,400 and binds.
        var scenario = Workload with
        {
            MessagesPerConnectionPerSecond = 0, ConnectionSetupCpuMicroseconds = 500, NewConnectionsPerSecond = 1_000, PeakConnections = 100_000,
        };

        var capacity = BeamVm.Capacity(new VmResources(4096, 2, 2), scenario, 0);

        Assert.Equal(200_000, capacity.CpuBoundConnections);
        Assert.Equal(102_400, capacity.ConnectionsPerVm);
        Assert.Equal(BindingResource.Memory, capacity.Binding);
    }

    [Fact]
    public void Capacity_CpuHeavyWorkload_BindsOnCpu()
    {
        // Memory: (4096 × 0.5 − 48) MiB × 1024 / 20 KiB = 102,400. CPU: 2 × 10⁶ µs × 0.5 / 100 µs = 10,000.
        var capacity = BeamVm.Capacity(new VmResources(4096, 2, 2), Workload, 0);

        Assert.Equal(102_400, capacity.MemoryBoundConnections);
        Assert.Equal(10_000, capacity.CpuBoundConnections);
        Assert.Equal(10_000, capacity.ConnectionsPerVm);
        Assert.Equal(BindingResource.Cpu, capacity.Binding);
    }

    [Fact]
    public void Capacity_MemoryHeavyWorkload_BindsOnMemory()
    {
        // 0.01 msg/s → 1 µs per connection-second → 10⁶ CPU-bound; memory still 102,400.
        var scenario = Workload with { MessagesPerConnectionPerSecond = 0.01 };

        var capacity = BeamVm.Capacity(new VmResources(4096, 2, 2), scenario, 0);

        Assert.Equal(1_000_000, capacity.CpuBoundConnections);
        Assert.Equal(102_400, capacity.ConnectionsPerVm);
        Assert.Equal(BindingResource.Memory, capacity.Binding);
    }

    [Fact]
    public void Capacity_BoundsEqual_ReportsMemoryAsBinding()
    {
        // 9.765625 µs per connection-second → 10⁶ / 9.765625 = 102,400 = the memory bound: a tie is reported as memory.
        var scenario = Workload with { CpuMicrosecondsPerMessage = 9.765625 };

        var capacity = BeamVm.Capacity(new VmResources(4096, 2, 2), scenario, 0);

        Assert.Equal(capacity.MemoryBoundConnections, capacity.CpuBoundConnections);
        Assert.Equal(BindingResource.Memory, capacity.Binding);
    }

    [Fact]
    public void Capacity_RemoteMessages_CostExtraCpu()
    {
        // Half the messages go to the other VM at 100 µs extra each → 1 × (100 + 0.5 × 100) = 150 µs per
        // connection-second → 2 cores × 10⁶ × 0.5 / 150 = 6,666.
        var scenario = Workload with { RemoteMessagePercent = 50, RemoteSendCpuMicroseconds = 100 };

        var capacity = BeamVm.Capacity(new VmResources(4096, 2, 2), scenario, BeamVm.RemoteFraction(scenario, 2));

        Assert.Equal(6_666, capacity.CpuBoundConnections);
    }

    [Fact]
    public void Capacity_NoCpuPerConnection_CpuIsUnboundedAndMemoryBinds()
    {
        // No messages and (in Workload) set-ups that cost nothing: a connection costs no CPU at all.
        var scenario = Workload with { MessagesPerConnectionPerSecond = 0 };

        var capacity = BeamVm.Capacity(new VmResources(4096, 2, 2), scenario, 0);

        Assert.Null(capacity.CpuBoundConnections);
        Assert.Equal(BindingResource.Memory, capacity.Binding);
        Assert.Equal(102_400, capacity.ConnectionsPerVm);
    }

    [Fact]
    public void Capacity_BaseMemoryLargerThanUsableMemory_HoldsNoConnection()
    {
        var scenario = Workload with { BeamBaseMemoryMiB = 2049 };

        var capacity = BeamVm.Capacity(new VmResources(4096, 2, 2), scenario, 0);

        Assert.Equal(0, capacity.MemoryBoundConnections);
        Assert.Equal(0, capacity.ConnectionsPerVm);
    }

    [Theory]
    [MemberData(nameof(PropertyCases.Seeds), MemberType = typeof(PropertyCases))]
    public void Capacity_MoreMemoryPerConnection_NeverRaisesConnectionsPerVm(int seed)
    {
        var random = new Random(seed);
        var scenario = RandomScenarios.Workload(random);
        var vm = RandomScenarios.Vm(random);
        var remote = BeamVm.RemoteFraction(scenario, random.Next(1, 500));
        var more = scenario with { MemoryPerConnectionKiB = scenario.MemoryPerConnectionKiB * RandomScenarios.Between(random, 1, 20) };

        var before = BeamVm.Capacity(vm, scenario, remote);
        var after = BeamVm.Capacity(vm, more, remote);

        Assert.True(after.ConnectionsPerVm <= before.ConnectionsPerVm,
            $"{scenario.MemoryPerConnectionKiB} KiB → {before.ConnectionsPerVm}; {more.MemoryPerConnectionKiB} KiB → {after.ConnectionsPerVm}");
    }

    [Theory]
    [MemberData(nameof(PropertyCases.Seeds), MemberType = typeof(PropertyCases))]
    public void Capacity_DearerSetUpsOrMoreChurn_NeverRaiseConnectionsPerVm(int seed)
    {
        var random = new Random(seed);
        var scenario = RandomScenarios.Workload(random) with
        {
            ConnectionSetupCpuMicroseconds = RandomScenarios.Between(random, 0, 2_000),
            LoadBalancer = RandomScenarios.Pick<LoadBalancer>(random),
        };
        var vm = RandomScenarios.Vm(random);
        var remote = BeamVm.RemoteFraction(scenario, random.Next(1, 500));
        var dearer = scenario with { ConnectionSetupCpuMicroseconds = scenario.ConnectionSetupCpuMicroseconds + RandomScenarios.Between(random, 1, 2_000) };
        var churnier = scenario with { NewConnectionsPerSecond = scenario.NewConnectionsPerSecond + RandomScenarios.Between(random, 1, 2_000) };

        var before = BeamVm.Capacity(vm, scenario, remote);

        Assert.True(BeamVm.Capacity(vm, dearer, remote).ConnectionsPerVm <= before.ConnectionsPerVm, "dearer set-ups");
        Assert.True(BeamVm.Capacity(vm, churnier, remote).ConnectionsPerVm <= before.ConnectionsPerVm, "more new connections");
        // A set-up that costs something (≥ 1 µs, ≥ 1 new connection a second) bounds the VM by CPU even without messages.
        Assert.NotNull(BeamVm.Capacity(vm, dearer with { NewConnectionsPerSecond = churnier.NewConnectionsPerSecond }, remote).CpuBoundConnections);
    }

    [Theory]
    [MemberData(nameof(PropertyCases.Seeds), MemberType = typeof(PropertyCases))]
    public void Capacity_RandomVm_MatchesDesignFormulasAndReportsBinding(int seed)
    {
        var random = new Random(seed);
        var scenario = RandomScenarios.Workload(random) with
        {
            MessagesPerConnectionPerSecond = RandomScenarios.Between(random, 0.001, 5),
            ConnectionSetupCpuMicroseconds = RandomScenarios.Between(random, 0, 2_000),
            TlsHandshakeCpuMicroseconds = RandomScenarios.Between(random, 0, 5_000),
            LoadBalancer = RandomScenarios.Pick<LoadBalancer>(random),
        };
        var vm = RandomScenarios.Vm(random);
        var remote = BeamVm.RemoteFraction(scenario, random.Next(1, 500));

        var capacity = BeamVm.Capacity(vm, scenario, remote);

        // The model: memory-bound = (memory × u − base) / KiB per connection; CPU-bound =
        // cores × u / (msg/s × (µs per message + remote share × µs per remote send)
        //              + new conn/s ÷ peak connections × (µs per set-up + µs per TLS handshake where the VMs terminate TLS)).
        var u = scenario.TargetUtilisationPercent / 100;
        var memoryBound = Math.Max(0, Math.Floor(((vm.MemoryMiB * u) - scenario.BeamBaseMemoryMiB) * 1024 / scenario.MemoryPerConnectionKiB));
        var tls = scenario.LoadBalancer is LoadBalancer.Nlb or LoadBalancer.None ? scenario.TlsHandshakeCpuMicroseconds : 0;
        var cpuPerConnection = (scenario.MessagesPerConnectionPerSecond
                * (scenario.CpuMicrosecondsPerMessage + (remote * scenario.RemoteSendCpuMicroseconds)))
            + (scenario.NewConnectionsPerSecond / scenario.PeakConnections * (scenario.ConnectionSetupCpuMicroseconds + tls));
        var cpuBound = Math.Floor(vm.CpuCores * 1e6 * u / cpuPerConnection);
        Assert.InRange(capacity.MemoryBoundConnections, memoryBound - 1, memoryBound + 1);
        var cpu = Assert.NotNull(capacity.CpuBoundConnections);
        Assert.InRange(cpu, Math.Min(cpuBound, 1e15) - 1, Math.Min(cpuBound, 1e15) + 1);
        var binding = cpu < capacity.MemoryBoundConnections ? BindingResource.Cpu : BindingResource.Memory;
        Assert.Equal(binding, capacity.Binding);
        Assert.Equal(Math.Min(cpu, capacity.MemoryBoundConnections), capacity.ConnectionsPerVm);
    }
}
