using CostCalc.Pricing.Live;

namespace CostCalc.Pricing.Bulk;

/// <summary>What one regional AmazonEC2 CSV gave: instance rates, gp3 rates, the region's name.</summary>
public sealed record Ec2OfferPrices(
    string Region,
    string? Location,
    IReadOnlyDictionary<string, Ec2Rates> Instances,
    Gp3Rates? Gp3,
    BulkCsvMetadata Metadata);

/// <summary>
/// Keeps the canonical rows of a regional AmazonEC2 offer CSV: Linux, shared
/// tenancy, no pre-installed software, capacity "Used", no licence, on-demand market, BoxUsage
/// usage on RunInstances, priced in USD per hour; on-demand and No Upfront reserved (standard and
/// convertible, 1 and 3 years). Also the three gp3 EBS rates. Everything else is skipped after a
/// cheap byte test, so memory is one buffer plus a few thousand instance types.
/// </summary>
public sealed class Ec2OfferCsv(string region) : IBulkCsvSink
{
    private readonly Dictionary<string, RateBuilder> _types = new(StringComparer.Ordinal);
    private readonly byte[] _region = System.Text.Encoding.UTF8.GetBytes(region);
    private Columns _c = null!;
    private string? _location;
    private decimal? _gp3Gb;
    private decimal? _gp3Iops;
    private decimal? _gp3MiBps;

    /// <summary>Rows whose on-demand price was zero (AWS's "no price"), skipped.</summary>
    public int ZeroPriceRows { get; private set; }

    public static async Task<Ec2OfferPrices> ReadAsync(
        Stream stream, string region, string fileName, Action<long>? bytesRead, CancellationToken cancellationToken)
    {
        var sink = new Ec2OfferCsv(region);
        var metadata = await BulkCsvReader.ReadAsync(stream, fileName, sink, bytesRead, cancellationToken).ConfigureAwait(false);
        if (metadata.OfferCode is { } code && code != "AmazonEC2")
        {
            throw new InvalidDataException($"{fileName}: offer code {code}, expected AmazonEC2");
        }

        return sink.Result(metadata);
    }

    public void Header(BulkCsvHeader header) => _c = new Columns(header);

    public bool MayKeep(ReadOnlySpan<byte> line) =>
        (line.IndexOf("Linux"u8) >= 0 && line.IndexOf("Shared"u8) >= 0 && line.IndexOf("BoxUsage:"u8) >= 0)
        || line.IndexOf("gp3"u8) >= 0;

    public void Row(BulkCsvRow row)
    {
        var c = _c;
        if ((c.RegionCode >= 0 && !row.Is(c.RegionCode, _region)) || !row.Is(c.LocationType, "AWS Region"u8)
            || !row.Is(c.Currency, "USD"u8))
        {
            return;
        }

        if (row.Is(c.VolumeApiName, "gp3"u8))
        {
            Gp3(row);
            return;
        }

        if (!IsCanonicalInstanceRow(row, c))
        {
            return;
        }

        var price = row.Number(c.Price);
        if (price < 0)
        {
            throw row.Error($"negative price {price}");
        }

        var onDemand = row.Is(c.TermType, "OnDemand"u8);
        if (price == 0)
        {
            ZeroPriceRows += onDemand ? 1 : 0;
            return;
        }

        _location ??= row.Text(c.Location);
        var type = row.Text(c.InstanceType);
        if (!_types.TryGetValue(type, out var rates))
        {
            _types[type] = rates = new RateBuilder();
        }

        if (onDemand)
        {
            rates.OnDemand = rates.OnDemand is { } seen ? Math.Min(seen, price) : price;
        }
        else if (row.Is(c.TermType, "Reserved"u8) && row.Is(c.PurchaseOption, "No Upfront"u8))
        {
            rates.Reserved(row, c, price);
        }
    }

    private static bool IsCanonicalInstanceRow(BulkCsvRow row, Columns c) =>
        (row.Is(c.ProductFamily, "Compute Instance"u8) || row.Is(c.ProductFamily, "Compute Instance (bare metal)"u8))
        && row.Is(c.OperatingSystem, "Linux"u8) && row.Is(c.Tenancy, "Shared"u8) && row.Is(c.PreInstalledSw, "NA"u8)
        && row.Is(c.CapacityStatus, "Used"u8) && row.Is(c.LicenseModel, "No License required"u8)
        && (c.MarketOption < 0 || row.Is(c.MarketOption, "OnDemand"u8))
        && row.Contains(c.UsageType, "BoxUsage:"u8) && row.Is(c.Operation, "RunInstances"u8) && row.Is(c.Unit, "Hrs"u8);

    private void Gp3(BulkCsvRow row)
    {
        var c = _c;
        if (!row.Is(c.TermType, "OnDemand"u8))
        {
            return;
        }

        var unit = row[c.Unit];
        if (row.Is(c.ProductFamily, "Storage"u8) && unit.SequenceEqual("GB-Mo"u8))
        {
            _gp3Gb = row.Number(c.Price);
        }
        else if (row.Is(c.ProductFamily, "System Operation"u8) && unit.SequenceEqual("IOPS-Mo"u8))
        {
            _gp3Iops = row.Number(c.Price);
        }
        else if (row.Is(c.ProductFamily, "Provisioned Throughput"u8))
        {
            _gp3MiBps = unit.StartsWith("GiBps"u8) ? row.Number(c.Price) / 1024 : unit.StartsWith("MiBps"u8) ? row.Number(c.Price) : _gp3MiBps;
        }
    }

    private Ec2OfferPrices Result(BulkCsvMetadata metadata)
    {
        var instances = new Dictionary<string, Ec2Rates>(StringComparer.Ordinal);
        foreach (var (type, rates) in _types)
        {
            if (rates.OnDemand is { } onDemand)
            {
                instances[type] = new Ec2Rates(
                    Normal(onDemand), Normal(rates.Standard1), Normal(rates.Standard3), Normal(rates.Convertible1), Normal(rates.Convertible3));
            }
        }

        var gp3 = _gp3Gb is { } gb && _gp3Iops is { } iops && _gp3MiBps is { } mibps
            ? new Gp3Rates(Normal(gb), Normal(iops), Normal(mibps))
            : null;
        return new Ec2OfferPrices(region, _location, instances, gp3, metadata);
    }

    /// <summary>"0.0960000000" → 0.096: the same value with no trailing zeros.</summary>
    internal static decimal Normal(decimal value) => value / 1.000000000000000000000000000000000m;

    private static decimal? Normal(decimal? value) => value is { } v ? Normal(v) : null;

    private sealed class RateBuilder
    {
        public decimal? OnDemand { get; set; }

        public decimal? Standard1 { get; private set; }

        public decimal? Standard3 { get; private set; }

        public decimal? Convertible1 { get; private set; }

        public decimal? Convertible3 { get; private set; }

        public void Reserved(BulkCsvRow row, Columns c, decimal price)
        {
            var oneYear = row.Is(c.LeaseContractLength, "1yr"u8);
            if (!oneYear && !row.Is(c.LeaseContractLength, "3yr"u8))
            {
                return;
            }

            if (row.Is(c.OfferingClass, "standard"u8))
            {
                _ = oneYear ? Standard1 = Lowest(Standard1, price) : Standard3 = Lowest(Standard3, price);
            }
            else if (row.Is(c.OfferingClass, "convertible"u8))
            {
                _ = oneYear ? Convertible1 = Lowest(Convertible1, price) : Convertible3 = Lowest(Convertible3, price);
            }
        }

        private static decimal Lowest(decimal? seen, decimal price) => seen is { } s ? Math.Min(s, price) : price;
    }

    /// <summary>Column indexes by header name; optional ones are -1 when absent.</summary>
    private sealed class Columns(BulkCsvHeader h)
    {
        public int TermType { get; } = h.Column("TermType");
        public int Unit { get; } = h.Column("Unit");
        public int Price { get; } = h.Column("PricePerUnit");
        public int Currency { get; } = h.Column("Currency");
        public int LeaseContractLength { get; } = h.Column("LeaseContractLength");
        public int PurchaseOption { get; } = h.Column("PurchaseOption");
        public int OfferingClass { get; } = h.Column("OfferingClass");
        public int ProductFamily { get; } = h.Column("Product Family");
        public int Location { get; } = h.Column("Location");
        public int LocationType { get; } = h.Column("Location Type");
        public int InstanceType { get; } = h.Column("Instance Type");
        public int Tenancy { get; } = h.Column("Tenancy");
        public int OperatingSystem { get; } = h.Column("Operating System");
        public int LicenseModel { get; } = h.Column("License Model");
        public int UsageType { get; } = h.Column("usageType");
        public int Operation { get; } = h.Column("operation");
        public int CapacityStatus { get; } = h.Column("CapacityStatus");
        public int PreInstalledSw { get; } = h.Column("Pre Installed S/W");
        public int RegionCode { get; } = h.OptionalColumn("Region Code");
        public int MarketOption { get; } = h.OptionalColumn("MarketOption");
        public int VolumeApiName { get; } = h.OptionalColumn("Volume API Name");
    }
}
