using System.Globalization;
using CostCalc.Domain.Scenarios;

namespace CostCalc.Domain.Estimation;

/// <summary>How many BEAM VMs one restart event takes down at the same time (docs/model.md §6.2).</summary>
public static class RestartWaves
{
    /// <summary>Kubernetes' RollingUpdate default maxUnavailable: 25 % of the replicas, rounded down.</summary>
    public const double RollingUpdateMaxUnavailable = 0.25;

    /// <summary>Kubernetes' RollingUpdate default maxSurge: 25 % of the replicas, rounded up.</summary>
    public const double RollingUpdateMaxSurge = 0.25;

    /// <summary>An EC2 instance refresh keeps 90 % healthy by default, so it replaces up to 10 % at a time.</summary>
    public const double InstanceRefreshShare = 0.10;

    /// <summary>EKS Auto Mode's default disruption budget: 10 % of the nodes at a time.</summary>
    public const double AutoModeDisruptionBudget = 0.10;

    /// <summary>One machine's VMs: a rolling restart of one instance, a managed node group's one node, a spot reclaim.</summary>
    public static long OneMachine(PathSize size) => Math.Max(1, size.VmsPerMachine);

    /// <summary>A rolling update: ⌊25 % of the pods⌋ (maxUnavailable), at least one.</summary>
    public static long RollingUpdate(PathSize size) => Math.Max(1, (long)Math.Floor(size.Vms * RollingUpdateMaxUnavailable));

    /// <summary>A rolling update's surge: ⌈25 % of the pods⌉ (maxSurge) started before old ones stop.</summary>
    public static long RollingUpdateSurge(PathSize size) => (long)Math.Ceiling(size.Vms * RollingUpdateMaxSurge);

    /// <summary>A share of the BEAM machines at a time (at least one), with their VMs.</summary>
    public static long ShareOfMachines(PathSize size, double share) =>
        Math.Max(1, (long)Math.Floor(size.BeamMachines * share)) * Math.Max(1, size.VmsPerMachine);

    /// <summary>One availability zone's VMs (spread evenly), as Fargate's OS patching recycles them zone by zone.</summary>
    public static long OneZone(Scenario scenario, PathSize size)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var zones = Math.Max(1, Math.Min(scenario.AvailabilityZones, size.Vms));
        return Math.Max(1, (size.Vms + zones - 1) / zones);
    }
}

/// <summary>
/// The clients of the largest wave of restarts coming back at once (docs/model.md §6.2). Phoenix's JavaScript
/// client retries 10 ms after a drop and then on a stepped back-off without jitter, so a wave's connections all
/// arrive at the VMs that are left within milliseconds. Each costs a connection set-up (and a TLS handshake where
/// the VMs terminate TLS); the surviving VMs absorb them with the CPU their steady work leaves.
/// </summary>
/// <param name="Cause">The cause whose single event restarts the most VMs at once.</param>
/// <param name="SecondsToAbsorb">Set-up CPU per surviving VM ÷ its spare cores; null when no VM or no spare core is left (never).</param>
/// <param name="SurvivorsHoldThem">The surviving VMs can hold every connection at full memory and CPU (target utilisation aside).</param>
public sealed record ReconnectStorm(
    string Cause,
    long VmsAtOnce,
    long Connections,
    long SurvivingVms,
    double CpuMicrosecondsPerReconnect,
    double SpareCoresPerVm,
    double? SecondsToAbsorb,
    bool SurvivorsHoldThem)
{
    /// <summary>Phoenix's back-off ladder, 10 + 50 + 100 + 150 + 200 + 250 + 500 + 1,000 + 2,000 ms; then every 5 s.</summary>
    public const double ClientBackoffSeconds = 4.26;

    /// <summary>The wave takes longer to absorb than the clients' back-off ladder, or cannot be held at all.</summary>
    public bool Slow => !SurvivorsHoldThem || SecondsToAbsorb is not { } seconds || seconds > ClientBackoffSeconds;

    /// <summary>The storm of the largest wave among <paramref name="disruption"/>'s causes, added to it; unchanged when nothing restarts.</summary>
    public static Disruption AddTo(Disruption disruption, Scenario scenario, PathSize size)
    {
        ArgumentNullException.ThrowIfNull(disruption);
        ArgumentNullException.ThrowIfNull(scenario);
        if (size.Vms <= 0)
        {
            return disruption;
        }

        // The worst of the causes' waves: the slowest to absorb, then the most connections.
        var storm = disruption.Causes.Where(c => c.EventsPerMonth > 0 && c.VmsAtOnce > 0)
            .Select(c => Of(scenario, size, c.Cause, Math.Min(c.VmsAtOnce, size.Vms), c.VmsStartedFirst))
            .OrderByDescending(s => s.SecondsToAbsorb ?? double.PositiveInfinity).ThenByDescending(s => s.Connections).FirstOrDefault();
        return storm is null ? disruption : disruption with { Storm = storm, Facts = [.. disruption.Facts, storm.Fact] };
    }

    /// <param name="vmsStartedFirst">VMs started before the wave stops (empty, they take reconnects as well).</param>
    public static ReconnectStorm Of(Scenario scenario, PathSize size, string cause, long vmsAtOnce, long vmsStartedFirst)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        double connections = scenario.PeakConnections;
        var perVm = connections / size.Vms;
        var wave = vmsAtOnce * perVm;
        var survivors = size.Vms - vmsAtOnce + Math.Max(0, vmsStartedFirst);
        var perReconnect = ConnectionSetup.CpuMicrosecondsPerNewConnection(scenario);
        if (survivors <= 0)
        {
            return new(cause, vmsAtOnce, (long)Math.Round(wave), 0, perReconnect, 0, null, false);
        }

        // Each survivor then carries its share of every connection; what that work leaves of its cores absorbs the set-ups.
        var busy = connections / survivors * BeamVm.CpuMicrosecondsPerConnectionSecond(scenario, size.RemoteFraction) / BeamVm.MicrosecondsPerSecond;
        var spare = size.Capacity.CpuCores - busy;
        var setUpCoreSeconds = wave / survivors * perReconnect / BeamVm.MicrosecondsPerSecond;
        double? seconds = setUpCoreSeconds <= 0 ? 0 : spare <= 0 ? null : setUpCoreSeconds / spare;
        var utilisation = scenario.TargetUtilisationPercent / 100;
        var holds = survivors * (size.Capacity.ConnectionsPerVm / utilisation) >= connections;
        return new(cause, vmsAtOnce, (long)Math.Round(wave), survivors, perReconnect, Math.Max(0, spare), seconds, holds);
    }

    public Fact Fact => new("Reconnect storm", Text(), Sources.ReconnectBackoff);

    /// <summary>A warning when the storm is slow; null otherwise.</summary>
    public Warning? Warning => Slow
        ? new("reconnect-storm", string.Create(CultureInfo.InvariantCulture,
            $"Reconnect storm ({Cause}): {VmsAtOnce:#,0} BEAM VM{(VmsAtOnce == 1 ? " restarts" : "s restart")} at once and {Connections:#,0} clients reconnect within milliseconds. ") + Consequence()
            + " Add spare capacity, restart fewer VMs at a time, or add jitter to the clients' reconnects.")
        : null;

    private string Text()
    {
        var inv = CultureInfo.InvariantCulture;
        var head = string.Create(inv,
            $"Largest wave ({Cause}): {VmsAtOnce:#,0} VM{(VmsAtOnce == 1 ? " restarts" : "s restart")} at once; {Connections:#,0} clients reconnect within milliseconds (first retry after 10 ms)");
        return SurvivingVms == 0
            ? head + ". " + Consequence()
            : head + string.Create(inv,
                $" onto {SurvivingVms:#,0} VM{(SurvivingVms == 1 ? "" : "s")} at {CpuMicrosecondsPerReconnect:#,0} µs of CPU each. ") + Consequence();
    }

    private string Consequence()
    {
        var inv = CultureInfo.InvariantCulture;
        if (SurvivingVms == 0)
        {
            return "No VM is left to take them until the new ones start.";
        }

        if (!SurvivorsHoldThem)
        {
            return string.Create(inv, $"The {SurvivingVms:#,0} VMs left cannot hold every connection even at full memory and CPU.");
        }

        return SecondsToAbsorb is not { } seconds
            ? string.Create(inv, $"The {SurvivingVms:#,0} VMs left have no spare CPU to accept them.")
            : string.Create(inv,
                $"With {SpareCoresPerVm:0.##} spare cores each, the VMs left take ≈ {seconds:#,0.#} s to accept them{(seconds > ClientBackoffSeconds ? $", past the clients' {ClientBackoffSeconds:0.##} s back-off ladder, so the rest retry every 5 s" : "")}.");
    }
}
