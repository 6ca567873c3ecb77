using System.Text.Json.Serialization;

namespace CostCalc.Web.Reports.Documents;

// Version 2 of a saved report's estimate: plain records owned by the report format, not the domain,
// so renaming a domain type, property or enum value never changes what is stored. Kinds are the
// codes of CostKindStyle; bindings are "memory" or "cpu".

internal sealed record EstimateDocument(
    string SnapshotId,
    DateOnly PricesAsOf,
    string RegionName,
    string? PriceNotice,
    IReadOnlyList<PathDocument> Paths,
    ProjectionDocument Projection,
    IReadOnlyList<FactDocument> Facts,
    IReadOnlyList<WarningDocument> Warnings,
    IReadOnlyList<BridgeDocument>? Bridges = null,
    CrossoverDocument? Crossover = null,
    string? AdjustedPrices = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Title = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? AuthorNotes = null);

// Title and AuthorNotes (added after format 2 was first written): what the author wrote when sharing
// (ReportText), plain text. Reports saved before, and reports saved without them, have neither member.

// Added with the cost bridge and the crossover: reports saved before have neither (null) and open without them.
internal sealed record BridgeDocument(
    string Path, string Name, string ReferencePath, string ReferenceName, int Months, decimal ReferenceUsd, decimal PathUsd,
    IReadOnlyList<BridgeBarDocument> Bars);

internal sealed record BridgeBarDocument(string Name, decimal Usd, string HowComputed);

internal sealed record CrossoverDocument(
    IReadOnlyList<long> Connections, IReadOnlyList<CrossoverSeriesDocument> Paths, IReadOnlyList<CrossoverPointDocument> Points,
    long Current, IReadOnlyList<string> Sentences);

internal sealed record CrossoverSeriesDocument(string Path, string Name, IReadOnlyList<decimal?> MonthlyUsd);

internal sealed record CrossoverPointDocument(long Connections, string From, string To, decimal Usd, string Sentence);

internal sealed record PathDocument(
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
    string Binding,
    double VmMemoryMiB,
    double VmCpuCores,
    int VmSchedulers,
    double RemoteMessageShare,
    long MeshConnections,
    IReadOnlyList<CostLineDocument> CostLines,
    decimal MonthlyUsd,
    decimal UsdPer10kConnections,
    SplitDocument Memory,
    SplitDocument Cpu,
    long ConnectionsDroppedPerMonth,
    long VmRestartsPerMonth,
    IReadOnlyList<FactDocument> Facts,
    IReadOnlyList<WarningDocument> Warnings,
    IReadOnlyList<DropCauseDocument>? DropCauses = null,
    string? Survives = null,
    StormDocument? Storm = null);

// Added after format 2 was first written: reports saved before have neither member (null), and open
// with their totals as one "Deploys" cause, the only one counted then, and no survival text.
internal sealed record DropCauseDocument(
    string Cause, double EventsPerMonth, long ConnectionsDroppedPerMonth, long VmRestartsPerMonth, string Detail, string Source,
    long VmsAtOnce = 0, long VmsStartedFirst = 0);

// Added with reconnect storms: reports saved before have none (null); their storm, if any, is only a fact.
internal sealed record StormDocument(
    string Cause, long VmsAtOnce, long Connections, long SurvivingVms, double CpuMicrosecondsPerReconnect,
    double SpareCoresPerVm, double? SecondsToAbsorb, bool SurvivorsHoldThem);

// Adjustment was added with your prices: reports saved before have none (null), their lines at list price.
internal sealed record CostLineDocument(string Kind, string Name, decimal MonthlyUsd, string Detail, string Source, string? Adjustment = null);

internal sealed record SplitDocument(string Machine, string Unit, IReadOnlyList<SliceDocument> Slices);

internal sealed record SliceDocument(string Name, double Amount);

internal sealed record FactDocument(string Name, string Value, string Source);

internal sealed record WarningDocument(string Code, string Message, string? Path);

internal sealed record ProjectionDocument(IReadOnlyList<long> Connections, IReadOnlyList<SeriesDocument> Paths);

internal sealed record SeriesDocument(
    string Path, IReadOnlyList<long> Machines, IReadOnlyList<long> Vms, IReadOnlyList<decimal?> MonthlyUsd, IReadOnlyList<decimal?> CumulativeUsd);
