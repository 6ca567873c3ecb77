namespace CostCalc.Domain.Prices;

/// <summary>
/// Data transfer out to the internet: a monthly free allowance, then a per-GB ladder whose tiers are
/// 10, 40 and 100 TB wide, and a last rate beyond 150 TB. A tier's "TB" is taken as 1,024 GB (an
/// assumption: AWS bills transfer in GB of 2³⁰ bytes and does not say which TB its tiers mean).
/// </summary>
public sealed record EgressTiers(
    decimal First10TbUsdPerGb,
    decimal Next40TbUsdPerGb,
    decimal Next100TbUsdPerGb,
    decimal Over150TbUsdPerGb,
    double FreeGbPerMonth)
{
    public const double GbPerTb = 1024;

    /// <summary>Where the second, third and fourth tiers start, in billable GB a month.</summary>
    public static IReadOnlyList<double> TierStartsGb { get; } = [10 * GbPerTb, 50 * GbPerTb, 150 * GbPerTb];

    /// <summary>GB a month billed after the free allowance.</summary>
    public double BillableGb(double gbPerMonth) => Math.Max(0, gbPerMonth - FreeGbPerMonth);

    /// <summary>USD a month for <paramref name="gbPerMonth"/> GB sent to the internet, each GB at its tier's rate.</summary>
    public decimal MonthlyUsd(double gbPerMonth)
    {
        var billable = BillableGb(gbPerMonth);
        ReadOnlySpan<decimal> rates = [First10TbUsdPerGb, Next40TbUsdPerGb, Next100TbUsdPerGb, Over150TbUsdPerGb];
        var total = 0m;
        var start = 0.0;
        for (var tier = 0; tier < rates.Length; tier++)
        {
            var end = tier < TierStartsGb.Count ? TierStartsGb[tier] : double.PositiveInfinity;
            var inTier = Math.Max(0, Math.Min(billable, end) - start);
            total += (decimal)inTier * rates[tier];
            start = end;
        }

        return total;
    }
}
