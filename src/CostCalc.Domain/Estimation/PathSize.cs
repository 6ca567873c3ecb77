namespace CostCalc.Domain.Estimation;

/// <summary>
/// How big one path is for a connection count: BEAM VMs, the machines that run them, and the
/// per-VM capacity at the distribution fixed point. Not feasible when a VM holds no connection.
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
}

/// <summary>Solves VMs needed = max(minimum, ⌈connections / per-VM⌉) + spare with the distribution tax.</summary>
public static class DistributionFixedPoint
{
    private const int MaxIterations = 64;

    /// <summary>
    /// Per-VM capacity falls as VMs are added (more messages cross VMs), so the count is iterated
    /// from the minimum until it stops growing. It converges in a few steps.
    /// </summary>
    public static (long Vms, VmCapacity Capacity, double RemoteFraction) Solve(
        double connections, Scenarios.Scenario scenario, VmResources vm)
    {
        long vms = scenario.MinimumInstances + scenario.SpareInstances;
        var remote = BeamVm.RemoteFraction(scenario, vms);
        var capacity = BeamVm.Capacity(vm, scenario, remote);
        for (var i = 0; i < MaxIterations && capacity.ConnectionsPerVm > 0; i++)
        {
            var needed = Math.Max(scenario.MinimumInstances, (long)Math.Ceiling(connections / capacity.ConnectionsPerVm))
                + scenario.SpareInstances;
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
