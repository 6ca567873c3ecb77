using CostCalc.Domain.Scenarios;

namespace CostCalc.Domain.Estimation;

public enum DeploymentPath
{
    Ec2,
    Eks,
}

/// <summary>One named share of a machine's memory or CPU.</summary>
public sealed record ResourceSlice(string Name, double Amount);

/// <summary>What each MiB (or millicore) of one instance or node goes to.</summary>
public sealed record ResourceSplit(string Machine, string Unit, IReadOnlyList<ResourceSlice> Slices);

/// <summary>The estimate of one path at the scenario's peak connections (month 1).</summary>
public sealed record PathEstimate(
    DeploymentPath Path,
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
    ResourceSplit Cpu);

/// <summary>
/// One month of the projection: the size and cost of both paths. A path that is not feasible has
/// no cost (null), never $0.
/// </summary>
public sealed record ProjectionMonth(
    int Month,
    long Connections,
    long Ec2Machines,
    long EksMachines,
    decimal? Ec2MonthlyUsd,
    decimal? EksMonthlyUsd,
    decimal? Ec2CumulativeUsd,
    decimal? EksCumulativeUsd)
{
    public long Ec2Vms { get; init; }

    public long EksVms { get; init; }
}

/// <summary>A figure that is not a cost but matters to the choice, with its source.</summary>
public sealed record Fact(string Name, string Value, string Source);

/// <summary>Operational consequences of each path.</summary>
public sealed record BeyondCost(
    long Ec2ConnectionsDroppedPerMonth,
    long EksConnectionsDroppedPerMonth,
    long Ec2VmRestartsPerMonth,
    long EksVmRestartsPerMonth,
    IReadOnlyList<Fact> Facts);

public sealed record Warning(string Code, string Message);

/// <summary>Everything the calculator, the API, saved reports and PDFs show for one scenario.</summary>
public sealed record Estimate(
    Scenario Scenario,
    string SnapshotId,
    DateOnly PricesAsOf,
    string RegionName,
    PathEstimate Ec2,
    PathEstimate Eks,
    decimal MonthlyDifferenceUsd,
    DeploymentPath? CheaperPath,
    IReadOnlyList<ProjectionMonth> Projection,
    int? BreakEvenMonth,
    BeyondCost BeyondCost,
    IReadOnlyList<Warning> Warnings)
{
    /// <summary>
    /// The answer over the whole horizon, from <see cref="Verdict.From"/> over the projection; a
    /// report saved before verdicts existed gets one when it is read (<see cref="WithVerdict"/>).
    /// </summary>
    public Verdict Verdict { get; init; } = null!;

    /// <summary>This estimate with its verdict, derived from the projection when it has none.</summary>
    public Estimate WithVerdict() => Verdict is null ? this with { Verdict = Verdict.From(Projection) } : this;

    /// <summary>Says how old the prices are when they are older than the stale threshold; null otherwise.</summary>
    public string? PriceNotice { get; init; }
}
