using System.Globalization;
using CostCalc.Domain.Catalog;
using CostCalc.Domain.Prices;

namespace CostCalc.Pricing.Tests;

/// <summary>Figures published by the sources in raw-data/ (see its README), checked against the embedded snapshot.</summary>
public sealed class EmbeddedSnapshotKnownValuesTests
{
    private static PriceBook Book => Embedded.Snapshot.Prices;

    private static InstanceCatalog Catalog => Embedded.Snapshot.Catalog;

    private static InstancePrice Price(string region, string type) =>
        Book.Find(region)?.Find(type) ?? throw new Xunit.Sdk.XunitException($"no price for {type} in {region}");

    private static InstanceType Type(string name) =>
        Catalog.Find(name) ?? throw new Xunit.Sdk.XunitException($"no instance type {name}");

    [Fact]
    public void OnDemand_UsEast1M5Large_Is0096()
    {
        Assert.Equal(0.096m, Price("us-east-1", "m5.large").OnDemandUsdPerHour);
    }

    [Fact]
    public void ReservedStandard1Year_UsEast1M5Large_Is0060()
    {
        Assert.Equal(0.060m, Price("us-east-1", "m5.large").UsdPerHour(PurchaseOption.ReservedStandard1Year));
    }

    // Karpenter's us-east-1 on-demand table, generated 2026-07-20.
    [Theory]
    [InlineData("t3.medium", "0.0416")]
    [InlineData("t3.large", "0.0832")]
    [InlineData("c5.xlarge", "0.170")]
    [InlineData("c5.4xlarge", "0.680")]
    [InlineData("m5.large", "0.096")]
    [InlineData("m6i.large", "0.096")]
    [InlineData("c7g.xlarge", "0.145")]
    [InlineData("m7g.large", "0.0816")]
    [InlineData("r6i.large", "0.126")]
    [InlineData("t4g.medium", "0.0336")]
    [InlineData("t4g.large", "0.0672")]
    [InlineData("t3a.large", "0.0752")]
    [InlineData("c6g.large", "0.068")]
    [InlineData("c5.large", "0.085")]
    [InlineData("c6i.xlarge", "0.170")]
    [InlineData("c7i.xlarge", "0.1785")]
    [InlineData("m7i.large", "0.1008")]
    public void OnDemand_UsEast1DomainTable_MatchesKarpenter(string type, string usdPerHour)
    {
        Assert.Equal(decimal.Parse(usdPerHour, CultureInfo.InvariantCulture), Price("us-east-1", type).OnDemandUsdPerHour);
    }

    [Fact]
    public void OnDemand_UsEast1P5_UsesKarpenters2026PriceCut()
    {
        // Data README: "Karpenter 2026-07 us-east-1: p5.48xlarge 55.04 vs 98.32 here".
        Assert.Equal(55.04m, Price("us-east-1", "p5.48xlarge").OnDemandUsdPerHour);
    }

    [Theory]
    [InlineData("c6g.metal", "c6g.16xlarge", "2.176")]
    [InlineData("m7i.metal-24xl", "m7i.24xlarge", "4.8384")]
    public void OnDemand_UsEast1MetalWithSharedPrice_KeepsSharedTenancyPrice(string metal, string sameSize, string usdPerHour)
    {
        // Shared-tenancy metal costs the same as the same-size virtualised type; Karpenter's
        // Dedicated price is higher (c6g.metal 2.3066, m7i.metal-24xl 5.32224).
        var expected = decimal.Parse(usdPerHour, CultureInfo.InvariantCulture);
        Assert.Equal(expected, Price("us-east-1", metal).OnDemandUsdPerHour);
        Assert.Equal(expected, Price("us-east-1", sameSize).OnDemandUsdPerHour);
    }

    [Theory]
    [InlineData("m5.large", 66)]
    [InlineData("t3.medium", 56)]
    [InlineData("r6i.large", 68)]
    public void SpotSavings_UsEast1_MatchesSpotAdvisorSample(string type, int percent)
    {
        // raw-data/samples/spot-advisor-data-excerpt.json, us-east-1 Linux.
        Assert.Equal(percent, Price("us-east-1", type).SpotSavingsPercent);
    }

    [Fact]
    public void Regions_EmbeddedSnapshot_AreThe34OfThePricingPageFile()
    {
        Assert.Equal(34, Book.Regions.Count);
        Assert.NotNull(Book.Find("us-gov-east-1"));
        Assert.NotNull(Book.Find("us-gov-west-1"));
        Assert.Null(Book.Find("cn-north-1"));
        Assert.Null(Book.Find("ap-east-2"));
        Assert.Equal("US East (N. Virginia)", Book.Find("us-east-1")!.Region.Name);
    }

    [Fact]
    public void Gp3_UsEast1_MatchesPricingPage()
    {
        Assert.Equal(new Gp3Prices(0.08m, 0.005m, 0.04m, RegionScoped: true), Book.Find("us-east-1")!.Gp3);
    }

    [Fact]
    public void Gp3_RegionMissingFromEbsSource_UsesUsEast1RatesNotRegionScoped()
    {
        Assert.Equal(new Gp3Prices(0.08m, 0.005m, 0.04m, RegionScoped: false), Book.Find("mx-central-1")!.Gp3);
    }

    [Fact]
    public void Gp3_EuWest1_IsRegional()
    {
        // ebs-prices-by-region.csv: 0.088 per GB-month, 0.0055 per IOPS-month, 45.056 per GiBps-month.
        Assert.Equal(new Gp3Prices(0.088m, 0.0055m, 0.044m, RegionScoped: true), Book.Find("eu-west-1")!.Gp3);
    }

    [Fact]
    public void Services_AllRegions_UseUsEast1RatesScopedOnlyThere()
    {
        var expected = new ServicePrices(
            EksClusterUsdPerHour: 0.10m, EksExtendedSupportUsdPerHour: 0.60m, FargateUsdPerVcpuHour: 0.04048m,
            FargateUsdPerGbHour: 0.004445m, AutoModeFeeShareOfOnDemand: 0.12m, AlbUsdPerHour: 0.0225m,
            AlbUsdPerLcuHour: 0.008m, NatGatewayUsdPerHour: 0.045m, NatGatewayUsdPerGb: 0.045m,
            CrossAzUsdPerGbEachDirection: 0.01m, CpuCreditUsdPerVcpuHour: 0.05m, RegionScoped: false)
        {
            CpuCreditGravitonUsdPerVcpuHour = 0.04m,
            InternetEgress = new EgressTiers(0.09m, 0.085m, 0.07m, 0.05m, FreeGbPerMonth: 100),
            Nlb = new NlbRates(0.0225m, 0.006m),
        };
        foreach (var region in Book.Regions)
        {
            var usEast1 = region.Region.Code == "us-east-1";
            Assert.Equal(expected with { RegionScoped = usEast1, EksRatesRegional = usEast1 }, region.Services);
        }
    }

    // Regional EC2 prices are the AWS pricing-page JSON of 2025-04-04; us-east-1 on-demand
    // comes from Karpenter's table generated 2026-07-20. "Prices as of" is the EC2 on-demand date, not the
    // newer date of the hand-collected service rates (2026-07-07).
    [Theory]
    [InlineData("us-east-1", 2026, 7, 20)]
    [InlineData("eu-west-1", 2025, 4, 4)]
    [InlineData("ap-south-1", 2025, 4, 4)]
    public void RegionAsOf_IsTheDateOfItsEc2OnDemandPrices(string region, int year, int month, int day)
    {
        Assert.Equal(new DateOnly(year, month, day), Book.Find(region)!.AsOf);
        Assert.Equal(new DateOnly(2024, 7, 18), Book.Find(region)!.OldestAsOf);
    }

    [Fact]
    public void PriceBook_EmbeddedSnapshot_IsDatedByNewestPrices()
    {
        Assert.Equal("embedded-2026-07-20", Book.SnapshotId);
        Assert.Equal("embedded snapshot", Book.Source);
        Assert.Equal(new DateOnly(2026, 7, 20), Book.AsOf);
    }

    [Fact]
    public void Origins_EuWest1_NameEachSourceWithItsDate()
    {
        var origins = Book.Find("eu-west-1")!.Origins;

        Assert.Contains(origins, o => o.What == "EC2 on-demand" && o.AsOf == new DateOnly(2025, 4, 4) && o.Source.Contains("ec2.shop", StringComparison.Ordinal));
        Assert.Contains(origins, o => o.What == "EC2 spot savings" && o.AsOf == new DateOnly(2025, 6, 28));
        Assert.Contains(origins, o => o.What == "EBS gp3" && o.AsOf == new DateOnly(2024, 7, 18));
        Assert.Equal(new DateOnly(2024, 7, 18), Book.Find("eu-west-1")!.OldestAsOf);
    }

    [Fact]
    public void Origins_UsEast1_IncludeKarpenterAndPricingPageOnDemand()
    {
        var onDemand = Book.Find("us-east-1")!.Origins.Where(o => o.What == "EC2 on-demand").Select(o => o.AsOf).Order();

        Assert.Equal([new DateOnly(2025, 4, 4), new DateOnly(2026, 7, 20)], onDemand);
    }

    [Fact]
    public void Prices_EveryRegion_ArePositiveAndSpotSavingsBelow100()
    {
        foreach (var region in Book.Regions)
        {
            foreach (var name in region.InstanceTypeNames)
            {
                var price = region.Find(name)!;
                Assert.True(price.OnDemandUsdPerHour > 0, $"{region.Region.Code} {name}");
                foreach (var option in Enum.GetValues<PurchaseOption>())
                {
                    Assert.True(price.UsdPerHour(option) is null or > 0, $"{region.Region.Code} {name} {option}");
                }
            }
        }
    }

    [Fact]
    public void Prices_GovCloud_HaveNoSpotData()
    {
        var govWest = Book.Find("us-gov-west-1")!;

        Assert.All(govWest.InstanceTypeNames, name => Assert.Null(govWest.Find(name)!.SpotSavingsPercent));
    }

    [Fact]
    public void Specs_M5Large_Are2Vcpu8GiBX64()
    {
        var m5 = Type("m5.large");

        Assert.Equal((2, 8192, CpuArchitecture.X64, false), (m5.Vcpu, m5.MemoryMiB, m5.Architecture, m5.IsBurstable));
        Assert.True(m5.Nitro);
    }

    [Theory]
    [InlineData("c7g.xlarge", CpuArchitecture.Arm64)]
    [InlineData("m7g.large", CpuArchitecture.Arm64)]
    [InlineData("t2.micro", CpuArchitecture.X64)]
    [InlineData("mac2.metal", CpuArchitecture.Arm64)]
    public void Architecture_KnownTypes_MatchTheirProcessor(string type, CpuArchitecture expected)
    {
        Assert.Equal(expected, Type(type).Architecture);
    }

    // Burstable baselines: credits earned per hour ÷ vCPUs ÷ 60 (awsdocs/amazon-ec2-user-guide).
    [Theory]
    [InlineData("t3.large", 0.30)]
    [InlineData("t3.nano", 0.05)]
    [InlineData("t4g.xlarge", 0.40)]
    [InlineData("t3a.medium", 0.20)]
    [InlineData("t2.xlarge", 0.225)]
    [InlineData("t2.2xlarge", 0.16875)]
    public void BurstableBaseline_TFamilies_MatchCreditTable(string type, double baseline)
    {
        Assert.Equal(baseline, Type(type).BurstableBaselinePerVcpu);
    }

    [Theory]
    [InlineData("m5.large")]
    [InlineData("t1.micro")]
    public void BurstableBaseline_NonTFamilyAndT1_IsNull(string type)
    {
        Assert.Null(Type(type).BurstableBaselinePerVcpu);
    }

    // Reference values from eni-max-pods.txt.
    [Theory]
    [InlineData("t3.medium", 17)]
    [InlineData("t3.large", 35)]
    [InlineData("t4g.large", 35)]
    [InlineData("m5.large", 29)]
    [InlineData("m6i.large", 29)]
    [InlineData("m7g.large", 29)]
    [InlineData("c5.xlarge", 58)]
    [InlineData("c7g.xlarge", 58)]
    [InlineData("c5.4xlarge", 234)]
    [InlineData("m5.24xlarge", 737)]
    public void ListedMaxPods_ReferenceTypes_MatchEniMaxPods(string type, int maxPods)
    {
        Assert.Equal(maxPods, Type(type).ListedMaxPods);
    }

    [Fact]
    public void ListedMaxPods_EveryListedType_EqualsEniFormula()
    {
        // ENIs × (IPv4 per ENI − 1) + 2 (the formula in the file's header) gives the listed value for every type.
        foreach (var type in Catalog.All.Where(t => t.ListedMaxPods is not null))
        {
            Assert.True((type.MaxEnis * (type.Ipv4PerEni - 1)) + 2 == type.ListedMaxPods, type.Name);
        }
    }
}
