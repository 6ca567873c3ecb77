using CostCalc.Domain.Estimation;
using CostCalc.Domain.Prices;
using CostCalc.Domain.Tests.TestSupport;

namespace CostCalc.Domain.Tests.Estimation;

public class BillingTests
{
    [Fact]
    public void HoursPerMonth_Convention_Is8760Over12()
    {
        // DOMAIN §5.5: 730 = 8,760 / 12.
        Assert.Equal(8760m / 12, Billing.HoursPerMonth);
        Assert.Equal(730m, Billing.HoursPerMonth);
        Assert.Equal(730d * 3600, Billing.SecondsPerMonth);
    }

    [Fact]
    public void HourlyPrice_OfferExists_UsesItWithoutFallback()
    {
        var (usd, fellBack) = Billing.HourlyPrice(Fixture.UsEast1InstancePrices["m6i.large"], PurchaseOption.ReservedStandard3Year);

        Assert.Equal(0.04355m, usd);
        Assert.False(fellBack);
    }

    [Fact]
    public void HourlyPrice_NoSuchOffer_FallsBackToOnDemand()
    {
        var (usd, fellBack) = Billing.HourlyPrice(Fixture.UsEast1InstancePrices["c7g.xlarge"], PurchaseOption.ReservedStandard1Year);

        Assert.Equal(0.145m, usd);
        Assert.True(fellBack);
    }

    [Fact]
    public void CpuCreditsPerMonth_AboveBaseline_ChargesSurplusVcpuHours()
    {
        // DOMAIN §5.3: max(0, util − baseline) × vCPUs × $0.05 per hour. 3 t3.large (2 vCPU, 30 %)
        // using 3 cores in total → 50 % each → 0.2 × 2 × 3 = 1.2 surplus vCPU → 1.2 × 0.05 × 730 = $43.80.
        var usd = Billing.CpuCreditsPerMonth(usedCores: 3, machines: 3, vcpu: 2, baselinePerVcpu: 0.30, usdPerVcpuHour: 0.05m);

        Assert.Equal(43.80m, decimal.Round(usd, 6));
    }

    [Theory]
    [InlineData(1.8, 3)]   // exactly at 30 % baseline
    [InlineData(0.5, 3)]   // below
    [InlineData(5.0, 0)]   // no machines
    public void CpuCreditsPerMonth_AtOrBelowBaselineOrNoMachines_IsZero(double usedCores, long machines)
    {
        Assert.Equal(0m, Billing.CpuCreditsPerMonth(usedCores, machines, 2, 0.30, 0.05m));
    }
}
