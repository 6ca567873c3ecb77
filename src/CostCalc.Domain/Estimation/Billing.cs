using CostCalc.Domain.Catalog;
using CostCalc.Domain.Prices;

namespace CostCalc.Domain.Estimation;

/// <summary>Billing conventions shared by every cost line.</summary>
public static class Billing
{
    /// <summary>A month is 730 hours (8,760 / 12).</summary>
    public const decimal HoursPerMonth = 730m;

    public const double SecondsPerMonth = 730 * 3600;

    /// <summary>AWS bills data in GB of 2^30 bytes.</summary>
    public const double BytesPerGb = 1024d * 1024 * 1024;

    /// <summary>
    /// The hourly price of an instance for a purchase option, falling back to on-demand when the
    /// snapshot has no such offer (the caller warns).
    /// </summary>
    public static (decimal UsdPerHour, bool FellBackToOnDemand) HourlyPrice(InstancePrice price, PurchaseOption option) =>
        price.UsdPerHour(option) is { } usd ? (usd, false) : (price.OnDemandUsdPerHour, true);

    /// <summary>
    /// Unlimited-mode surplus credits of <paramref name="machines"/> identical burstable machines that
    /// each keep <paramref name="coresPerMachine"/> busy: max(0, cores − baseline × vCPUs) × rate × 730 h
    /// per machine. Zero for other types, or when unlimited credits are not allowed.
    /// </summary>
    public static decimal CpuCreditsPerMonth(
        bool unlimited, InstanceType type, ServicePrices services, long machines, double coresPerMachine) =>
        CpuCreditsPerHour(unlimited, type, services, machines, coresPerMachine) * HoursPerMonth;

    /// <summary>The same surplus credits for one hour: max(0, cores − baseline × vCPUs) × rate per machine.</summary>
    public static decimal CpuCreditsPerHour(
        bool unlimited, InstanceType type, ServicePrices services, long machines, double coresPerMachine)
    {
        if (!unlimited || type.BurstableBaselinePerVcpu is not { } baseline || machines <= 0)
        {
            return 0;
        }

        var surplusVcpus = Math.Max(0, coresPerMachine - (baseline * type.Vcpu));
        return (decimal)surplusVcpus * machines * services.CpuCreditRate(type);
    }
}
