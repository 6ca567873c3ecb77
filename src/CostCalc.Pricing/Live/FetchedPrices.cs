using CostCalc.Pricing.Store;

namespace CostCalc.Pricing.Live;

/// <summary>What a price source found for a set of regions, before it is merged into a snapshot.</summary>
/// <param name="Kind">The source that found it: the refreshed snapshot's kind and id prefix.</param>
/// <param name="Regions">One entry per region asked for, in the order asked.</param>
public sealed record FetchedPrices(PriceSourceKind Kind, IReadOnlyList<FetchedRegion> Regions);

/// <summary>
/// The live prices of one region. Instances are Linux, shared tenancy, USD per hour.
/// <see cref="SpotSavingsPercent"/> is null when the source had no spot data for the region (the
/// previous snapshot's values are kept); <see cref="Gp3"/> and <see cref="Eks"/> likewise.
/// </summary>
public sealed record FetchedRegion(
    string Code,
    string? Name,
    PriceFileInfo Ec2,
    IReadOnlyDictionary<string, Ec2Rates> Instances,
    PriceFileInfo? SavingsPlans,
    IReadOnlyDictionary<string, int>? SpotSavingsPercent,
    PriceFileInfo? Spot,
    Gp3Rates? Gp3,
    EksRates? Eks,
    PriceFileInfo? EksFile);

/// <summary>Which published file (or API answer) a group of prices came from.</summary>
/// <param name="Description">e.g. "AWS Price List Bulk API, AmazonEC2 offer 20250912225308".</param>
/// <param name="Version">The publisher's version, e.g. "20250912225308"; empty when it has none.</param>
/// <param name="AsOf">The publication date, or the fetch date when the source has none.</param>
public sealed record PriceFileInfo(string Description, string Version, DateOnly AsOf);

/// <summary>Hourly rates of one instance type; null where the source has no such offer.</summary>
public sealed record Ec2Rates(
    decimal OnDemand,
    decimal? ReservedStandard1Year = null,
    decimal? ReservedStandard3Year = null,
    decimal? ReservedConvertible1Year = null,
    decimal? ReservedConvertible3Year = null,
    decimal? SavingsPlan1Year = null,
    decimal? SavingsPlan3Year = null);

/// <summary>EBS gp3 rates of one region, per month.</summary>
public sealed record Gp3Rates(decimal PerGbMonth, decimal PerIopsMonth, decimal PerMiBpsMonth);

/// <summary>
/// The region's AmazonEKS rates. <see cref="ExtendedSupportSurchargeHour"/> is billed on top of
/// <see cref="ClusterHour"/>. <see cref="AutoModeFees"/> is the Auto Mode fee per instance type.
/// </summary>
public sealed record EksRates(
    decimal ClusterHour,
    decimal ExtendedSupportSurchargeHour,
    decimal? FargateVcpuHour,
    decimal? FargateGbHour,
    IReadOnlyDictionary<string, decimal> AutoModeFees);
