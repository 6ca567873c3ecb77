namespace CostCalc.Domain.Prices;

/// <summary>Network Load Balancer rates: per NLB-hour and per NLCU-hour (the same NLCU price for TCP and TLS listeners).</summary>
public sealed record NlbRates(decimal UsdPerHour, decimal UsdPerNlcuHour);
