using CostCalc.Domain.Scenarios;

namespace CostCalc.Domain.Estimation;

/// <summary>One named share of a machine's memory or CPU.</summary>
public sealed record ResourceSlice(string Name, double Amount);

/// <summary>What each MiB (or millicore) of one instance or node goes to.</summary>
public sealed record ResourceSplit(string Machine, string Unit, IReadOnlyList<ResourceSlice> Slices);

/// <summary>A figure that is not a cost but matters to the choice, with its source.</summary>
public sealed record Fact(string Name, string Value, string Source);

/// <summary>A warning; <see cref="Path"/> names the path it is about, or is null for the scenario as a whole.</summary>
public sealed record Warning(string Code, string Message, string? Path = null);

/// <summary>
/// One reason connections drop on a path each month (deploys, OS/AMI patching, Kubernetes upgrades,
/// Auto Mode node replacement, spot interruptions): how often it happens, the connections it closes
/// and the BEAM VMs it restarts, how that is worked out, and the source.
/// </summary>
/// <param name="Cause">Its name, one of <see cref="DropCauses"/> (views line causes up by it).</param>
/// <param name="EventsPerMonth">Deploys, rolls or reclaimed machines a month (may be fractional: 3 upgrades a year are 0.25).</param>
public sealed record DropCause(
    string Cause, double EventsPerMonth, long ConnectionsDroppedPerMonth, long VmRestartsPerMonth, string Detail, string Source)
{
    /// <summary>The most BEAM VMs one event restarts at the same time (its wave): their clients all reconnect at once.</summary>
    public long VmsAtOnce { get; init; }

    /// <summary>VMs the event starts before it stops the wave (a rolling update's surge, a node group's new nodes): they take reconnects too.</summary>
    public long VmsStartedFirst { get; init; }
}

/// <summary>What deploys and restarts do to one path's connections each month: its causes, and their totals.</summary>
public sealed record Disruption(IReadOnlyList<DropCause> Causes, IReadOnlyList<Fact> Facts)
{
    /// <summary>What the largest wave of restarts does when its clients reconnect; null when nothing restarts.</summary>
    public ReconnectStorm? Storm { get; init; }

    public long ConnectionsDroppedPerMonth => Causes.Sum(c => c.ConnectionsDroppedPerMonth);

    public long VmRestartsPerMonth => Causes.Sum(c => c.VmRestartsPerMonth);

    /// <summary>The cause of that name, or null when it does not apply to the path.</summary>
    public DropCause? Find(string cause) => Causes.FirstOrDefault(c => c.Cause == cause);
}

/// <summary>The estimate of one path at the scenario's peak connections (month 1).</summary>
public sealed record PathEstimate(
    string Id,
    string Name,
    string MachineType,
    string MachineKind,
    bool Feasible,
    long Vms,
    long Machines,
    long SystemNodes,
    long VmsPerMachine,
    long ConnectionsPerVm,
    long MemoryBoundConnectionsPerVm,
    long? CpuBoundConnectionsPerVm,
    BindingResource Binding,
    double VmMemoryMiB,
    double VmCpuCores,
    int VmSchedulers,
    double RemoteMessageShare,
    long MeshConnections,
    IReadOnlyList<CostLine> CostLines,
    decimal MonthlyUsd,
    decimal UsdPer10kConnections,
    ResourceSplit Memory,
    ResourceSplit Cpu,
    Disruption Disruption,
    IReadOnlyList<Warning> Warnings)
{
    /// <summary>What losses the plan keeps peak capacity through ("survives losing 1 instance"); null when not known.</summary>
    public string? Survives { get; init; }
}

/// <summary>
/// One path's size and cost in every month of the projection. A month the path cannot run has no
/// cost (null), never $0, and no cumulative total from then on.
/// </summary>
public sealed record PathSeries(
    string Path,
    IReadOnlyList<long> Machines,
    IReadOnlyList<long> Vms,
    IReadOnlyList<decimal?> MonthlyUsd,
    IReadOnlyList<decimal?> CumulativeUsd);

/// <summary>Month-by-month connections (month 1 first) and every path's series over them.</summary>
public sealed record Projection(IReadOnlyList<long> Connections, IReadOnlyList<PathSeries> Paths)
{
    public int Months => Connections.Count;

    public PathSeries this[string path] => Paths.First(p => p.Path == path);
}

/// <summary>Everything the calculator, the API, saved reports and PDFs show for one scenario.</summary>
/// <param name="Paths">Every path the scenario shows, in the estimator's order.</param>
/// <param name="Facts">Figures beyond cost that hold for every path.</param>
/// <param name="Warnings">Warnings about the scenario and about each path (see <see cref="Warning.Path"/>).</param>
public sealed record Estimate(
    Scenario Scenario,
    string SnapshotId,
    DateOnly PricesAsOf,
    string RegionName,
    IReadOnlyList<PathEstimate> Paths,
    Projection Projection,
    Verdict Verdict,
    IReadOnlyList<Fact> Facts,
    IReadOnlyList<Warning> Warnings)
{
    /// <summary>Says how old the prices are when they are older than the stale threshold; null otherwise.</summary>
    public string? PriceNotice { get; init; }

    private Lazy<IReadOnlyList<CostBridge>>? _bridges;
    private Lazy<Crossover?>? _crossover;

    /// <summary>
    /// Why each other path costs what it does against the verdict's reference path over the horizon (docs/model.md §7.13);
    /// empty when fewer than two paths can be costed, and in reports saved before bridges were kept. The estimator's
    /// bridges are worked out when first read (<see cref="EstimateAnalyses"/>): only the views that show them pay for them.
    /// </summary>
    public IReadOnlyList<CostBridge> Bridges
    {
        get => _bridges?.Value ?? [];
        init => _bridges = new(() => value);
    }

    /// <summary>
    /// Month-1 cost of every path against peak connections and where the cheapest changes; null in reports saved before
    /// it was kept. The estimator's crossover is worked out when first read, as <see cref="Bridges"/> are.
    /// </summary>
    public Crossover? Crossover
    {
        get => _crossover?.Value;
        init => _crossover = new(() => value);
    }

    /// <summary>Bridges and crossover from the estimator's plans, worked out on first read of each.</summary>
    internal EstimateAnalyses Analyses
    {
        init
        {
            _bridges = new(value.Bridges);
            _crossover = new(value.Crossover);
        }
    }

    /// <summary>
    /// Says which of the user's prices are in the estimate (docs/model.md §10) and whether they change the verdict
    /// against list prices; null at list prices.
    /// </summary>
    public string? AdjustedPrices { get; init; }

    /// <summary>
    /// Says so when every operations-effort input that matters to the shown paths is 0 h a month: the verdict
    /// then compares infrastructure alone. Null once any of them has hours.
    /// </summary>
    public string? OperationsNotice =>
        ScenarioFields.All.Where(f => f.Group == FieldGroup.Operations && f.Unit == ScenarioFields.HoursPerMonth && f.Matters(Scenario))
            .All(f => f.Read(Scenario) == 0)
            ? "Operations effort is left at 0 h a month on every path, so the verdict compares infrastructure alone; enter your team's hours under Operations."
            : null;

    public PathEstimate this[string path] => Paths.First(p => p.Id == path);

    public PathEstimate? Find(string path) => Paths.FirstOrDefault(p => p.Id == path);
}
