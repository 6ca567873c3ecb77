namespace CostCalc.Domain.Prices;

/// <summary>
/// Rates other than instances. The snapshot has these for us-east-1 only (DOMAIN.md §1); other
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
    /// <summary>True when the EKS and Fargate rates are the region's own (a refreshed AmazonEKS offer).</summary>
    public bool EksRatesRegional { get; init; } = RegionScoped;
}

/// <summary>EBS gp3 rates of one region.</summary>
public sealed record Gp3Prices(
    decimal UsdPerGbMonth,
    decimal UsdPerIopsMonth,
    decimal UsdPerMiBpsMonth,
    bool RegionScoped);
