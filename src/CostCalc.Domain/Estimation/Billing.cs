using CostCalc.Domain.Prices;

namespace CostCalc.Domain.Estimation;

/// <summary>Billing conventions shared by every cost line.</summary>
public static class Billing
{
    /// <summary>A month is 730 hours (DOMAIN §5.5).</summary>
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
    /// Surplus CPU credits of a path on burstable machines in unlimited mode, from the cores its
    /// connections keep busy; zero for other machines or when unlimited credits are not allowed.
    /// </summary>
    public static decimal CpuCreditsPerMonth(
        Scenarios.Scenario scenario, Catalog.InstanceType? machine, ServicePrices services, PathSize size, double connections)
    {
        if (machine?.BurstableBaselinePerVcpu is not { } baseline || !scenario.BurstableUnlimited)
        {
            return 0;
        }

        var usedCores = BeamVm.CoresUsed(scenario, connections, size.RemoteFraction);
        return CpuCreditsPerMonth(usedCores, size.Machines, machine.Vcpu, baseline, services.CpuCreditUsdPerVcpuHour);
    }

    /// <summary>Unlimited-mode surplus credits: max(0, utilisation − baseline) × vCPUs × rate, per machine-hour.</summary>
    public static decimal CpuCreditsPerMonth(
        double usedCores, long machines, int vcpu, double baselinePerVcpu, decimal usdPerVcpuHour)
    {
        if (machines <= 0 || vcpu <= 0)
        {
            return 0;
        }

        var utilisation = usedCores / (machines * (double)vcpu);
        var surplusVcpus = Math.Max(0, utilisation - baselinePerVcpu) * vcpu * machines;
        return (decimal)surplusVcpus * usdPerVcpuHour * HoursPerMonth;
    }
}
