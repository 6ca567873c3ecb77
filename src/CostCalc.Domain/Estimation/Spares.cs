using System.Globalization;
using CostCalc.Domain.Scenarios;

namespace CostCalc.Domain.Estimation;

/// <summary>
/// The spare capacity of a path under the scenario's <see cref="SparePolicy"/> (docs/model.md §7.6):
/// N+k machines, N+k BEAM VMs, or enough machines spread over the zones that losing the largest
/// zone still leaves the N machines peak needs.
/// </summary>
public static class Spares
{
    /// <summary>
    /// Spare VMs on top of <paramref name="neededVms"/> (the VMs peak needs at the target utilisation,
    /// the minimum included), for machines that each run <paramref name="vmsPerMachine"/> VMs.
    /// </summary>
    public static long SpareVms(Scenario scenario, long neededVms, long vmsPerMachine)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var perMachine = Math.Max(1, vmsPerMachine);
        return scenario.SparePolicy switch
        {
            SparePolicy.Vms => scenario.SpareInstances,
            SparePolicy.Zone => (ZoneMachines(CeilDiv(neededVms, perMachine), scenario.AvailabilityZones) - CeilDiv(neededVms, perMachine)) * perMachine,
            _ => scenario.SpareInstances * perMachine,
        };
    }

    /// <summary>
    /// The fewest machines M spread evenly over <paramref name="zones"/> zones (the largest zone holds
    /// ⌈M/Z⌉) such that M − ⌈M/Z⌉ ≥ <paramref name="needed"/>. With one zone nothing survives its loss:
    /// the validator rejects the zone policy then, and this returns <paramref name="needed"/>.
    /// </summary>
    public static long ZoneMachines(long needed, int zones)
    {
        if (needed <= 0 || zones < 2)
        {
            return Math.Max(0, needed);
        }

        // With M = N + k: M − ⌈M/Z⌉ ≥ N ⇔ k ≥ ⌈(N + k)/Z⌉ ⇔ k ≥ (N + k)/Z (k is whole) ⇔ k(Z − 1) ≥ N,
        // so the fewest spares are k = ⌈N/(Z − 1)⌉: N on 2 zones, N/2 on 3.
        return needed + CeilDiv(needed, zones - 1);
    }

    /// <summary>Machines in the largest zone when <paramref name="machines"/> are spread evenly over <paramref name="zones"/>.</summary>
    public static long LargestZone(long machines, int zones) => CeilDiv(machines, Math.Max(1, zones));

    /// <summary>
    /// What the plan survives, in words every view shows: "survives losing 1 instance", "survives losing
    /// any 1 of 3 zones (4 nodes each)". Null when the path cannot run.
    /// </summary>
    /// <param name="kind">The path's machine kind, singular ("instance", "node", "Fargate pod").</param>
    public static string? Survives(Scenario scenario, PathSize size, string kind)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        if (!size.Feasible)
        {
            return null;
        }

        var inv = CultureInfo.InvariantCulture;
        var k = scenario.SpareInstances;
        switch (scenario.SparePolicy)
        {
            case SparePolicy.Zone:
                var zones = scenario.AvailabilityZones;
                var machines = size.BeamMachines;
                var largest = LargestZone(machines, zones);
                var even = machines % zones == 0;
                return string.Create(inv, $"survives losing any 1 of {zones} zones ({(even ? "" : "up to ")}{Plural(largest, kind)} each)");
            case SparePolicy.Vms when size.VmsPerMachine > 1:
                var wholeMachines = k / size.VmsPerMachine;
                return k == 0 ? "no spare: losing 1 BEAM VM drops below peak"
                    : wholeMachines == 0
                        ? string.Create(inv, $"survives losing {Plural(k, "BEAM VM")}, not a whole {kind} ({size.VmsPerMachine:#,0} VMs each)")
                        : string.Create(inv, $"survives losing {Plural(k, "BEAM VM")} or {Plural(wholeMachines, kind)}");
            default:
                return k == 0
                    ? string.Create(inv, $"no spare: losing 1 {kind} drops below peak")
                    : string.Create(inv, $"survives losing {Plural(k, kind)}");
        }
    }

    private static string Plural(long count, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{count:#,0} {noun}{(count == 1 ? "" : "s")}");

    private static long CeilDiv(long value, long divisor) => divisor <= 0 ? 0 : (value + divisor - 1) / divisor;
}
