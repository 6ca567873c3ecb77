namespace CostCalc.Domain.Prices;

/// <summary>
/// Linux, shared-tenancy hourly prices of one instance type in one region. Reserved prices are the
/// effective hourly rate of the No Upfront offer. Spot is not a price in the snapshot: it is the
/// spot advisor's average saving against on-demand. Savings Plan rates are Compute Savings Plans,
/// No Upfront; the embedded snapshot has none (null), refreshed price lists do.
/// </summary>
public sealed record InstancePrice(
    decimal OnDemandUsdPerHour,
    decimal? ReservedStandard1YearUsdPerHour,
    decimal? ReservedStandard3YearUsdPerHour,
    decimal? ReservedConvertible1YearUsdPerHour,
    decimal? ReservedConvertible3YearUsdPerHour,
    int? SpotSavingsPercent,
    decimal? SavingsPlan1YearUsdPerHour = null,
    decimal? SavingsPlan3YearUsdPerHour = null)
{
    /// <summary>The hourly rate for a purchase option, or null when the snapshot has none.</summary>
    public decimal? UsdPerHour(PurchaseOption option) => option switch
    {
        PurchaseOption.OnDemand => OnDemandUsdPerHour,
        PurchaseOption.ReservedStandard1Year => ReservedStandard1YearUsdPerHour,
        PurchaseOption.ReservedStandard3Year => ReservedStandard3YearUsdPerHour,
        PurchaseOption.ReservedConvertible1Year => ReservedConvertible1YearUsdPerHour,
        PurchaseOption.ReservedConvertible3Year => ReservedConvertible3YearUsdPerHour,
        PurchaseOption.SavingsPlan1Year => SavingsPlan1YearUsdPerHour,
        PurchaseOption.SavingsPlan3Year => SavingsPlan3YearUsdPerHour,
        PurchaseOption.Spot => SpotSavingsPercent is { } s ? OnDemandUsdPerHour * (100 - s) / 100m : null,
        _ => null,
    };
}
