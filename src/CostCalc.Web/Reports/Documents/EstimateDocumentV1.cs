namespace CostCalc.Web.Reports.Documents;

// Version 1 of a saved estimate, as the two-path releases wrote it (tests/…/Golden/v1-*.json):
// read only, never written.

internal sealed record EstimateV1(
    string SnapshotId,
    DateOnly PricesAsOf,
    string RegionName,
    PathV1 Ec2,
    PathV1 Eks,
    IReadOnlyList<MonthV1> Projection,
    BeyondCostV1 BeyondCost,
    IReadOnlyList<WarningV1> Warnings,
    string? PriceNotice);

internal sealed record PathV1(
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
    SplitDocument Cpu);

internal sealed record MonthV1(
    int Month,
    long Connections,
    long Ec2Machines,
    long EksMachines,
    decimal? Ec2MonthlyUsd,
    decimal? EksMonthlyUsd,
    decimal? Ec2CumulativeUsd,
    decimal? EksCumulativeUsd,
    long Ec2Vms,
    long EksVms);

internal sealed record BeyondCostV1(
    long Ec2ConnectionsDroppedPerMonth,
    long EksConnectionsDroppedPerMonth,
    long Ec2VmRestartsPerMonth,
    long EksVmRestartsPerMonth,
    IReadOnlyList<FactDocument> Facts);

internal sealed record WarningV1(string Code, string Message);
