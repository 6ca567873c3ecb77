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

    /// <summary>Registering the BEAM nodes for discovery (Cloud Map on ECS).</summary>
    ServiceDiscovery,
}

public static class CostKinds
{
    public static readonly int Count = Enum.GetValues<CostKind>().Length;
}

/// <summary>One named monthly cost, with the quantity behind it and the source of its rate.</summary>
public sealed record CostLine(CostKind Kind, string Name, decimal MonthlyUsd, string Detail, string Source);
