using System.Globalization;
using CostCalc.Domain.Scenarios;

namespace CostCalc.Domain.Estimation;

/// <summary>
/// One part of a day at one load: how many hours a day it lasts, its load as a share of the month's peak,
/// the connections then, and the fleet that runs them (the peak fleet unless machines follow the load).
/// </summary>
public readonly record struct LoadPeriod(double HoursPerDay, double Load, double Connections, PathSize Size)
{
    /// <summary>The share of every day (and so of the month) this period lasts.</summary>
    public double ShareOfDay => HoursPerDay / LoadDay.Hours;

    /// <summary>Hours a 730-hour month spends in this period.</summary>
    public decimal HoursPerMonth => (decimal)HoursPerDay * Billing.HoursPerMonth / (decimal)LoadDay.Hours;
}

/// <summary>
/// A path's day, the same every day of the month (docs/model.md §7.10–§7.12): the peak hours at the month's
/// peak connections, a ramp down and a ramp up (each at the load half-way between), and the rest at the
/// off-peak share. A 24-hour peak is one period: the flat day the estimate always had. Usage-billed lines
/// are priced period by period and summed; with autoscaling, machines follow the periods too, and the fleet
/// pays for leading the load by its scale-out time and for draining the VMs it removes.
/// </summary>
public sealed class LoadDay
{
    public const double Hours = 24;

    /// <summary>730 h ÷ 24 h = 30.42 days a month.</summary>
    public const double DaysPerMonth = (double)Billing.HoursPerMonth / Hours;

    /// <summary>The periods after the peak (a ramp, then the off-peak hours); none on a flat day.</summary>
    private readonly LoadPeriod[] _afterPeak;

    /// <param name="afterPeak">Empty on a flat day, so the projection's months of a flat day allocate only the day itself.</param>
    private LoadDay(Scenario scenario, LoadPeriod peak, LoadPeriod[] afterPeak, bool autoscaled, double scaleOutSeconds)
    {
        Scenario = scenario;
        Peak = peak;
        _afterPeak = afterPeak;
        Autoscaled = autoscaled;
        ScaleOutSeconds = scaleOutSeconds;
    }

    public Scenario Scenario { get; }

    /// <summary>The day's first period; with the ones after it, their hours add up to 24.</summary>
    public LoadPeriod Peak { get; }

    /// <summary>The quietest period (the peak itself on a flat day).</summary>
    public LoadPeriod OffPeak => _afterPeak.Length == 0 ? Peak : _afterPeak[^1];

    public bool Flat => _afterPeak.Length == 0;

    /// <summary>Machines follow the load: autoscaling on, and a day that is not flat.</summary>
    public bool Autoscaled { get; }

    /// <summary>Seconds from asking for one more machine to its BEAM VM taking connections (§7.11).</summary>
    public double ScaleOutSeconds { get; }

    public double DrainSeconds => Autoscaled ? Scenario.ScaleInDrainSeconds : 0;

    /// <summary>BEAM machines added every morning and removed every evening.</summary>
    public long MachinesScaled => Autoscaled ? Math.Max(0, Peak.Size.BeamMachines - OffPeak.Size.BeamMachines) : 0;

    /// <summary>BEAM VMs removed every evening (and started again the next morning).</summary>
    public long VmsScaled => Autoscaled ? Math.Max(0, Peak.Size.Vms - OffPeak.Size.Vms) : 0;

    /// <summary>
    /// Machine-hours a day beyond following the load: each machine added is asked for one scale-out time
    /// before the load needs it, and each machine removed runs on through its drain.
    /// </summary>
    public double ExtraMachineHoursPerDay => MachinesScaled * (ScaleOutSeconds + DrainSeconds) / 3600;

    /// <summary>Hours a month of machines running BEAM VMs, the scale-out lead and the drain included.</summary>
    public decimal BeamMachineHoursPerMonth => Sum(p => p.Size.BeamMachines) + ExtraMachineHoursPerMonth;

    /// <summary>Hours a month of system nodes (no BEAM VMs; they do not scale with the load).</summary>
    public decimal SystemNodeHoursPerMonth => Sum(p => p.Size.SystemNodes);

    /// <summary>Hours a month of every machine, BEAM and system.</summary>
    public decimal MachineHoursPerMonth => BeamMachineHoursPerMonth + SystemNodeHoursPerMonth;

    /// <summary>Average machines over the month: machine-hours ÷ 730.</summary>
    public decimal AverageMachines => MachineHoursPerMonth / Billing.HoursPerMonth;

    private decimal ExtraMachineHoursPerMonth => MachinesScaled == 0 ? 0 : (decimal)(ExtraMachineHoursPerDay * DaysPerMonth);

    /// <summary>Σ over the periods of <paramref name="perHour"/> × the period's hours a month.</summary>
    public decimal Sum(Func<LoadPeriod, decimal> perHour)
    {
        ArgumentNullException.ThrowIfNull(perHour);
        return Sum(perHour, static (f, p) => f(p));
    }

    /// <summary>As <see cref="Sum(Func{LoadPeriod, decimal})"/>, with the state passed in so a static lambda allocates nothing.</summary>
    public decimal Sum<TState>(TState state, Func<TState, LoadPeriod, decimal> perHour)
    {
        ArgumentNullException.ThrowIfNull(perHour);
        var total = perHour(state, Peak) * Peak.HoursPerMonth;
        foreach (var period in _afterPeak)
        {
            total += perHour(state, period) * period.HoursPerMonth;
        }

        return total;
    }

    /// <summary>Σ over the periods of a monthly quantity at the period's load × the share of the day it lasts.</summary>
    public double Average(Func<LoadPeriod, double> atLoad)
    {
        ArgumentNullException.ThrowIfNull(atLoad);
        return Average(atLoad, static (f, p) => f(p));
    }

    /// <summary>As <see cref="Average(Func{LoadPeriod, double})"/>, with the state passed in so a static lambda allocates nothing.</summary>
    public double Average<TState>(TState state, Func<TState, LoadPeriod, double> atLoad)
    {
        ArgumentNullException.ThrowIfNull(atLoad);
        var total = atLoad(state, Peak) * Peak.ShareOfDay;
        foreach (var period in _afterPeak)
        {
            total += atLoad(state, period) * period.ShareOfDay;
        }

        return total;
    }

    /// <summary>"" on a flat day, else "; peak 8 h/day, 30 % off-peak, 60-min ramps".</summary>
    public string ShapeSuffix => Flat ? "" : "; " + Shape;

    /// <summary>"peak 8 h/day, 30 % off-peak, 60-min ramps" ("flat" for a 24-hour peak).</summary>
    public string Shape => Flat
        ? "flat"
        : string.Create(CultureInfo.InvariantCulture,
            $"peak {Scenario.PeakHoursPerDay:0.##} h/day, {Scenario.OffPeakLoadPercent:0.##} % off-peak{(RampHours(Scenario) > 0 ? $", {RampHours(Scenario) * 30:0.#}-min ramps" : "")}");

    /// <summary>Hours a day both ramps take together: 2 × ramp minutes ÷ 60, no more than the off-peak hours.</summary>
    public static double RampHours(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return Math.Min(2 * scenario.RampMinutes / 60, Math.Max(0, Hours - scenario.PeakHoursPerDay));
    }

    /// <summary>
    /// The day of a path whose peak (the month's connections) needs <paramref name="peak"/>; <paramref name="plan"/>
    /// sizes the fleet for other loads when machines follow the load.
    /// </summary>
    public static LoadDay Of(Scenario scenario, PathSize peak, double connections, IPathPlan plan, double scaleOutSeconds)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(plan);
        if (scenario.PeakHoursPerDay >= Hours)
        {
            return new LoadDay(scenario, new LoadPeriod(Hours, 1, connections, peak), [], false, scaleOutSeconds);
        }

        var autoscaled = scenario.Autoscaling;
        var offLoad = scenario.OffPeakLoadPercent / 100;
        var midLoad = (1 + offLoad) / 2;
        var rampHours = RampHours(scenario);
        var offHours = Hours - scenario.PeakHoursPerDay - rampHours;
        LoadPeriod[] afterPeak = (rampHours > 0, offHours > 0) switch
        {
            (true, true) => [At(rampHours, midLoad), At(offHours, offLoad)],
            (true, false) => [At(rampHours, midLoad)],
            (false, true) => [At(offHours, offLoad)],
            _ => [],
        };
        return new LoadDay(scenario, new LoadPeriod(scenario.PeakHoursPerDay, 1, connections, peak), afterPeak, autoscaled, scaleOutSeconds);

        LoadPeriod At(double hours, double load)
        {
            var c = connections * load;
            return new LoadPeriod(hours, load, c, autoscaled ? plan.Size(c) : peak);
        }
    }
}

/// <summary>
/// Connections dropped when autoscaling removes VMs every evening (docs/model.md §7.12). A VM removed holds
/// its share of the peak; during the drain its clients may leave on their own (connections end at random, on
/// average after peak connections ÷ new connections per second); those still open when the drain ends drop.
/// </summary>
public static class ScaleIn
{
    /// <summary>Average connection lifetime in seconds (Little's law at peak); infinite when no connection is ever opened.</summary>
    public static double ConnectionLifetimeSeconds(double peakConnections, double newConnectionsPerSecond) =>
        newConnectionsPerSecond > 0 ? peakConnections / newConnectionsPerSecond : double.PositiveInfinity;

    /// <summary>Share of a VM's connections still open after the drain: e^(−drain ÷ lifetime).</summary>
    public static double StillOpenAfterDrain(double drainSeconds, double lifetimeSeconds) =>
        drainSeconds <= 0 || double.IsPositiveInfinity(lifetimeSeconds) ? 1
            : lifetimeSeconds <= 0 ? 0
            : Math.Exp(-drainSeconds / lifetimeSeconds);

    /// <summary>
    /// Connections dropped a day: VMs removed × connections each (peak connections ÷ peak VMs) × the share
    /// still open when the drain ends.
    /// </summary>
    public static double ConnectionsDroppedPerDay(
        long vmsRemoved, double peakConnections, long peakVms, double drainSeconds, double newConnectionsPerSecond)
    {
        if (vmsRemoved <= 0 || peakVms <= 0 || peakConnections <= 0)
        {
            return 0;
        }

        var perVm = peakConnections / peakVms;
        var lifetime = ConnectionLifetimeSeconds(peakConnections, newConnectionsPerSecond);
        return vmsRemoved * perVm * StillOpenAfterDrain(drainSeconds, lifetime);
    }

    /// <summary>A day's drops × 30.42 days, rounded to whole connections.</summary>
    public static long ConnectionsDroppedPerMonth(
        long vmsRemoved, double peakConnections, long peakVms, double drainSeconds, double newConnectionsPerSecond) =>
        (long)Math.Round(ConnectionsDroppedPerDay(vmsRemoved, peakConnections, peakVms, drainSeconds, newConnectionsPerSecond) * LoadDay.DaysPerMonth);

    /// <summary>
    /// <paramref name="disruption"/> plus what scale-in does on this day: a "Scale-in" cause (connections
    /// dropped, VMs stopped and started again) and a "Scale-out" fact. Unchanged when machines do not follow the load.
    /// </summary>
    public static Disruption AddTo(Disruption disruption, LoadDay day, string machineKind)
    {
        ArgumentNullException.ThrowIfNull(disruption);
        ArgumentNullException.ThrowIfNull(day);
        if (!day.Autoscaled)
        {
            return disruption;
        }

        var s = day.Scenario;
        var peak = day.Peak;
        var removed = day.VmsScaled;
        var dropped = ConnectionsDroppedPerMonth(removed, peak.Connections, peak.Size.Vms, s.ScaleInDrainSeconds, s.NewConnectionsPerSecond);
        var restarts = (long)Math.Round(removed * LoadDay.DaysPerMonth);
        var inv = CultureInfo.InvariantCulture;
        var lifetime = ConnectionLifetimeSeconds(peak.Connections, s.NewConnectionsPerSecond);
        var left = 1 - StillOpenAfterDrain(s.ScaleInDrainSeconds, lifetime);
        var detail = removed == 0
            ? string.Create(inv, $"The off-peak fleet is the peak fleet ({peak.Size.Machines:#,0} {machineKind}s): nothing is removed, no connection drops")
            : string.Create(inv,
                $"{removed:#,0} VM{(removed == 1 ? "" : "s")} removed a day with {peak.Connections / Math.Max(1, peak.Size.Vms):#,0} connections each; in the {s.ScaleInDrainSeconds:#,0.#} s drain {left:P2} leave on their own (lifetime ≈ {(double.IsPositiveInfinity(lifetime) ? "∞" : lifetime.ToString("#,0", inv))} s), the rest drop");
        var scaleIn = new DropCause(DropCauses.ScaleIn, removed == 0 ? 0 : LoadDay.DaysPerMonth, dropped, restarts, detail, Sources.ScaleInDrain)
        {
            VmsAtOnce = removed,
        };
        var scaleOut = new Fact("Scale-out", day.MachinesScaled == 0
            ? string.Create(inv, $"A new {machineKind} takes ≈ {day.ScaleOutSeconds:#,0} s to take connections; the fleet keeps its size all day, so leading the load costs nothing")
            : string.Create(inv,
                $"A new {machineKind} takes ≈ {day.ScaleOutSeconds:#,0} s to take connections: {day.MachinesScaled:#,0} are added that long ahead of the load each morning and drained {s.ScaleInDrainSeconds:#,0.#} s each evening, {day.ExtraMachineHoursPerDay:#,0.##} machine-hours a day"),
            Sources.ScaleOut);
        return disruption with { Causes = [.. disruption.Causes, scaleIn], Facts = [.. disruption.Facts, scaleOut] };
    }
}

/// <summary>
/// Seconds from asking for one more machine to its BEAM VM taking connections, per path (docs/model.md §7.11):
/// the machine's own time (cited, secondary) plus what every path adds (assumptions).
/// </summary>
public static class ScaleOutTime
{
    /// <summary>EC2 instance launch to SSH ≈ 25–30 s; the upper end.</summary>
    public const double Ec2InstanceSeconds = 30;

    /// <summary>Karpenter: node Ready 60–100 s after launch in issue reports; the upper end.</summary>
    public const double EksNodeSeconds = 100;

    /// <summary>Fargate: 30–45 s for a pod's node to be created and registered; the upper end.</summary>
    public const double FargateNodeSeconds = 45;

    /// <summary>Kubernetes pod startup SLO: p99 ≤ 5 s, image pull excluded.</summary>
    public const double PodStartSeconds = 5;

    /// <summary>Assumption: pulling the release image on a new node or Fargate pod (no image cache there).</summary>
    public const double ImagePullSeconds = 10;

    /// <summary>Assumption: the BEAM release boots and passes its readiness check.</summary>
    public const double BeamBootSeconds = 10;

    /// <summary>30 s launch + 10 s BEAM boot = 40 s (the AMI carries the release).</summary>
    public const double Ec2 = Ec2InstanceSeconds + BeamBootSeconds;

    /// <summary>100 s node + 10 s image pull + 5 s pod start + 10 s BEAM boot = 125 s.</summary>
    public const double EksNode = EksNodeSeconds + ImagePullSeconds + PodStartSeconds + BeamBootSeconds;

    /// <summary>45 s Fargate node + 10 s image pull + 5 s pod start + 10 s BEAM boot = 70 s.</summary>
    public const double Fargate = FargateNodeSeconds + ImagePullSeconds + PodStartSeconds + BeamBootSeconds;
}
