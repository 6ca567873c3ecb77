using CostCalc.Pricing.Snapshot;

namespace CostCalc.Pricing.Tests;

/// <summary>The column maps the readers use against the headers the writers write.</summary>
public sealed class SnapshotColumnsTests
{
    public static TheoryData<string, string> Tables => new()
    {
        { SnapshotFormat.InstanceTypesFile, nameof(InstanceTypeColumns) },
        { SnapshotFormat.PricesFile, nameof(PriceColumns) },
        { SnapshotFormat.RegionsFile, nameof(RegionColumns) },
        { SnapshotFormat.ServicesFile, nameof(ServiceColumns) },
        { SnapshotFormat.SourcesFile, nameof(SourceColumns) },
    };

    // A map's properties are declared in header order, so on the written header the indexes run 0, 1, 2, …:
    // a misspelt, missing, extra or reordered name in either list fails here.
    [Theory]
    [MemberData(nameof(Tables))]
    public void ColumnMap_OnTheWrittenHeader_FindsEveryColumnInOrder(string file, string map)
    {
        var header = Header(file);

        var indexes = Indexes(map, Csv(file, string.Join(',', header)));

        Assert.Equal(Enumerable.Range(0, header.Count), indexes);
    }

    [Fact]
    public void ColumnMap_ColumnsInAnotherOrder_AreFoundByName()
    {
        var c = new PriceColumns(Csv(SnapshotFormat.PricesFile, "sp_compute_3y,ondemand,region,instance_type,ri_std_1y,ri_std_3y,ri_conv_1y,ri_conv_3y,spot_savings_pct,ondemand_source,sp_compute_1y"));

        Assert.Equal((2, 3, 1, 0), (c.Region, c.InstanceType, c.OnDemand, c.SavingsPlan3));
    }

    [Fact]
    public void ColumnMap_OlderFilesWithoutTheLaterColumns_GetMinusOne()
    {
        var prices = new PriceColumns(Csv(SnapshotFormat.PricesFile, string.Join(',', SnapshotFormat.PriceHeader.SkipLast(2))));
        var services = new ServiceColumns(Csv(SnapshotFormat.ServicesFile, "key,usd,unit,confidence,source"));

        Assert.Equal((-1, -1, -1), (prices.SavingsPlan1, prices.SavingsPlan3, services.Region));
    }

    [Fact]
    public void ColumnMap_RequiredColumnMissing_ThrowsNamingFileAndColumn()
    {
        var header = string.Join(',', SnapshotFormat.InstanceTypeHeader.Where(c => c != "family"));

        var error = Assert.Throws<InvalidDataException>(() => new InstanceTypeColumns(Csv(SnapshotFormat.InstanceTypesFile, header)));

        Assert.Equal("instance-types.csv: no column 'family'", error.Message);
    }

    [Fact]
    public void Load_PricesFileWithoutARequiredColumn_ThrowsNamingFileAndColumn()
    {
        var error = Assert.Throws<InvalidDataException>(() => SnapshotLoader.Load(
            name =>
            {
                var text = new StreamReader(EmbeddedSnapshot.OpenResource(name)).ReadToEnd();
                return new StringReader(name == SnapshotFormat.PricesFile ? text.Replace(",ondemand_source,", ",source_of_ondemand,", StringComparison.Ordinal) : text);
            },
            "test",
            "edited"));

        Assert.Equal("prices.csv: no column 'ondemand_source'", error.Message);
    }

    private static IReadOnlyList<string> Header(string file) => file switch
    {
        SnapshotFormat.InstanceTypesFile => SnapshotFormat.InstanceTypeHeader,
        SnapshotFormat.PricesFile => SnapshotFormat.PriceHeader,
        SnapshotFormat.RegionsFile => SnapshotFormat.RegionHeader,
        SnapshotFormat.ServicesFile => SnapshotFormat.ServiceHeader,
        SnapshotFormat.SourcesFile => SnapshotFormat.SourceHeader,
        _ => throw new ArgumentOutOfRangeException(nameof(file), file, null),
    };

    private static IEnumerable<int> Indexes(string map, CsvFile csv)
    {
        object columns = map switch
        {
            nameof(InstanceTypeColumns) => new InstanceTypeColumns(csv),
            nameof(PriceColumns) => new PriceColumns(csv),
            nameof(RegionColumns) => new RegionColumns(csv),
            nameof(ServiceColumns) => new ServiceColumns(csv),
            nameof(SourceColumns) => new SourceColumns(csv),
            _ => throw new ArgumentOutOfRangeException(nameof(map), map, null),
        };

        // Declaration order; the metadata token follows it within one type.
        return columns.GetType().GetProperties()
            .OrderBy(p => p.MetadataToken)
            .Select(p => (int)p.GetValue(columns)!);
    }

    private static CsvFile Csv(string name, string header) => new(new StringReader(header + "\n"), name);
}
