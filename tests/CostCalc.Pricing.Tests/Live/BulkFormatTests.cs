using System.Text;
using System.Text.Json;
using CostCalc.Pricing.Bulk;
using CostCalc.Pricing.Query;
using CostCalc.Pricing.Tests.TestSupport;

namespace CostCalc.Pricing.Tests.Live;

public sealed class BulkFormatTests
{
    [Fact]
    public async Task Ec2Csv_RealSample_ReadsMetadataAndKeepsNoNonCanonicalRow()
    {
        await using var stream = Samples.Open("bulk-offer-ec2-csv-sample-2025-09-12.csv");

        var offer = await Ec2OfferCsv.ReadAsync(stream, "us-east-1", "sample", null, CancellationToken.None);

        Assert.Equal("20250912225308", offer.Metadata.Version);
        Assert.Equal("AmazonEC2", offer.Metadata.OfferCode);
        Assert.Equal(44, offer.Metadata.Rows);
        Assert.Empty(offer.Instances);
    }

    [Fact]
    public async Task Ec2Csv_GeneratedRegionFile_KeepsOnlyCanonicalLinuxPrices()
    {
        var files = new PriceListFiles(Samples.Directory) { NoiseRowsPerType = 12 };
        var text = new StringWriter();
        files.WriteEc2Csv(text, Embedded.Snapshot, "eu-west-1");

        var offer = await Ec2OfferCsv.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(text.ToString())), "eu-west-1", "generated", null, CancellationToken.None);

        var expected = Embedded.Snapshot.Prices.Find("eu-west-1")!;
        Assert.Equal(expected.InstanceTypeNames, offer.Instances.Keys.Order(StringComparer.Ordinal));
        var m5 = offer.Instances["m5.large"];
        var before = expected.Find("m5.large")!;
        Assert.Equal(before.OnDemandUsdPerHour, m5.OnDemand);
        Assert.Equal(before.ReservedStandard1YearUsdPerHour, m5.ReservedStandard1Year);
        Assert.Equal(before.ReservedConvertible3YearUsdPerHour, m5.ReservedConvertible3Year);
        Assert.Equal("EU (Ireland)", offer.Location);
        Assert.Equal(new Pricing.Live.Gp3Rates(0.08m, 0.005m, 0.04m), offer.Gp3);
    }

    [Fact]
    public async Task Ec2Csv_QuotedCommasLineBreaksAndCrLf_AreParsed()
    {
        var csv = "\"FormatVersion\",\"v1.0\"\r\n\"Version\",\"1\"\r\n" + Header() + "\r\n"
            + Row("m5.large", "0.0960000000", description: "Linux, \"shared\"\r\nsecond line") + "\r\n";

        var offer = await Ec2OfferCsv.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "us-east-1", "crlf", null, CancellationToken.None);

        Assert.Equal(0.096m, offer.Instances["m5.large"].OnDemand);
    }

    [Fact]
    public async Task Ec2Csv_TruncatedInsideARow_Throws()
    {
        var csv = Header() + "\n" + Row("m5.large", "0.0960000000") + "\n" + Row("m5.xlarge", "0.192")[..40];

        var error = await Assert.ThrowsAsync<InvalidDataException>(() =>
            Ec2OfferCsv.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "us-east-1", "cut.csv", null, CancellationToken.None));

        Assert.Contains("cut.csv line 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ec2Csv_MalformedQuoting_Throws()
    {
        var csv = Header() + "\n" + Row("m5.large", "0.0960000000").Replace("\"Linux\"", "\"Li\"nux\"", StringComparison.Ordinal) + "\n";

        await Assert.ThrowsAsync<InvalidDataException>(() =>
            Ec2OfferCsv.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "us-east-1", "bad.csv", null, CancellationToken.None));
    }

    [Fact]
    public async Task Ec2Csv_NotAPriceList_Throws()
    {
        var error = await Assert.ThrowsAsync<InvalidDataException>(() =>
            Ec2OfferCsv.ReadAsync(new MemoryStream("<html>Service Unavailable</html>"u8.ToArray()), "us-east-1", "html", null, CancellationToken.None));

        Assert.Contains("html line 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SavingsPlanCsv_RealSample_HasOnlyInstanceSavingsPlans_SoNoComputeRates()
    {
        await using var stream = Samples.Open("bulk-savingsplan-compute-ap-east-2-csv-sample-2025-09-11.csv");

        var rates = await SavingsPlanCsv.ReadAsync(stream, "ap-east-2", "sample", null, CancellationToken.None);

        Assert.Equal("20250911184447", rates.Metadata.Version);
        Assert.Equal(44, rates.Metadata.Rows);
        Assert.Empty(rates.OneYear);
        Assert.Empty(rates.ThreeYear);
    }

    [Fact]
    public async Task SavingsPlanCsv_Generated_KeepsComputeNoUpfrontLinuxRates()
    {
        var text = new StringWriter();
        new PriceListFiles(Samples.Directory).WriteSavingsPlanCsv(text, Embedded.Snapshot, "us-east-1");

        var rates = await SavingsPlanCsv.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(text.ToString())), "us-east-1", "sp", null, CancellationToken.None);

        Assert.Equal(PriceListFiles.SavingsPlanRate(0.096m, "1"), rates.OneYear["m5.large"]);
        Assert.Equal(PriceListFiles.SavingsPlanRate(0.096m, "3"), rates.ThreeYear["m5.large"]);
    }

    [Fact]
    public async Task EksOffer_Sample_GivesControlPlaneFargateAndAutoMode()
    {
        await using var stream = Samples.Open("bulk-offer-amazoneks-us-east-1-excerpt-RECONSTRUCTED.json");

        var (rates, version, published) = await EksOfferJson.ReadAsync(stream, "us-east-1", "eks", CancellationToken.None);

        Assert.Equal(0.1m, rates.ClusterHour);
        Assert.Equal(0.5m, rates.ExtendedSupportSurchargeHour);
        Assert.Equal(0.04048m, rates.FargateVcpuHour);
        Assert.Equal(0.004445m, rates.FargateGbHour);
        Assert.Equal(0.01152m, rates.AutoModeFees["m5.large"]);
        Assert.Equal("20260707152351", version);
        Assert.Equal(new DateTimeOffset(2026, 7, 7, 15, 23, 51, TimeSpan.Zero), published);
    }

    [Fact]
    public async Task EksOffer_OtherRegion_HasNoControlPlaneRate_Throws()
    {
        await using var stream = Samples.Open("bulk-offer-amazoneks-us-east-1-excerpt-RECONSTRUCTED.json");

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => EksOfferJson.ReadAsync(stream, "eu-west-1", "eks", CancellationToken.None));

        Assert.Contains("perCluster", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OfferIndex_RealSample_GivesRegionAndSavingsPlanIndexes()
    {
        using var index = JsonDocument.Parse(Samples.Text("bulk-offers-service-index-2025-09-12.json"));

        var ec2 = OfferIndexes.Offer(index.RootElement, "AmazonEC2");
        var eks = OfferIndexes.Offer(index.RootElement, "AmazonEKS");

        Assert.Equal("/offers/v1.0/aws/AmazonEC2/current/region_index.json", ec2.CurrentRegionIndexUrl);
        Assert.Equal("/savingsPlan/v1.0/aws/AWSComputeSavingsPlan/current/region_index.json", ec2.CurrentSavingsPlanIndexUrl);
        Assert.Equal("/offers/v1.0/aws/AmazonEKS/current/region_index.json", eks.CurrentRegionIndexUrl);
        Assert.Throws<InvalidDataException>(() => OfferIndexes.Offer(index.RootElement, "NoSuchOffer"));
    }

    [Fact]
    public void SavingsPlanRegionIndex_RealSample_ListsRegionsWithVersionUrls()
    {
        using var index = JsonDocument.Parse(Samples.Text("bulk-savingsplan-compute-region-index-2025-09-11.json"));

        var urls = OfferIndexes.SavingsPlanVersionUrls(index.RootElement, "sp index");

        Assert.Equal(103, urls.Count);
        Assert.Equal("/savingsPlan/v1.0/aws/AWSComputeSavingsPlan/20250911184447/ap-east-2/index.json", urls["ap-east-2"]);
        Assert.Equal("/savingsPlan/v1.0/aws/AWSComputeSavingsPlan/20250911184447/ap-east-2/index.csv", OfferIndexes.CsvUrl(urls["ap-east-2"]));
    }

    [Fact]
    public void Ec2VersionIndex_RealSample_IsNotARegionIndex()
    {
        using var index = JsonDocument.Parse(Samples.Text("bulk-offers-ec2-version-index-2025-09.json"));

        Assert.Throws<InvalidDataException>(() => OfferIndexes.RegionVersionUrls(index.RootElement, "versions"));
    }

    [Fact]
    public void SpotAdvisor_RealSample_GivesLinuxSavingsOfKnownRegions()
    {
        using var feed = JsonDocument.Parse(Samples.Text("spot-advisor-data-excerpt.json"));

        var savings = SpotAdvisorFeed.LinuxSavings(feed.RootElement, ["us-east-1", "eu-west-1", "mars-1"]);

        Assert.Equal(["eu-west-1", "us-east-1"], savings.Keys.Order(StringComparer.Ordinal));
        Assert.InRange(savings["us-east-1"]["m5.large"], 1, 99);
    }

    [Fact]
    public void GetProductsItem_RealSample_GivesOnDemandAndNoUpfrontReserved()
    {
        using var item = JsonDocument.Parse(Samples.Text("pricing-getproducts-priceitem-ec2-m5.large-us-east-1-2021.json"));
        var items = new Ec2PriceListItems("us-east-1");

        items.Add(item.RootElement);

        var m5 = items.Rates["m5.large"];
        Assert.Equal(new Pricing.Live.Ec2Rates(0.096m, 0.06m, 0.041m, 0.071m, 0.049m), m5);
        Assert.Equal("US East (N. Virginia)", items.Location);
        Assert.Equal("20210205204500", items.Version);
    }

    [Fact]
    public void GetProductsResponse_AssembledSample_PriceListEntriesAreJsonStrings()
    {
        using var response = JsonDocument.Parse(Samples.Text("pricing-getproducts-response-ec2-m5.large-ASSEMBLED.json"));
        var items = new Ec2PriceListItems("us-east-1");

        foreach (var entry in response.RootElement.GetProperty("PriceList").EnumerateArray())
        {
            using var decoded = JsonDocument.Parse(entry.GetString()!);
            items.Add(decoded.RootElement);
        }

        Assert.Equal(0.096m, items.Rates["m5.large"].OnDemand);
    }

    [Theory]
    [InlineData("""{"__type":"com.amazonaws.pricing#ThrottlingException","message":"Rate exceeded"}""", "ThrottlingException", "Rate exceeded")]
    [InlineData("""{"__type":"ExpiredNextTokenException","Message":"expired"}""", "ExpiredNextTokenException", "expired")]
    [InlineData("<html>bad gateway</html>", "UnknownError", "<html>bad gateway</html>")]
    public void QueryError_Body_GivesTypeAndMessage(string body, string type, string message)
    {
        Assert.Equal((type, message), QueryErrorException.Parse(body));
    }

    private static readonly string[] Columns =
    [
        "SKU", "TermType", "PriceDescription", "Unit", "PricePerUnit", "Currency", "LeaseContractLength", "PurchaseOption", "OfferingClass",
        "Product Family", "Location", "Location Type", "Instance Type", "Tenancy", "Operating System", "License Model", "usageType",
        "operation", "CapacityStatus", "Pre Installed S/W", "Region Code",
    ];

    private static string Header() => string.Join(',', Columns.Select(c => $"\"{c}\""));

    private static string Row(string type, string price, string description = "x") =>
        string.Join(',', new[]
        {
            "SKU1", "OnDemand", description.Replace("\"", "\"\"", StringComparison.Ordinal), "Hrs", price, "USD", "", "", "", "Compute Instance",
            "US East (N. Virginia)", "AWS Region", type, "Shared", "Linux", "No License required", $"BoxUsage:{type}", "RunInstances", "Used", "NA", "us-east-1",
        }.Select(f => f.Length == 0 ? "" : $"\"{f}\""));
}
