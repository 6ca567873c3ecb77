using CostCalc.Domain.Prices;
using CostCalc.Domain.Tests.TestSupport;

namespace CostCalc.Domain.Tests.Prices;

public class InstancePriceTests
{
    [Theory]
    // spot ≈ on-demand × (1 − s/100) (PRICING §5.4; savings from ec2-spot-advisor.csv, us-east-1).
    [InlineData("m5.large", "0.03264")]     // 0.096 × 0.34
    [InlineData("m6i.large", "0.03552")]    // 0.096 × 0.37
    [InlineData("t3.medium", "0.018304")]   // 0.0416 × 0.44
    [InlineData("m5.24xlarge", "1.152")]    // 4.608 × 0.25
    public void UsdPerHour_Spot_IsOnDemandLessAdvisorSaving(string name, string expected)
    {
        var price = Fixture.UsEast1InstancePrices[name];

        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), price.UsdPerHour(PurchaseOption.Spot));
    }

    [Fact]
    public void UsdPerHour_SpotWithoutAdvisorData_IsNull()
    {
        var price = new InstancePrice(0.1m, null, null, null, null, SpotSavingsPercent: null);

        Assert.Null(price.UsdPerHour(PurchaseOption.Spot));
    }

    [Theory]
    // m5.large us-east-1, No Upfront effective hourly (ec2-prices-linux-by-region.csv).
    [InlineData(PurchaseOption.OnDemand, "0.096")]
    [InlineData(PurchaseOption.ReservedStandard1Year, "0.06")]
    [InlineData(PurchaseOption.ReservedStandard3Year, "0.041")]
    [InlineData(PurchaseOption.ReservedConvertible1Year, "0.071")]
    [InlineData(PurchaseOption.ReservedConvertible3Year, "0.049")]
    public void UsdPerHour_EachOption_ReturnsItsOwnRate(PurchaseOption option, string expected)
    {
        var price = Fixture.UsEast1InstancePrices["m5.large"];

        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), price.UsdPerHour(option));
    }

    [Fact]
    public void UsdPerHour_UndefinedOption_IsNull()
    {
        Assert.Null(Fixture.UsEast1InstancePrices["m5.large"].UsdPerHour((PurchaseOption)99));
    }
}
