namespace CostCalc.Domain.Prices;

public enum PurchaseOption
{
    OnDemand,
    ReservedStandard1Year,
    ReservedStandard3Year,
    ReservedConvertible1Year,
    ReservedConvertible3Year,
    Spot,

    /// <summary>Compute Savings Plan, 1 year, No Upfront: the plan's hourly rate for this instance type.</summary>
    SavingsPlan1Year,

    /// <summary>Compute Savings Plan, 3 years, No Upfront.</summary>
    SavingsPlan3Year,
}
