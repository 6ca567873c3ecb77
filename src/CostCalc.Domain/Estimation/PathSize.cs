namespace CostCalc.Domain.Estimation;

/// <summary>
/// How big one path is for a connection count: BEAM VMs, the machines that run them (system nodes
/// included), and the per-VM capacity. Not feasible when a VM holds no connection.
/// </summary>
public readonly record struct PathSize(
    long Vms,
    long Machines,
    long SystemNodes,
    long VmsPerMachine,
    VmCapacity Capacity,
    double RemoteFraction)
{
    public bool Feasible => Capacity.ConnectionsPerVm > 0 && Machines > 0;

    /// <summary>Machines that run BEAM VMs.</summary>
    public long BeamMachines => Machines - SystemNodes;
}

/// <summary>
/// Solves VMs = max(minimum, ⌈connections / per-VM⌉) + spare VMs (which may depend on the first term). Per-VM capacity depends on the
/// count (one VM sends nothing to others; two or more pay the remote-send CPU), so the count is
/// iterated from the minimum until it stops growing; it settles in one or two steps.
/// </summary>
public static class DistributionFixedPoint
{
    private const int MaxIterations = 64;

    /// <param name="spareVms">VMs on the spare machines: spare machines × VMs per machine.</param>
    public static (long Vms, VmCapacity Capacity, double RemoteFraction) Solve(
        double connections, Scenarios.Scenario scenario, VmResources vm, long spareVms) =>
        Solve(connections, scenario, vm, _ => spareVms);

    /// <param name="spareVms">The spare VMs for a count of VMs needed at peak (the spare policy, <see cref="Spares"/>).</param>
    public static (long Vms, VmCapacity Capacity, double RemoteFraction) Solve(
        double connections, Scenarios.Scenario scenario, VmResources vm, Func<long, long> spareVms)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(spareVms);
        long vms = scenario.MinimumInstances + spareVms(scenario.MinimumInstances);
        var remote = BeamVm.RemoteFraction(scenario, vms);
        var capacity = BeamVm.Capacity(vm, scenario, remote);
        for (var i = 0; i < MaxIterations && capacity.ConnectionsPerVm > 0; i++)
        {
            var peak = Math.Max(scenario.MinimumInstances, (long)Math.Ceiling(connections / capacity.ConnectionsPerVm));
            var needed = peak + spareVms(peak);
            if (needed <= vms)
            {
                break;
            }

            vms = needed;
            remote = BeamVm.RemoteFraction(scenario, vms);
            capacity = BeamVm.Capacity(vm, scenario, remote);
        }

        return (vms, capacity, remote);
    }
}
