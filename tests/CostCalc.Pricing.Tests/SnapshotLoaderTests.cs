using System.Text.RegularExpressions;
using CostCalc.Domain.Prices;
using CostCalc.Pricing.Snapshot;

namespace CostCalc.Pricing.Tests;

public sealed class SnapshotLoaderTests
{
    [Fact]
    public void Load_EmbeddedSnapshot_EveryRegionHasInstances()
    {
        foreach (var region in Embedded.Snapshot.Prices.Regions)
        {
            Assert.True(region.InstanceTypeNames.Count > 100, $"{region.Region.Code}: {region.InstanceTypeNames.Count} types");
        }
    }

    [Fact]
    public void Load_EmbeddedSnapshot_EveryPricedTypeIsInTheCatalog()
    {
        var missing = Embedded.Snapshot.Prices.Regions
            .SelectMany(r => r.InstanceTypeNames)
            .Where(name => Embedded.Snapshot.Catalog.Find(name) is null)
            .Distinct();

        Assert.Empty(missing);
    }

    [Fact]
    public void Load_EmbeddedSnapshot_CatalogHasEveryTypeOfTheSpecDumpPlusDerivedOnes()
    {
        Assert.Equal(1383, Embedded.Snapshot.Catalog.All.Count);
        Assert.Equal("EC2 instance specs and ENI limits", Embedded.Snapshot.Catalog.Origin.What);
    }

    [Fact]
    public void LoadDirectory_FreshBuild_EqualsEmbeddedSnapshot()
    {
        var directory = Directory.CreateTempSubdirectory("costcalc-snapshot-").FullName;
        try
        {
            SnapshotBuilder.Build(RepoData.RawDataDirectory).WriteTo(directory);

            var fromDisk = SnapshotLoader.LoadDirectory(directory, "test", "disk");

            var embedded = Embedded.Snapshot;
            Assert.Equal("disk-2026-07-20", fromDisk.Prices.SnapshotId);
            Assert.Equal(embedded.Catalog.All, fromDisk.Catalog.All);
            Assert.Equal(embedded.Prices.Regions.Count, fromDisk.Prices.Regions.Count);
            foreach (var region in embedded.Prices.Regions)
            {
                var other = fromDisk.Prices.Find(region.Region.Code)!;
                Assert.Equal(region.Origins, other.Origins);
                Assert.Equal(region.InstanceTypeNames, other.InstanceTypeNames);
                Assert.All(region.InstanceTypeNames, name => Assert.Equal(region.Find(name), other.Find(name)));
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void Load_PriceOfTypeMissingFromCatalog_ThrowsNamingFileAndLine()
    {
        var error = Assert.Throws<InvalidDataException>(() => LoadEdited(
            SnapshotFormat.PricesFile, "\nus-east-1,m5.large,", "\nus-east-1,m5.huge,"));

        Assert.Matches(@"^prices\.csv line \d+: m5\.huge is not in the instance catalog$", error.Message);
    }

    [Fact]
    public void Load_RegionWithUnknownOriginCode_Throws()
    {
        var error = Assert.Throws<InvalidDataException>(() => LoadEdited(
            SnapshotFormat.RegionsFile, " X\n", " X Z\n"));

        Assert.Contains("unknown origin code Z", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingServiceRate_Throws()
    {
        var error = Assert.Throws<InvalidDataException>(() => LoadEdited(
            SnapshotFormat.ServicesFile, "\nnat_gb,", "\nnat_gigabyte,"));

        Assert.Contains("nat_gb", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_EmbeddedSnapshot_HasNoSavingsPlanRates()
    {
        var price = Embedded.Snapshot.Prices.Find("us-east-1")!.Find("m5.large")!;

        Assert.Null(price.UsdPerHour(PurchaseOption.SavingsPlan1Year));
        Assert.Null(price.UsdPerHour(PurchaseOption.SavingsPlan3Year));
    }

    [Fact]
    public void Load_SavingsPlanColumns_AreReadAsRates()
    {
        var snapshot = LoadEdited(SnapshotFormat.PricesFile, "\nus-east-1,m5.large,0.096000,0.06,0.041,0.071,0.049,66,K,,\n",
            "\nus-east-1,m5.large,0.096000,0.06,0.041,0.071,0.049,66,K,0.064,0.044\n");

        var price = snapshot.Prices.Find("us-east-1")!.Find("m5.large")!;
        Assert.Equal(0.064m, price.UsdPerHour(PurchaseOption.SavingsPlan1Year));
        Assert.Equal(0.044m, price.UsdPerHour(PurchaseOption.SavingsPlan3Year));
    }

    [Fact]
    public void Load_FilesWithoutTheOptionalColumns_StillLoad()
    {
        var snapshot = SnapshotLoader.Load(
            name =>
            {
                var text = new StreamReader(EmbeddedSnapshot.OpenResource(name)).ReadToEnd();
                text = name switch
                {
                    SnapshotFormat.PricesFile => Regex.Replace(text, "^([^#].*),[^,\n]*,[^,\n]*$", "$1", RegexOptions.Multiline),
                    SnapshotFormat.ServicesFile => Regex.Replace(text, "^([^#].*),[^,\n]*$", "$1", RegexOptions.Multiline),
                    _ => text,
                };
                return new StringReader(text);
            },
            "test",
            "old");

        Assert.Equal(0.096m, snapshot.Prices.Find("us-east-1")!.Find("m5.large")!.OnDemandUsdPerHour);
        Assert.Equal(0.10m, snapshot.Prices.Find("eu-west-1")!.Services.EksClusterUsdPerHour);
    }

    [Fact]
    public void Load_ServicesWithoutTheInternetEgressRows_UseTheShippedLadder()
    {
        // A snapshot written before internet egress was priced: every internet_egress_* row removed.
        var snapshot = LoadWithoutServiceRows("internet_egress_");

        Assert.Equal(new EgressTiers(0.09m, 0.085m, 0.07m, 0.05m, FreeGbPerMonth: 100), snapshot.Prices.Find("eu-west-1")!.Services.InternetEgress);
    }

    [Fact]
    public void Load_InternetEgressRows_AreReadAsTheLadder()
    {
        var snapshot = LoadEdited(SnapshotFormat.ServicesFile, "\ninternet_egress_over_150tb_gb,0.05,", "\ninternet_egress_over_150tb_gb,0.04,");

        Assert.Equal(0.04m, snapshot.Prices.Find("us-east-1")!.Services.InternetEgress.Over150TbUsdPerGb);
        Assert.Equal(0.09m, snapshot.Prices.Find("us-east-1")!.Services.InternetEgress.First10TbUsdPerGb);
    }

    [Fact]
    public void Load_ServicesWithoutTheNlbRows_UseTheShippedRates()
    {
        // A snapshot written before NLBs were priced: both nlb_* rows removed.
        var snapshot = LoadWithoutServiceRows("nlb_");

        Assert.Equal(new NlbRates(0.0225m, 0.006m), snapshot.Prices.Find("eu-west-1")!.Services.Nlb);
    }

    [Fact]
    public void Load_NlbRows_AreReadAsTheNlbRates()
    {
        var snapshot = LoadEdited(SnapshotFormat.ServicesFile, "\nnlb_nlcu_hour,0.006,", "\nnlb_nlcu_hour,0.007,");

        Assert.Equal(new NlbRates(0.0225m, 0.007m), snapshot.Prices.Find("us-east-1")!.Services.Nlb);
    }

    [Fact]
    public void Load_RegionalServiceRow_OverridesTheDefaultForThatRegionOnly()
    {
        var snapshot = LoadEdited(SnapshotFormat.ServicesFile, "\nalb_hour,", "\neks_cluster_hour,0.12,per cluster-hour,high,test,eu-west-1\nalb_hour,");

        Assert.Equal(0.12m, snapshot.Prices.Find("eu-west-1")!.Services.EksClusterUsdPerHour);
        Assert.Equal(0.10m, snapshot.Prices.Find("us-east-1")!.Services.EksClusterUsdPerHour);
    }

    [Fact]
    public void Load_RegionalServiceRowForUnknownRegion_Throws()
    {
        var error = Assert.Throws<InvalidDataException>(() => LoadEdited(
            SnapshotFormat.ServicesFile, "\nalb_hour,", "\neks_cluster_hour,0.12,per cluster-hour,high,test,mars-1\nalb_hour,"));

        Assert.Contains("unknown region mars-1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_EmbeddedSnapshot_HasNoPerTypeAutoModeFees()
    {
        // The embedded snapshot ships no auto-mode-fees.csv: every region falls back to the share of on-demand.
        Assert.Null(typeof(EmbeddedSnapshot).Assembly.GetManifestResourceStream(EmbeddedSnapshot.ResourcePrefix + SnapshotFormat.AutoModeFeesFile));
        Assert.All(Embedded.Snapshot.Prices.Regions, r => Assert.Empty(r.AutoModeFeeTypes));
        // m5.large: 0.12 × $0.096 = $0.01152/h from the share.
        var rate = Embedded.Snapshot.Prices.Find("us-east-1")!.AutoModeFeeUsdPerHour("m5.large");
        Assert.Equal(0.01152m, rate.UsdPerHour);
        Assert.Null(rate.Listed);
    }

    [Fact]
    public void Load_AutoModeFeesFile_GivesPerTypeRatesWithOrigin()
    {
        // Test rows (not real prices): us-east-1 m6i.large $0.0123/h, eu-west-1 m5.large $0.0145/h, both from origin X.
        var snapshot = LoadWithFees("region,instance_type,usd_per_hour,source\nus-east-1,m6i.large,0.0123,X\neu-west-1,m5.large,0.0145,X\n");

        var usEast1 = snapshot.Prices.Find("us-east-1")!;
        var fee = usEast1.FindAutoModeFee("m6i.large")!;
        Assert.Equal(0.0123m, fee.UsdPerHour);
        Assert.Equal(new DateOnly(2026, 7, 7), fee.Origin.AsOf);
        Assert.Equal(["m6i.large"], usEast1.AutoModeFeeTypes);
        Assert.Null(usEast1.FindAutoModeFee("m5.large"));
        Assert.Equal(0.0145m, snapshot.Prices.Find("eu-west-1")!.AutoModeFeeUsdPerHour("m5.large").UsdPerHour);
        Assert.Empty(snapshot.Prices.Find("ap-south-1")!.AutoModeFeeTypes);
    }

    [Theory]
    [InlineData("mars-1,m6i.large,0.0123,X", "unknown region mars-1")]
    [InlineData("us-east-1,m6i.huge,0.0123,X", "m6i.huge is not in the instance catalog")]
    [InlineData("us-east-1,m6i.large,0.0123,Q9", "unknown origin code Q9")]
    [InlineData("us-east-1,m6i.large,0,X", "must be positive")]
    [InlineData("us-east-1,m6i.large,0.0123,X\nus-east-1,m6i.large,0.0124,X", "duplicate m6i.large in us-east-1")]
    public void Load_BadAutoModeFeeRow_ThrowsNamingFileAndLine(string rows, string message)
    {
        var error = Assert.Throws<InvalidDataException>(() => LoadWithFees("region,instance_type,usd_per_hour,source\n" + rows + "\n"));

        Assert.StartsWith("auto-mode-fees.csv line ", error.Message, StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Tables_WithFees_WriteTheFileAndLoadItBack_WithoutFees_WriteNone()
    {
        var tables = SnapshotTables.Read(name => new StreamReader(EmbeddedSnapshot.OpenResource(name)));
        Assert.Empty(tables.AutoModeFees);
        Assert.DoesNotContain(tables.Write("test"), f => f.Name == SnapshotFormat.AutoModeFeesFile);

        var withFees = new SnapshotTables
        {
            InstanceTypesText = tables.InstanceTypesText, Sources = tables.Sources, Regions = tables.Regions, Prices = tables.Prices,
            Services = tables.Services, AutoModeFees = [new AutoModeFeeRow("us-east-1", "m6i.large", "0.0123", "X")],
        };
        var files = withFees.Write("test");
        var loaded = SnapshotTables.Load(files, "test", "fees");

        Assert.Contains(files, f => f.Name == SnapshotFormat.AutoModeFeesFile);
        Assert.Equal(0.0123m, loaded.Prices.Find("us-east-1")!.FindAutoModeFee("m6i.large")!.UsdPerHour);
        Assert.Empty(SnapshotTables.Load(tables.Write("test"), "test", "none").Prices.Find("us-east-1")!.AutoModeFeeTypes);
    }

    [Fact]
    public void Validate_PlausibleAutoModeFees_PassAndImplausibleOnesAreNamed()
    {
        // m6i.large is $0.096/h on-demand in us-east-1: a fee of $0.0123 is a share of 0.128 (plausible);
        // $0.096 is the whole price and $0.2 more than it (implausible).
        const string header = "region,instance_type,usd_per_hour,source\n";
        var good = LoadWithFees(header + "us-east-1,m6i.large,0.0123,X\n");
        var bad = LoadWithFees(header + "us-east-1,m6i.large,0.096,X\nus-east-1,m5.large,0.2,X\n");

        Assert.Empty(Refresh.SnapshotValidator.ValidateAlone(good, new Refresh.ValidationOptions()));
        var problem = Assert.Single(Refresh.SnapshotValidator.ValidateAlone(bad, new Refresh.ValidationOptions()));
        Assert.Equal("us-east-1: Auto Mode fees not between 0 and the on-demand price for 2 types (m5.large m6i.large)", problem);
    }

    private static PriceSnapshot LoadWithFees(string fees) =>
        SnapshotLoader.Load(
            name => name == SnapshotFormat.AutoModeFeesFile ? new StringReader(fees) : new StreamReader(EmbeddedSnapshot.OpenResource(name)),
            "test",
            "fees");

    /// <summary>The embedded snapshot with every services.csv row whose key starts with <paramref name="keyPrefix"/> removed.</summary>
    private static PriceSnapshot LoadWithoutServiceRows(string keyPrefix) =>
        SnapshotLoader.Load(
            name =>
            {
                var text = new StreamReader(EmbeddedSnapshot.OpenResource(name)).ReadToEnd();
                if (name == SnapshotFormat.ServicesFile)
                {
                    Assert.Contains("\n" + keyPrefix, text, StringComparison.Ordinal);
                    text = Regex.Replace(text, "^" + Regex.Escape(keyPrefix) + ".*\n", "", RegexOptions.Multiline);
                    Assert.DoesNotContain("\n" + keyPrefix, text, StringComparison.Ordinal);
                }

                return new StringReader(text);
            },
            "test",
            "old");

    private static PriceSnapshot LoadEdited(string fileName, string find, string replace) =>
        SnapshotLoader.Load(
            name =>
            {
                var text = new StreamReader(EmbeddedSnapshot.OpenResource(name)).ReadToEnd();
                if (name == fileName)
                {
                    Assert.Contains(find, text, StringComparison.Ordinal);
                    text = text.Replace(find, replace, StringComparison.Ordinal);
                }

                return new StringReader(text);
            },
            "test",
            "edited");
}
