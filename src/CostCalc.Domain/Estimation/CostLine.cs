namespace CostCalc.Domain.Estimation;

/// <summary>The kinds of monthly cost; every path uses the same keys so charts can stack them.</summary>
public enum CostKind
{
    Compute,
    SystemNodes,
    CpuCredits,
    ControlPlane,
    AutoModeFee,
    Storage,
    LoadBalancer,
    NatGateway,
    CrossAzTransfer,
    Operations,
    InternetEgress,

    /// <summary>A cost of the user's own that AWS does not bill (support contract, licence, platform fee).</summary>
    FixedCost,
    /// <summary>Registering the BEAM nodes for discovery (Cloud Map on ECS).</summary>
    ServiceDiscovery,
}

public static class CostKinds
{
    public static readonly int Count = Enum.GetValues<CostKind>().Length;
}

/// <summary>One named monthly cost, with the quantity behind it and the source of its rate.</summary>
public sealed record CostLine(CostKind Kind, string Name, decimal MonthlyUsd, string Detail, string Source)
{
    /// <summary>How the user's prices changed the line's rates ("−20 % EC2 discount"); null when it is at list price.</summary>
    public string? Adjustment { get; init; }

    /// <summary>Whether the line is at the user's prices rather than AWS's list prices.</summary>
    public bool Adjusted => Adjustment is not null;

    /// <summary>What the line is priced at, as every view says it: "list price", "adjusted: …", or "your figure".</summary>
    public string Basis => Kind is CostKind.Operations or CostKind.FixedCost ? "your figure"
        : Adjustment is { } adjustment ? "adjusted: " + adjustment
        : "list price";
}
