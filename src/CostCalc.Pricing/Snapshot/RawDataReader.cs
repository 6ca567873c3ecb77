using System.Globalization;
using System.Text.Json;

namespace CostCalc.Pricing.Snapshot;

/// <summary>Reads the raw data files (layout: raw-data/README.md).</summary>
internal static class RawDataReader
{
    public static RawData Read(string dataDirectory)
    {
        var (govCloud, nonUsd) = ReadKarpenterGovCloud(dataDirectory);
        return new RawData
        {
            Specs = ReadSpecs(dataDirectory),
            EksAmiLimits = ReadEksAmiLimits(dataDirectory),
            KarpenterLimits = ReadKarpenterLimits(dataDirectory),
            ListedMaxPods = ReadListedMaxPods(dataDirectory),
            RegionPrices = ReadRegionPrices(dataDirectory),
            KarpenterUsEast1 = ReadKarpenterUsEast1(dataDirectory),
            KarpenterGovCloud = govCloud,
            NonUsdRowsSkipped = nonUsd,
            SpotSavings = ReadSpotSavings(dataDirectory),
            Gp3 = ReadGp3(dataDirectory),
            Facts = ReadFacts(dataDirectory),
        };
    }

    private static CsvFile Open(string dataDirectory, RawSource source) =>
        CsvFile.Open(Path.Combine(dataDirectory, source.File));

    private static Dictionary<string, RawSpec> ReadSpecs(string dataDirectory)
    {
        using var csv = Open(dataDirectory, RawSources.InstanceTypes);
        int name = csv.Column("instance_type"), family = csv.Column("family"), size = csv.Column("size");
        int vcpu = csv.Column("vcpu"), memory = csv.Column("memory_mib"), architectures = csv.Column("architectures");
        int current = csv.Column("current_generation"), burstable = csv.Column("burstable"), metal = csv.Column("bare_metal");
        int hypervisor = csv.Column("hypervisor"), enis = csv.Column("max_network_interfaces");
        int ipv4 = csv.Column("ipv4_addresses_per_interface");
        var specs = new Dictionary<string, RawSpec>(StringComparer.Ordinal);
        while (csv.ReadRow())
        {
            var spec = new RawSpec(
                csv[name], csv[family], csv[size], CsvValues.Int(csv, vcpu), CsvValues.Int(csv, memory), csv[architectures],
                CsvValues.Bool(csv, current), CsvValues.Bool(csv, burstable), CsvValues.Bool(csv, metal), csv[hypervisor],
                CsvValues.Int(csv, enis), CsvValues.Int(csv, ipv4));
            AddUnique(specs, spec.Name, spec, csv);
        }

        return specs;
    }

    private static Dictionary<string, RawEniLimits> ReadEksAmiLimits(string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, RawSources.EksAmiInstanceInfo.File);
        var limits = new Dictionary<string, RawEniLimits>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path).Where(l => l.Length > 0))
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            var type = root.GetProperty("instanceType").GetString() ?? throw new InvalidDataException($"{path}: {line}");
            var entry = new RawEniLimits(
                root.GetProperty("defaultMaxENIs").GetInt32(), root.GetProperty("ipv4AddressesPerInterface").GetInt32());
            if (!limits.TryAdd(type, entry))
            {
                throw new InvalidDataException($"{path}: duplicate {type}");
            }
        }

        return limits;
    }

    private static Dictionary<string, RawKarpenterLimits> ReadKarpenterLimits(string dataDirectory)
    {
        using var csv = Open(dataDirectory, RawSources.KarpenterEniLimits);
        int name = csv.Column("instance_type"), enis = csv.Column("max_enis"), ipv4 = csv.Column("ipv4_per_eni");
        int hypervisor = csv.Column("hypervisor"), metal = csv.Column("is_bare_metal");
        var limits = new Dictionary<string, RawKarpenterLimits>(StringComparer.Ordinal);
        while (csv.ReadRow())
        {
            var entry = new RawKarpenterLimits(
                CsvValues.Int(csv, enis), CsvValues.Int(csv, ipv4), csv[hypervisor], CsvValues.Bool(csv, metal));
            AddUnique(limits, csv[name], entry, csv);
        }

        return limits;
    }

    private static Dictionary<string, int> ReadListedMaxPods(string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, RawSources.EniMaxPods.File);
        var pods = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 2 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var value)
                || !pods.TryAdd(parts[0], value))
            {
                throw new InvalidDataException($"{path}: unexpected line '{line}'");
            }
        }

        return pods;
    }

    private static List<RawRegionPrice> ReadRegionPrices(string dataDirectory)
    {
        using var csv = Open(dataDirectory, RawSources.RegionPrices);
        int region = csv.Column("region_code"), location = csv.Column("location"), type = csv.Column("instance_type");
        int generation = csv.Column("generation"), vcpu = csv.Column("vcpu"), memory = csv.Column("memory_gib");
        int os = csv.Column("operating_system"), onDemand = csv.Column("ondemand_usd_per_hour");
        int std1 = csv.Column("ri_standard_1yr_no_upfront_usd_per_hour"), std3 = csv.Column("ri_standard_3yr_no_upfront_usd_per_hour");
        int conv1 = csv.Column("ri_convertible_1yr_no_upfront_usd_per_hour");
        int conv3 = csv.Column("ri_convertible_3yr_no_upfront_usd_per_hour");
        var rows = new List<RawRegionPrice>();
        var seen = new HashSet<(string, string)>();
        while (csv.ReadRow())
        {
            if (csv[os] != "Linux" || !seen.Add((csv[region], csv[type])))
            {
                throw csv.Error($"expected one Linux row per region and type, got {csv[os]} {csv[region]} {csv[type]}");
            }

            rows.Add(new RawRegionPrice(
                csv[region], csv[location], csv[type], csv[generation] == "current", csv[vcpu], csv[memory],
                CsvValues.PriceText(csv, onDemand), CsvValues.PriceText(csv, std1), CsvValues.PriceText(csv, std3),
                CsvValues.PriceText(csv, conv1), CsvValues.PriceText(csv, conv3)));
        }

        return rows;
    }

    private static Dictionary<string, string> ReadKarpenterUsEast1(string dataDirectory)
    {
        using var csv = Open(dataDirectory, RawSources.KarpenterUsEast1);
        int type = csv.Column("instance_type"), price = csv.Column("usd_per_hour_linux_on_demand_us_east_1");
        var prices = new Dictionary<string, string>(StringComparer.Ordinal);
        while (csv.ReadRow())
        {
            AddUnique(prices, csv[type], CsvValues.PriceText(csv, price), csv);
        }

        return prices;
    }

    private static (Dictionary<(string, string), string> Prices, int NonUsd) ReadKarpenterGovCloud(string dataDirectory)
    {
        using var csv = Open(dataDirectory, RawSources.KarpenterGovCloud);
        int region = csv.Column("region_code"), type = csv.Column("instance_type");
        int price = csv.Column("ondemand_price_per_hour"), currency = csv.Column("currency");
        var prices = new Dictionary<(string, string), string>();
        var nonUsd = 0;
        while (csv.ReadRow())
        {
            if (csv[currency] != "USD")
            {
                nonUsd++;
                continue;
            }

            AddUnique(prices, (csv[region], csv[type]), CsvValues.PriceText(csv, price), csv);
        }

        return (prices, nonUsd);
    }

    private static Dictionary<(string, string), string> ReadSpotSavings(string dataDirectory)
    {
        using var csv = Open(dataDirectory, RawSources.SpotAdvisor);
        int region = csv.Column("region_code"), os = csv.Column("operating_system"), type = csv.Column("instance_type");
        int savings = csv.Column("savings_vs_ondemand_pct");
        var spot = new Dictionary<(string, string), string>();
        while (csv.ReadRow())
        {
            if (csv[os] == "Linux")
            {
                CsvValues.Int(csv, savings);
                AddUnique(spot, (csv[region], csv[type]), csv[savings], csv);
            }
        }

        return spot;
    }

    private static Dictionary<string, RawGp3> ReadGp3(string dataDirectory)
    {
        const string Storage = "Storage General Purpose gp3 GB Mo";
        const string Iops = "Provisioned EBS IOPS gp3 Volumes per IOPS Mo";
        const string Throughput = "Provisioned Throughput gp3 per GiBps mo";
        using var csv = Open(dataDirectory, RawSources.EbsPrices);
        int region = csv.Column("region_code"), item = csv.Column("price_item"), usd = csv.Column("usd");
        var items = new Dictionary<(string, string), string>();
        while (csv.ReadRow())
        {
            if (csv[item] is Storage or Iops or Throughput)
            {
                CsvValues.Decimal(csv, usd);
                AddUnique(items, (csv[region], csv[item]), csv[usd], csv);
            }
        }

        var gp3 = new Dictionary<string, RawGp3>(StringComparer.Ordinal);
        foreach (var code in items.Keys.Select(k => k.Item1).Distinct())
        {
            gp3[code] = items.TryGetValue((code, Storage), out var gb) && items.TryGetValue((code, Iops), out var iops)
                && items.TryGetValue((code, Throughput), out var gibps)
                    ? new RawGp3(gb, iops, gibps)
                    : throw new InvalidDataException($"{RawSources.EbsPrices.File}: {code} lacks one of the three gp3 items");
        }

        return gp3;
    }

    private static Dictionary<string, RawFact> ReadFacts(string dataDirectory)
    {
        using var csv = Open(dataDirectory, RawSources.ServiceFacts);
        int usageType = csv.Column("usagetype"), usd = csv.Column("usd"), unit = csv.Column("unit");
        int confidence = csv.Column("confidence");
        var facts = new Dictionary<string, RawFact>(StringComparer.Ordinal);
        while (csv.ReadRow())
        {
            CsvValues.Decimal(csv, usd);
            AddUnique(facts, csv[usageType], new RawFact(csv[usageType], csv[usd], csv[unit], csv[confidence]), csv);
        }

        return facts;
    }

    private static void AddUnique<TKey, TValue>(Dictionary<TKey, TValue> map, TKey key, TValue value, CsvFile csv)
        where TKey : notnull
    {
        if (!map.TryAdd(key, value))
        {
            throw csv.Error($"duplicate {key}");
        }
    }
}
