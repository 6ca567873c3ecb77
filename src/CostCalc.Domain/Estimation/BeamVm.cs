using CostCalc.Domain.Scenarios;

namespace CostCalc.Domain.Estimation;

public enum BindingResource
{
    Memory,
    Cpu,
}

/// <summary>What one BEAM VM may use: memory, CPU cores and the schedulers it runs online.</summary>
public readonly record struct VmResources(double MemoryMiB, double CpuCores, int Schedulers);

/// <summary>
/// How many connections one BEAM VM holds, by memory and by CPU, at the target utilisation.
/// <see cref="CpuBoundConnections"/> is null when connections cost no CPU (no messages and free set-ups): the VM is
/// then not CPU-bound at all.
/// </summary>
public sealed record VmCapacity(
    double MemoryMiB,
    double CpuCores,
    int Schedulers,
    long MemoryBoundConnections,
    long? CpuBoundConnections)
{
    public long ConnectionsPerVm => CpuBoundConnections is { } cpu ? Math.Min(MemoryBoundConnections, cpu) : MemoryBoundConnections;

    public BindingResource Binding =>
        CpuBoundConnections is { } cpu && cpu < MemoryBoundConnections ? BindingResource.Cpu : BindingResource.Memory;
}

/// <summary>The capacity arithmetic of one BEAM VM (docs/model.md, "BEAM VM capacity").</summary>
public static class BeamVm
{
    /// <summary>No VM holds more connections than this; it keeps the arithmetic inside a long.</summary>
    private const double LargestCount = 1e15;

    public static double MicrosecondsPerSecond => 1_000_000;

    /// <summary>
    /// Share of messages whose receiver runs on another VM: the workload's input s whenever there
    /// are two VMs or more, nothing with one.
    /// </summary>
    public static double RemoteFraction(Scenario scenario, long vms) =>
        vms <= 1 ? 0 : scenario.RemoteMessagePercent / 100;

    /// <summary>
    /// CPU time one connection needs each second, in µs: local work plus remote sends, and its share of
    /// connection set-ups (and TLS handshakes where the VMs terminate TLS).
    /// </summary>
    public static double CpuMicrosecondsPerConnectionSecond(Scenario scenario, double remoteFraction) =>
        (scenario.MessagesPerConnectionPerSecond
         * (scenario.CpuMicrosecondsPerMessage + (remoteFraction * scenario.RemoteSendCpuMicroseconds)))
        + ConnectionSetup.CpuMicrosecondsPerConnectionSecond(scenario);

    /// <summary>CPU cores all connections keep busy, across every VM of a path.</summary>
    public static double CoresUsed(Scenario scenario, double connections, double remoteFraction) =>
        connections * CpuMicrosecondsPerConnectionSecond(scenario, remoteFraction) / MicrosecondsPerSecond;

    public static VmCapacity Capacity(VmResources vm, Scenario scenario, double remoteFraction)
    {
        var utilisation = scenario.TargetUtilisationPercent / 100;
        var memoryForConnectionsMiB = (vm.MemoryMiB * utilisation) - scenario.BeamBaseMemoryMiB;
        var memoryBound = Floor(memoryForConnectionsMiB * 1024 / scenario.MemoryPerConnectionKiB);
        var cpuPerConnection = CpuMicrosecondsPerConnectionSecond(scenario, remoteFraction);
        long? cpuBound = cpuPerConnection <= 0
            ? null
            : Floor(vm.CpuCores * MicrosecondsPerSecond * utilisation / cpuPerConnection);
        return new VmCapacity(vm.MemoryMiB, vm.CpuCores, vm.Schedulers, memoryBound, cpuBound);
    }

    /// <summary>
    /// Cores a BEAM VM can keep busy: its share of the CPU it runs on, no more than its CPU limit
    /// and no more than one core per scheduler online.
    /// </summary>
    public static double UsableCores(double shareCores, double? limitCores, int schedulers) =>
        Math.Max(0, Math.Min(Math.Min(shareCores, limitCores ?? double.MaxValue), schedulers));

    /// <summary>Whole connections; the tiny allowance keeps binary rounding (0.6 − 0.25 = 0.3499…) from losing one.</summary>
    private static long Floor(double value) => value <= 0 ? 0 : (long)Math.Min(Math.Floor(value + 1e-9), LargestCount);
}
