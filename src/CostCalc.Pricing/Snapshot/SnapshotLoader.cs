using System.Runtime.CompilerServices;
using CostCalc.Domain.Catalog;
using CostCalc.Domain.Prices;

namespace CostCalc.Pricing.Snapshot;

/// <summary>An instance catalog and the price book built on it, loaded together.</summary>
public sealed record PriceSnapshot(InstanceCatalog Catalog, PriceBook Prices);

/// <summary>
/// Loads the snapshot CSV format (see <see cref="SnapshotFormat"/>) from any source of text:
/// embedded resources, a directory, or a refreshed snapshot persisted in the same format.
/// Rejects files that are not self-consistent (unknown region, type or origin code).
/// </summary>
public static class SnapshotLoader
{
    /// <summary>Loads a snapshot.</summary>
    /// <param name="openFile">Opens one of <see cref="SnapshotFormat.FileNames"/>; the loader disposes the reader.</param>
    /// <param name="source">What the price book says it came from, e.g. "embedded snapshot".</param>
    /// <param name="idPrefix">The snapshot id is this prefix, a dash, and the newest price date.</param>
    public static PriceSnapshot Load(Func<string, TextReader> openFile, string source, string idPrefix) =>
        Load(openFile, source, asOf => $"{idPrefix}-{CsvValues.Text(asOf)}");

    /// <summary>Loads a snapshot whose id is known, e.g. a refreshed one persisted under its id.</summary>
    public static PriceSnapshot LoadWithId(Func<string, TextReader> openFile, string source, string snapshotId) =>
        Load(openFile, source, _ => snapshotId);

    private static PriceSnapshot Load(Func<string, TextReader> openFile, string source, Func<DateOnly, string> snapshotId)
    {
        var origins = Read(openFile, SnapshotFormat.SourcesFile, ReadSources);
        var catalogOrigin = origins.GetValueOrDefault(SnapshotFormat.CatalogSourceCode)
            ?? throw new InvalidDataException($"{SnapshotFormat.SourcesFile}: no code {SnapshotFormat.CatalogSourceCode}");
        var catalog = new InstanceCatalog(Read(openFile, SnapshotFormat.InstanceTypesFile, ReadInstanceTypes), catalogOrigin);
        var services = Read(openFile, SnapshotFormat.ServicesFile, ReadServices);
        var regions = Read(openFile, SnapshotFormat.RegionsFile, csv => ReadRegions(csv, origins));
        var prices = Read(openFile, SnapshotFormat.PricesFile, csv => ReadPrices(csv, catalog, regions));
        var regionPrices = regions.Values.Select(r => new RegionPrices(
            r.Region,
            prices[r.Region.Code],
            r.Gp3,
            ServicesOf(services, r.Region.Code),
            r.Origins)).ToList();
        services.CheckRegions(regions.Keys);
        var asOf = regionPrices.Max(r => r.AsOf);
        return new PriceSnapshot(catalog, new PriceBook(snapshotId(asOf), source, asOf, regionPrices));
    }

    /// <summary>Loads a snapshot stored as files in <paramref name="directory"/>.</summary>
    public static PriceSnapshot LoadDirectory(string directory, string source, string idPrefix) =>
        Load(name => File.OpenText(Path.Combine(directory, name)), source, idPrefix);

    /// <summary>The service rates are the region's own in the region they were collected for (us-east-1).</summary>
    private static ServicePrices ServicesOf(ServiceRates services, string region) =>
        region == SnapshotFormat.ServiceRegion
            ? services.For(region) with { RegionScoped = true, EksRatesRegional = true }
            : services.For(region);

    private sealed record RegionRow(Region Region, Gp3Prices Gp3, IReadOnlyList<DataOrigin> Origins, HashSet<string> Codes);

    private static int Column(CsvFile csv, string name) =>
        SnapshotFormat.OptionalColumns.Contains(name) ? csv.OptionalColumn(name) : csv.Column(name);

    private static T Read<T>(Func<string, TextReader> openFile, string name, Func<CsvFile, T> read)
    {
        using var reader = openFile(name);
        return read(new CsvFile(reader, name));
    }

    private static Dictionary<string, DataOrigin> ReadSources(CsvFile csv)
    {
        int code = csv.Column("code"), what = csv.Column("what"), source = csv.Column("source"), asOf = csv.Column("as_of");
        var origins = new Dictionary<string, DataOrigin>(StringComparer.Ordinal);
        while (csv.ReadRow())
        {
            if (!origins.TryAdd(csv[code], new DataOrigin(csv[what], csv[source], CsvValues.Date(csv, asOf))))
            {
                throw csv.Error($"duplicate code {csv[code]}");
            }
        }

        return origins;
    }

    private static List<InstanceType> ReadInstanceTypes(CsvFile csv)
    {
        int[] c = [.. SnapshotFormat.InstanceTypeColumns.Select(csv.Column)];
        var types = new List<InstanceType>();
        while (csv.ReadRow())
        {
            var architecture = csv[c[5]] switch
            {
                "x86_64" => CpuArchitecture.X64,
                "arm64" => CpuArchitecture.Arm64,
                var other => throw csv.Error($"unknown architecture {other}"),
            };
            types.Add(new InstanceType(
                csv[c[0]], csv[c[1]], csv[c[2]], CsvValues.Int(csv, c[3]), CsvValues.Int(csv, c[4]), architecture,
                CsvValues.Bool(csv, c[6]), CsvValues.Bool(csv, c[7]), CsvValues.Bool(csv, c[8]), CsvValues.OptionalDouble(csv, c[9]),
                CsvValues.Int(csv, c[10]), CsvValues.Int(csv, c[11]), CsvValues.OptionalInt(csv, c[12])));
        }

        return types;
    }

    private static ServiceRates ReadServices(CsvFile csv)
    {
        int key = csv.Column("key"), usd = csv.Column("usd"), region = csv.OptionalColumn("region");
        var rates = new ServiceRates(csv.Name);
        while (csv.ReadRow())
        {
            rates.Add(region < 0 ? "" : csv[region], csv[key], CsvValues.Decimal(csv, usd));
        }

        return rates;
    }

    private static Dictionary<string, RegionRow> ReadRegions(CsvFile csv, Dictionary<string, DataOrigin> origins)
    {
        int[] c = [.. SnapshotFormat.RegionColumns.Select(csv.Column)];
        var regions = new Dictionary<string, RegionRow>(StringComparer.Ordinal);
        while (csv.ReadRow())
        {
            var codes = csv[c[6]].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var unknown = codes.FirstOrDefault(code => !origins.ContainsKey(code));
            if (unknown is not null)
            {
                throw csv.Error($"unknown origin code {unknown}");
            }

            var gp3 = new Gp3Prices(
                CsvValues.Decimal(csv, c[2]), CsvValues.Decimal(csv, c[3]), CsvValues.Decimal(csv, c[4]), CsvValues.Bool(csv, c[5]));
            var row = new RegionRow(
                new Region(csv[c[0]], csv[c[1]]), gp3, [.. codes.Select(code => origins[code])], new HashSet<string>(codes, StringComparer.Ordinal));
            if (!regions.TryAdd(row.Region.Code, row))
            {
                throw csv.Error($"duplicate region {row.Region.Code}");
            }
        }

        return regions;
    }

    // The hot loops run once, at start-up: compile them optimised at once instead of tier 0 first.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Dictionary<string, Dictionary<string, InstancePrice>> ReadPrices(
        CsvFile csv, InstanceCatalog catalog, Dictionary<string, RegionRow> regions)
    {
        int[] c = [.. SnapshotFormat.PriceColumns.Select(name => Column(csv, name))];
        var types = catalog.All.ToDictionary(t => t.Name, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        var regionLookup = regions.GetAlternateLookup<ReadOnlySpan<char>>();
        var prices = regions.Keys.ToDictionary(
            r => r, _ => new Dictionary<string, InstancePrice>(StringComparer.Ordinal), StringComparer.Ordinal);
        while (csv.ReadRow())
        {
            var region = regionLookup.TryGetValue(csv.Span(c[0]), out var r) ? r : throw csv.Error($"unknown region {csv[c[0]]}");
            var type = types.TryGetValue(csv.Span(c[1]), out var t) ? t : throw csv.Error($"{csv[c[1]]} is not in the instance catalog");
            if (!region.Codes.GetAlternateLookup<ReadOnlySpan<char>>().Contains(csv.Span(c[8])))
            {
                throw csv.Error($"origin code {csv[c[8]]} is not listed for {region.Region.Code}");
            }

            var price = new InstancePrice(
                CsvValues.Decimal(csv, c[2]), CsvValues.OptionalDecimal(csv, c[3]), CsvValues.OptionalDecimal(csv, c[4]),
                CsvValues.OptionalDecimal(csv, c[5]), CsvValues.OptionalDecimal(csv, c[6]), CsvValues.OptionalInt(csv, c[7]),
                CsvValues.OptionalDecimal(csv, c[9]), CsvValues.OptionalDecimal(csv, c[10]));
            if (price.OnDemandUsdPerHour <= 0)
            {
                throw csv.Error("on-demand price must be positive");
            }

            if (!prices[region.Region.Code].TryAdd(type.Name, price))
            {
                throw csv.Error($"duplicate {type.Name} in {region.Region.Code}");
            }
        }

        return prices;
    }
}
