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
        var fees = ReadOptional(openFile, SnapshotFormat.AutoModeFeesFile, csv => ReadAutoModeFees(csv, catalog, regions, origins));
        var regionPrices = regions.Values.Select(r => new RegionPrices(
            r.Region,
            prices[r.Region.Code],
            r.Gp3,
            ServicesOf(services, r.Region.Code),
            r.Origins,
            fees?.GetValueOrDefault(r.Region.Code))).ToList();
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

    private static T Read<T>(Func<string, TextReader> openFile, string name, Func<CsvFile, T> read)
    {
        using var reader = openFile(name);
        return read(new CsvFile(reader, name));
    }

    /// <summary>Reads a file of <see cref="SnapshotFormat.OptionalFileNames"/>; null when the snapshot has none.</summary>
    private static T? ReadOptional<T>(Func<string, TextReader> openFile, string name, Func<CsvFile, T> read)
        where T : class
    {
        TextReader reader;
        try
        {
            reader = openFile(name);
        }
        catch (FileNotFoundException)
        {
            return null;
        }

        using (reader)
        {
            return read(new CsvFile(reader, name));
        }
    }

    /// <summary>Per-type Auto Mode fees by region; each row names a known region, a catalog type and a sources.csv code.</summary>
    private static Dictionary<string, Dictionary<string, AutoModeFee>> ReadAutoModeFees(
        CsvFile csv, InstanceCatalog catalog, Dictionary<string, RegionRow> regions, Dictionary<string, DataOrigin> origins)
    {
        var c = new AutoModeFeeColumns(csv);
        var fees = new Dictionary<string, Dictionary<string, AutoModeFee>>(StringComparer.Ordinal);
        while (csv.ReadRow())
        {
            var region = csv[c.Region];
            if (!regions.ContainsKey(region))
            {
                throw csv.Error($"unknown region {region}");
            }

            var type = csv[c.InstanceType];
            if (catalog.Find(type) is null)
            {
                throw csv.Error($"{type} is not in the instance catalog");
            }

            var origin = origins.GetValueOrDefault(csv[c.Source]) ?? throw csv.Error($"unknown origin code {csv[c.Source]}");
            var usd = CsvValues.Decimal(csv, c.UsdPerHour);
            if (usd <= 0)
            {
                throw csv.Error("Auto Mode fee must be positive");
            }

            var byType = fees.TryGetValue(region, out var existing) ? existing : fees[region] = new(StringComparer.Ordinal);
            if (!byType.TryAdd(type, new AutoModeFee(usd, origin)))
            {
                throw csv.Error($"duplicate {type} in {region}");
            }
        }

        return fees;
    }

    private static Dictionary<string, DataOrigin> ReadSources(CsvFile csv)
    {
        var c = new SourceColumns(csv);
        var origins = new Dictionary<string, DataOrigin>(StringComparer.Ordinal);
        while (csv.ReadRow())
        {
            if (!origins.TryAdd(csv[c.Code], new DataOrigin(csv[c.What], csv[c.Source], CsvValues.Date(csv, c.AsOf))))
            {
                throw csv.Error($"duplicate code {csv[c.Code]}");
            }
        }

        return origins;
    }

    private static List<InstanceType> ReadInstanceTypes(CsvFile csv)
    {
        var c = new InstanceTypeColumns(csv);
        var types = new List<InstanceType>();
        while (csv.ReadRow())
        {
            var architecture = csv[c.Architecture] switch
            {
                "x86_64" => CpuArchitecture.X64,
                "arm64" => CpuArchitecture.Arm64,
                var other => throw csv.Error($"unknown architecture {other}"),
            };
            types.Add(new InstanceType(
                csv[c.Name], csv[c.Family], csv[c.Size], CsvValues.Int(csv, c.Vcpu), CsvValues.Int(csv, c.MemoryMiB), architecture,
                CsvValues.Bool(csv, c.CurrentGeneration), CsvValues.Bool(csv, c.BareMetal), CsvValues.Bool(csv, c.Nitro),
                CsvValues.OptionalDouble(csv, c.BurstableBaselinePerVcpu), CsvValues.Int(csv, c.MaxEnis), CsvValues.Int(csv, c.Ipv4PerEni),
                CsvValues.OptionalInt(csv, c.ListedMaxPods)));
        }

        return types;
    }

    private static ServiceRates ReadServices(CsvFile csv)
    {
        var c = new ServiceColumns(csv);
        var rates = new ServiceRates(csv.Name);
        while (csv.ReadRow())
        {
            rates.Add(c.Region < 0 ? "" : csv[c.Region], csv[c.Key], CsvValues.Decimal(csv, c.Usd));
        }

        return rates;
    }

    private static Dictionary<string, RegionRow> ReadRegions(CsvFile csv, Dictionary<string, DataOrigin> origins)
    {
        var c = new RegionColumns(csv);
        var regions = new Dictionary<string, RegionRow>(StringComparer.Ordinal);
        while (csv.ReadRow())
        {
            var codes = csv[c.Origins].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var unknown = codes.FirstOrDefault(code => !origins.ContainsKey(code));
            if (unknown is not null)
            {
                throw csv.Error($"unknown origin code {unknown}");
            }

            var gp3 = new Gp3Prices(
                CsvValues.Decimal(csv, c.Gp3PerGbMonth), CsvValues.Decimal(csv, c.Gp3PerIopsMonth), CsvValues.Decimal(csv, c.Gp3PerMiBpsMonth),
                CsvValues.Bool(csv, c.Gp3Regional));
            var row = new RegionRow(
                new Region(csv[c.Code], csv[c.Name]), gp3, [.. codes.Select(code => origins[code])], new HashSet<string>(codes, StringComparer.Ordinal));
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
        var c = new PriceColumns(csv);
        var types = catalog.All.ToDictionary(t => t.Name, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        var regionLookup = regions.GetAlternateLookup<ReadOnlySpan<char>>();
        var prices = regions.Keys.ToDictionary(
            r => r, _ => new Dictionary<string, InstancePrice>(StringComparer.Ordinal), StringComparer.Ordinal);
        while (csv.ReadRow())
        {
            var region = regionLookup.TryGetValue(csv.Span(c.Region), out var r) ? r : throw csv.Error($"unknown region {csv[c.Region]}");
            var type = types.TryGetValue(csv.Span(c.InstanceType), out var t) ? t : throw csv.Error($"{csv[c.InstanceType]} is not in the instance catalog");
            if (!region.Codes.GetAlternateLookup<ReadOnlySpan<char>>().Contains(csv.Span(c.OnDemandSource)))
            {
                throw csv.Error($"origin code {csv[c.OnDemandSource]} is not listed for {region.Region.Code}");
            }

            var price = new InstancePrice(
                CsvValues.Decimal(csv, c.OnDemand), CsvValues.OptionalDecimal(csv, c.Standard1), CsvValues.OptionalDecimal(csv, c.Standard3),
                CsvValues.OptionalDecimal(csv, c.Convertible1), CsvValues.OptionalDecimal(csv, c.Convertible3), CsvValues.OptionalInt(csv, c.SpotSavings),
                CsvValues.OptionalDecimal(csv, c.SavingsPlan1), CsvValues.OptionalDecimal(csv, c.SavingsPlan3));
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
