namespace CostCalc.Domain.Scenarios;

/// <summary>
/// One rate of the model replaced by the user's own: <see cref="Rate"/> names it as cost lines do
/// ("m6i.large onDemand", "EKS control plane", "ALB LCU", "egress tier 1"; see <see cref="Prices.PriceRates"/>),
/// with its price per hour or per unit (GB, GB-month), whichever the rate is billed in.
/// </summary>
public sealed record RateOverride(string Rate, decimal? UsdPerHour = null, decimal? UsdPerUnit = null)
{
    /// <summary>The price given, per hour or per unit.</summary>
    public decimal? Usd => UsdPerHour ?? UsdPerUnit;
}

/// <summary>
/// A cost of the user's on one path that AWS does not bill (a support contract, a monitoring licence, an
/// internal platform fee): a fixed amount a month, or an amount per machine (instance, node, Fargate pod) a month.
/// </summary>
public sealed record FixedCost(string Name, string Path, decimal? UsdPerMonth = null, decimal? UsdPerMachineMonth = null);
