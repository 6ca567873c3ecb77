using CostCalc.Domain.Scenarios;

namespace CostCalc.Domain.Estimation;

public enum BindingResource
{
    Memory,
    Cpu,
}

/// <summary>What one BEAM VM may use: memory, CPU cores and the schedulers it runs online.</summary>
public readonly record struct VmResources(double MemoryMiB, double CpuCores, int Schedulers);

/// <summary>How many connections one BEAM VM holds, by memory and by CPU, at the target utilisation.</summary>
public sealed record VmCapacity(
    double MemoryMiB,
    double CpuCores,
    int Schedulers,
    long MemoryBoundConnections,
    long CpuBoundConnections)
{
    public long ConnectionsPerVm => Math.Min(MemoryBoundConnections, CpuBoundConnections);

    public BindingResource Binding =>
        CpuBoundConnections < MemoryBoundConnections ? BindingResource.Cpu : BindingResource.Memory;
}

/// <summary>The capacity arithmetic of one BEAM VM (DESIGN "The model").</summary>
public static class BeamVm
{
    /// <summary>Bounds the connection count where CPU per connection is zero.</summary>
    public const long Unbounded = 1_000_000_000_000_000;

    public static double MicrosecondsPerSecond => 1_000_000;

    /// <summary>Share of messages that go to another VM when there are <paramref name="vms"/>: s × (1 − 1/N).</summary>
    public static double RemoteFraction(Scenario scenario, long vms) =>
        vms <= 1 ? 0 : scenario.RemoteMessagePercent / 100 * (1 - (1.0 / vms));

    /// <summary>CPU time one connection needs each second, in µs, local work plus remote sends.</summary>
    public static double CpuMicrosecondsPerConnectionSecond(Scenario scenario, double remoteFraction) =>
        scenario.MessagesPerConnectionPerSecond
        * (scenario.CpuMicrosecondsPerMessage + (remoteFraction * scenario.RemoteSendCpuMicroseconds));

    /// <summary>CPU cores all connections keep busy, across every VM of a path.</summary>
    public static double CoresUsed(Scenario scenario, double connections, double remoteFraction) =>
        connections * CpuMicrosecondsPerConnectionSecond(scenario, remoteFraction) / MicrosecondsPerSecond;

    public static VmCapacity Capacity(VmResources vm, Scenario scenario, double remoteFraction)
    {
        var utilisation = scenario.TargetUtilisationPercent / 100;
        var memoryForConnectionsMiB = (vm.MemoryMiB * utilisation) - scenario.BeamBaseMemoryMiB;
        var memoryBound = Floor(memoryForConnectionsMiB * 1024 / scenario.MemoryPerConnectionKiB);
        var cpuPerConnection = CpuMicrosecondsPerConnectionSecond(scenario, remoteFraction);
        var cpuBound = cpuPerConnection <= 0
            ? Unbounded
            : Floor(vm.CpuCores * MicrosecondsPerSecond * utilisation / cpuPerConnection);
        return new VmCapacity(vm.MemoryMiB, vm.CpuCores, vm.Schedulers, memoryBound, cpuBound);
    }

    private static long Floor(double value) => value <= 0 ? 0 : (long)Math.Min(Math.Floor(value), Unbounded);
}
