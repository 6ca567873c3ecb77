namespace CostCalc.Domain.Prices;

/// <summary>
/// Rates other than instances. The snapshot has these for us-east-1 only; other
/// regions use the same figures, and <see cref="RegionScoped"/> says so.
/// </summary>
public sealed record ServicePrices(
    decimal EksClusterUsdPerHour,
    decimal EksExtendedSupportUsdPerHour,
    decimal FargateUsdPerVcpuHour,
    decimal FargateUsdPerGbHour,
    decimal AutoModeFeeShareOfOnDemand,
    decimal AlbUsdPerHour,
    decimal AlbUsdPerLcuHour,
    decimal NatGatewayUsdPerHour,
    decimal NatGatewayUsdPerGb,
    decimal CrossAzUsdPerGbEachDirection,
    decimal CpuCreditUsdPerVcpuHour,
    bool RegionScoped)
{
    /// <summary>Surplus credits of Graviton burstable types (T4g); <see cref="CpuCreditUsdPerVcpuHour"/> is T2/T3/T3a's.</summary>
    public required decimal CpuCreditGravitonUsdPerVcpuHour { get; init; }

    /// <summary>Data transfer out to the internet: the tiered per-GB rates and the monthly free allowance.</summary>
    public required EgressTiers InternetEgress { get; init; }

    /// <summary>Network Load Balancer rates (ALB's are <see cref="AlbUsdPerHour"/> and <see cref="AlbUsdPerLcuHour"/>).</summary>
    public required NlbRates Nlb { get; init; }

    /// <summary>The surplus-credit rate of a burstable instance type.</summary>
    public decimal CpuCreditRate(Catalog.InstanceType type) =>
        type.Architecture == Catalog.CpuArchitecture.Arm64 ? CpuCreditGravitonUsdPerVcpuHour : CpuCreditUsdPerVcpuHour;

    /// <summary>True when the EKS and Fargate rates are the region's own (a refreshed AmazonEKS offer).</summary>
    public bool EksRatesRegional { get; init; } = RegionScoped;
}

/// <summary>EBS gp3 rates of one region.</summary>
public sealed record Gp3Prices(
    decimal UsdPerGbMonth,
    decimal UsdPerIopsMonth,
    decimal UsdPerMiBpsMonth,
    bool RegionScoped);
