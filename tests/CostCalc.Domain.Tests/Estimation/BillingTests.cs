using CostCalc.Domain.Estimation;
using CostCalc.Domain.Prices;
using CostCalc.Domain.Tests.TestSupport;

namespace CostCalc.Domain.Tests.Estimation;

public class BillingTests
{
    [Fact]
    public void HoursPerMonth_Convention_Is8760Over12()
    {
        // model.md §5.5: 730 = 8,760 / 12.
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
        // EC2 user guide: surplus = max(0, cores busy − baseline × vCPUs) at $0.05 per vCPU-hour (T3).
        // 3 t3.large (2 vCPU, 30 % baseline = 0.6 cores) each 1 core busy → 0.4 surplus vCPU each
        // → 1.2 vCPU × 0.05 × 730 = $43.80.
        var usd = Billing.CpuCreditsPerMonth(unlimited: true, Fixture.T3Large, Fixture.Services, machines: 3, coresPerMachine: 1);

        Assert.Equal(43.80m, decimal.Round(usd, 6));
    }

    [Theory]
    [InlineData(0.6, 3)]   // exactly at the 30 % baseline of 2 vCPUs
    [InlineData(0.2, 3)]   // below
    [InlineData(5.0, 0)]   // no machines
    public void CpuCreditsPerMonth_AtOrBelowBaselineOrNoMachines_IsZero(double coresPerMachine, long machines)
    {
        Assert.Equal(0m, Billing.CpuCreditsPerMonth(true, Fixture.T3Large, Fixture.Services, machines, coresPerMachine));
    }

    [Fact]
    public void CpuCreditsPerMonth_NotUnlimitedOrNotBurstable_IsZero()
    {
        Assert.Equal(0m, Billing.CpuCreditsPerMonth(false, Fixture.T3Large, Fixture.Services, 3, 2));
        Assert.Equal(0m, Billing.CpuCreditsPerMonth(true, Fixture.M6iLarge, Fixture.Services, 3, 2));
    }
}
