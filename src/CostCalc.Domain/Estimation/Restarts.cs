using System.Globalization;
using CostCalc.Domain.Scenarios;

namespace CostCalc.Domain.Estimation;

/// <summary>The names of the causes of dropped connections, in the order views list them.</summary>
public static class DropCauses
{
    public const string Deploys = "Deploys";
    public const string Patching = "OS/AMI patching";
    public const string KubernetesUpgrades = "Kubernetes upgrades";
    public const string AutoModeReplacement = "Auto Mode node replacement";
    public const string SpotInterruptions = "Spot interruptions";
    public const string ScaleIn = "Scale-in";

    public static IReadOnlyList<string> Order { get; } = [Deploys, Patching, KubernetesUpgrades, AutoModeReplacement, SpotInterruptions, ScaleIn];

    /// <summary>Causes in display order: the known ones first, then any other (a saved report's, a later helper's) by first appearance.</summary>
    public static IEnumerable<string> InOrder(IEnumerable<string> causes) =>
        causes.Distinct(StringComparer.Ordinal).OrderBy(c => Order.Contains(c) ? Order.ToList().IndexOf(c) : Order.Count);
}

/// <summary>
/// Restarts that happen anyway (docs/model.md §6): rolls that restart every BEAM VM of a path once, and
/// spot reclaims that restart one machine's VMs. Connections dropped are at the scenario's peak.
/// </summary>
internal static class Restarts
{
    /// <summary>Auto Mode's new AMIs, "roughly once per week", that nodes drift to: 52 rolls a year.</summary>
    public const double AutoModeAmiRollsPerYear = 52;

    /// <summary>Auto Mode's default node expiry, 336 h (14 days): the most a node lives without drift.</summary>
    public const int AutoModeNodeExpiryHours = 336;

    /// <summary>A roll that restarts every VM of the path once per event.</summary>
    public static DropCause Roll(string cause, double eventsPerMonth, Scenario s, PathSize size, string detail, string source)
    {
        var events = Math.Max(0, eventsPerMonth);
        return new(cause, events, Round(events * s.PeakConnections), Round(events * size.Vms), detail, source);
    }

    /// <summary>
    /// A roll that follows <paramref name="before"/> in the same stream of rolls (patch rolls after the
    /// upgrades that already brought a new AMI): its counts are what the two together round to, less
    /// <paramref name="before"/>'s, so more of either never rounds the total down.
    /// </summary>
    public static DropCause RollAfter(DropCause before, string cause, double eventsPerMonth, Scenario s, PathSize size, string detail, string source)
    {
        var events = Math.Max(0, eventsPerMonth);
        var total = before.EventsPerMonth + events;
        return new(cause, events,
            Math.Max(0, Round(total * s.PeakConnections) - before.ConnectionsDroppedPerMonth),
            Math.Max(0, Round(total * size.Vms) - before.VmRestartsPerMonth),
            detail, source);
    }

    /// <summary>Deploys: a rolling restart (EC2) or rolling update (EKS) closes every connection once; a hot code upgrade none.</summary>
    public static DropCause Deploys(Scenario s, PathSize size, bool keepsConnections, string detail, string source) =>
        keepsConnections
            ? new(DropCauses.Deploys, s.DeploysPerMonth, 0, 0, detail, source)
            : Roll(DropCauses.Deploys, s.DeploysPerMonth, s, size, detail, source);

    /// <summary>Each reclaimed spot machine drops its own connections: p % of the machines a month, so p % of peak.</summary>
    public static DropCause Spot(Scenario s, PathSize size, string kind)
    {
        var share = s.SpotInterruptionPercentPerMonth / 100;
        var machines = share * size.BeamMachines;
        return new(DropCauses.SpotInterruptions, machines, Round(share * s.PeakConnections), Round(share * size.Vms),
            Format($"{s.SpotInterruptionPercentPerMonth:0.##} % of {size.BeamMachines:#,0} {kind}s reclaimed a month ({machines:0.##}), each dropping its own connections"),
            Sources.SpotInterruptions);
    }

    public static string PerMonth(double perYear) => Format($"{perYear:0.##} a year = {perYear / 12:0.##} a month");

    private static long Round(double value) => value <= 0 ? 0 : (long)Math.Min(Math.Round(value, MidpointRounding.AwayFromZero), long.MaxValue / 4);

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
