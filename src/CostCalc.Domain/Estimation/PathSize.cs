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
/// Solves VMs = max(minimum, ⌈connections / per-VM⌉) + spare VMs. Per-VM capacity depends on the
/// count (one VM sends nothing to others; two or more pay the remote-send CPU), so the count is
/// iterated from the minimum until it stops growing; it settles in one or two steps.
/// </summary>
public static class DistributionFixedPoint
{
    private const int MaxIterations = 64;

    /// <param name="spareVms">VMs on the spare machines: spare machines × VMs per machine.</param>
    public static (long Vms, VmCapacity Capacity, double RemoteFraction) Solve(
        double connections, Scenarios.Scenario scenario, VmResources vm, long spareVms)
    {
        long vms = scenario.MinimumInstances + spareVms;
        var remote = BeamVm.RemoteFraction(scenario, vms);
        var capacity = BeamVm.Capacity(vm, scenario, remote);
        for (var i = 0; i < MaxIterations && capacity.ConnectionsPerVm > 0; i++)
        {
            var needed = Math.Max(scenario.MinimumInstances, (long)Math.Ceiling(connections / capacity.ConnectionsPerVm)) + spareVms;
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
