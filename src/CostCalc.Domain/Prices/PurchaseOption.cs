namespace CostCalc.Domain.Prices;

public enum PurchaseOption
{
    OnDemand,
    ReservedStandard1Year,
    ReservedStandard3Year,
    ReservedConvertible1Year,
    ReservedConvertible3Year,
    Spot,
}
