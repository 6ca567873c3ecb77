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
        var snapshot = SnapshotLoader.Load(
            name =>
            {
                var text = new StreamReader(EmbeddedSnapshot.OpenResource(name)).ReadToEnd();
                if (name == SnapshotFormat.ServicesFile)
                {
                    Assert.Contains("\ninternet_egress_", text, StringComparison.Ordinal);
                    text = Regex.Replace(text, "^internet_egress_.*\n", "", RegexOptions.Multiline);
                    Assert.DoesNotContain("internet_egress_", text, StringComparison.Ordinal);
                }

                return new StringReader(text);
            },
            "test",
            "old");

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
        var withoutRows = SnapshotLoader.Load(
            name =>
            {
                var text = new StreamReader(EmbeddedSnapshot.OpenResource(name)).ReadToEnd();
                if (name == SnapshotFormat.ServicesFile)
                {
                    Assert.Contains("\nnlb_hour,", text, StringComparison.Ordinal);
                    text = Regex.Replace(text, "^nlb_.*\n", "", RegexOptions.Multiline);
                    Assert.DoesNotContain("\nnlb_", text, StringComparison.Ordinal);
                }

                return new StringReader(text);
            },
            "test",
            "old");

        Assert.Equal(new NlbRates(0.0225m, 0.006m), withoutRows.Prices.Find("eu-west-1")!.Services.Nlb);
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
