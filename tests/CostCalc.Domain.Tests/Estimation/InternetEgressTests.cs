using CostCalc.Domain.Estimation;
using CostCalc.Domain.Prices;
using CostCalc.Domain.Scenarios;
using CostCalc.Domain.Tests.TestSupport;

namespace CostCalc.Domain.Tests.Estimation;

/// <summary>
/// Internet egress, worked by hand from the fixture's us-east-1 ladder (<see cref="Fixture.Services"/>):
/// 100 GB a month free, then $0.09/GB for the first 10 TB, $0.085 for the next 40 TB, $0.07 for the next
/// 100 TB and $0.05 beyond 150 TB, a TB taken as 1,024 GB. GB a month = connections × bytes per connection
/// per second × 730 h × 3,600 s ÷ 2³⁰.
/// </summary>
public class InternetEgressTests
{
    /// <summary>Default: 100,000 connections × 100 B/s × 2,628,000 s = 2.628 × 10¹³ B ÷ 2³⁰ = 24,475.157 GB a month.</summary>
    public const double DefaultEgressGb = 100_000.0 * 100 * 730 * 3600 / (1024d * 1024 * 1024);

    /// <summary>
    /// 24,475.157 − 100 free = 24,375.157 GB billable, past the first tier's 10 × 1,024 = 10,240 GB:
    /// 10,240 × $0.09 = $921.60, plus (24,375.157 − 10,240) = 14,135.157 GB × $0.085 = $1,201.49; $2,123.09 in all.
    /// </summary>
    public static readonly decimal DefaultEgressMonthly = (10_240 * 0.09m) + ((decimal)(DefaultEgressGb - 100 - 10_240) * 0.085m);

    [Fact]
    public void Estimate_DefaultScenario_EgressLineIsTheSameHandWorkedAmountOnEveryPath()
    {
        var estimate = Fixture.Estimate(Scenario.Default);

        Assert.Equal(2_123.09m, Math.Round(DefaultEgressMonthly, 2));
        foreach (var path in estimate.Paths)
        {
            var line = path.Line(CostKind.InternetEgress);
            Assert.Equal("Internet egress", line.Name);
            Assert.Equal(DefaultEgressMonthly, line.MonthlyUsd, 6);
            Assert.Equal("24,475.2 GB/month to clients, 100 GB free, tiered $0.09–0.05/GB", line.Detail);
            Assert.Equal(Sources.InternetEgress, line.Source);
        }
    }

    [Fact]
    public void Estimate_TwoThousandConnections_StaysInTheFirstTier()
    {
        // 2,000 × 100 B/s × 2,628,000 s ÷ 2³⁰ = 489.503 GB; 389.503 GB billable × $0.09 = $35.06.
        var gb = 2_000.0 * 100 * 2_628_000 / (1024d * 1024 * 1024);
        var path = Fixture.Estimate(Scenario.Default with { PeakConnections = 2_000 })[PathIds.Ec2];

        Assert.Equal((decimal)(gb - 100) * 0.09m, path.Line(CostKind.InternetEgress).MonthlyUsd, 6);
        Assert.Equal(35.06m, Math.Round(path.Line(CostKind.InternetEgress).MonthlyUsd, 2));
    }

    [Fact]
    public void Estimate_UnderTheFreeAllowance_CostsNothing()
    {
        // 400 × 100 B/s × 2,628,000 s ÷ 2³⁰ = 97.9 GB, under the 100 GB free: a line of $0.
        var path = Fixture.Estimate(Scenario.Default with { PeakConnections = 400 })[PathIds.Ec2];

        Assert.Equal(0m, path.Line(CostKind.InternetEgress).MonthlyUsd);
    }

    [Fact]
    public void Estimate_OneMillionConnections_CrossesEveryTier()
    {
        // 1,000,000 × 100 B/s × 2,628,000 s ÷ 2³⁰ = 244,751.573 GB; 244,651.573 GB billable:
        //   10,240 GB × $0.09  =   $921.60
        //   40,960 GB × $0.085 = $3,481.60
        //  102,400 GB × $0.07  = $7,168.00
        //   (244,651.573 − 153,600) = 91,051.573 GB × $0.05 = $4,552.58
        // $16,123.78 a month, the same on every path.
        var gb = 1_000_000.0 * 100 * 2_628_000 / (1024d * 1024 * 1024);
        var expected = 921.60m + 3_481.60m + 7_168m + ((decimal)(gb - 100 - 153_600) * 0.05m);
        var estimate = Fixture.Estimate(Scenario.Default with { PeakConnections = 1_000_000 });

        Assert.Equal(16_123.78m, Math.Round(expected, 2));
        Assert.All(estimate.Paths, p => Assert.Equal(expected, p.Line(CostKind.InternetEgress).MonthlyUsd, 6));
    }

    [Fact]
    public void Estimate_ClientBytesZero_HasNoEgressLine()
    {
        var estimate = Fixture.Estimate(Scenario.Default with { ClientBytesPerConnectionPerSecond = 0 });

        Assert.All(estimate.Paths, p => Assert.False(p.HasLine(CostKind.InternetEgress)));
    }

    [Theory]
    // Billable GB straddling each boundary, by hand: the GB below a boundary at the lower tier's rate, above it at the next.
    [InlineData(10_240 + 100, 921.60)]                         // exactly the first tier: 10,240 × 0.09
    [InlineData(20_000 + 100, 921.60 + (9_760 * 0.085))]       // 9,760 GB into tier 2: 921.60 + 829.60 = 1,751.20
    [InlineData(60_000 + 100, 921.60 + 3_481.60 + (8_800 * 0.07))] // 8,800 GB into tier 3: 4,403.20 + 616 = 5,019.20
    [InlineData(50, 0)]                                        // under the free 100 GB
    public void EgressTiers_GbAMonth_ChargesEachGbAtItsTiersRate(double gb, double usd)
    {
        Assert.Equal((decimal)usd, Fixture.Services.InternetEgress.MonthlyUsd(gb), 6);
    }

    [Fact]
    public void EgressTiers_TierStarts_AreTenFiftyAndOneHundredFiftyTimes1024Gb()
    {
        Assert.Equal([10_240d, 51_200d, 153_600d], EgressTiers.TierStartsGb);
    }
}
