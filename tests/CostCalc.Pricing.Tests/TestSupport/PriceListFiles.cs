using System.Globalization;
using CostCalc.Pricing.Snapshot;

namespace CostCalc.Pricing.Tests.TestSupport;

/// <summary>
/// Writes Price List Bulk API files in the real formats: the regional EC2 CSV uses the 91-column
/// header and a row of the real 2025-09 sample as its template; the Savings Plans CSV the real
/// 24-column header. Prices come from the embedded snapshot times <see cref="PriceFactor"/>, so
/// the results can be checked exactly. Noise rows (other OS, tenancy, capacity, terms) surround
/// the canonical ones as in the real files.
/// </summary>
public sealed class PriceListFiles
{
    public const string Version = "20251125000000";
    private static readonly string[] NoiseOs = ["Windows", "RHEL", "SUSE", "Red Hat Enterprise Linux with HA", "Ubuntu Pro", "Linux"];
    private static readonly string[] NoiseTenancy = ["Dedicated", "Host", "Shared"];
    private static readonly string[] NoiseCapacity = ["UnusedCapacityReservation", "AllocatedCapacityReservation", "Used"];
    private readonly string[] _header;
    private readonly string[] _template;
    private readonly Dictionary<string, int> _column;

    public PriceListFiles(string samplesDirectory)
    {
        var lines = File.ReadLines(Path.Combine(samplesDirectory, "bulk-offer-ec2-csv-sample-2025-09-12.csv")).Skip(5);
        using var csv = new CsvFile(new StringReader(string.Join('\n', lines)), "sample");
        _header = [.. csv.Header];
        csv.ReadRow();
        _template = [.. Enumerable.Range(0, csv.FieldCount).Select(i => csv[i])];
        _column = _header.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i, StringComparer.Ordinal);
        SavingsPlanHeader = File.ReadLines(Path.Combine(samplesDirectory, "bulk-savingsplan-compute-ap-east-2-csv-sample-2025-09-11.csv")).ElementAt(5);
    }

    public decimal PriceFactor { get; init; } = 1.0m;

    /// <summary>Non-canonical rows written per instance type (the real files have hundreds).</summary>
    public int NoiseRowsPerType { get; init; } = 4;

    /// <summary>Types to leave out of the EC2 file (e.g. a reference type).</summary>
    public IReadOnlySet<string> Omit { get; init; } = new HashSet<string>();

    public string SavingsPlanHeader { get; }

    public int ColumnCount => _header.Length;

    /// <summary>The EC2 CSV of a region, its types and prices taken from <paramref name="snapshot"/>.</summary>
    public void WriteEc2Csv(TextWriter writer, PriceSnapshot snapshot, string region, long minimumBytes = 0)
    {
        var prices = snapshot.Prices.Find(region)!;
        var name = prices.Region.Name;
        WriteMetadata(writer, "AmazonEC2");
        writer.Write(Line(_header));
        var counter = 0;
        long written = 0;
        var pass = 0;
        do
        {
            foreach (var type in prices.InstanceTypeNames)
            {
                if (Omit.Contains(type))
                {
                    continue;
                }

                var price = prices.Find(type)!;
                if (pass == 0)
                {
                    written += Write(writer, Row(region, name, type, "OnDemand", Scale(price.OnDemandUsdPerHour), ref counter));
                    foreach (var (length, offeringClass, rate) in Reserved(price))
                    {
                        written += Write(writer, Row(region, name, type, "Reserved", Scale(rate), ref counter, length, "No Upfront", offeringClass));
                    }
                }

                for (var n = 0; n < NoiseRowsPerType; n++)
                {
                    written += Write(writer, Noise(region, name, type, price.OnDemandUsdPerHour, counter + n, ref counter));
                }
            }

            pass++;
        }
        while (written < minimumBytes);

        WriteGp3(writer, region, name, ref counter);
    }

    /// <summary>A Compute Savings Plans CSV: 1y = 72 %, 3y = 50 % of on-demand; plus EC2 Instance Savings Plans noise.</summary>
    public void WriteSavingsPlanCsv(TextWriter writer, PriceSnapshot snapshot, string region)
    {
        var prices = snapshot.Prices.Find(region)!;
        WriteMetadata(writer, "AmazonComputeSavingsPlan");
        writer.Write(SavingsPlanHeader + "\n");
        foreach (var type in prices.InstanceTypeNames)
        {
            var od = Scale(prices.Find(type)!.OnDemandUsdPerHour);
            foreach (var (years, share) in new[] { ("1", 0.72m), ("3", 0.5m) })
            {
                writer.Write(SavingsPlanRow("ComputeSavingsPlans", "No Upfront", years, $"BoxUsage:{type}", "RunInstances", region, type, Money(od * share)));
                writer.Write(SavingsPlanRow("EC2InstanceSavingsPlans", "No Upfront", years, $"BoxUsage:{type}", "RunInstances", region, type, Money(od * share / 2)));
                writer.Write(SavingsPlanRow("ComputeSavingsPlans", "No Upfront", years, $"BoxUsage:{type}", "RunInstances:0002", region, type, Money(od * share * 3)));
            }
        }
    }

    public static decimal SavingsPlanRate(decimal onDemand, string years) =>
        decimal.Parse(Money(onDemand * (years == "1" ? 0.72m : 0.5m)), CultureInfo.InvariantCulture);

    public decimal Scale(decimal price) => decimal.Parse(Money(price * PriceFactor), CultureInfo.InvariantCulture);

    private static string Money(decimal value) => Math.Round(value, 6).ToString("0.0000000000", CultureInfo.InvariantCulture);

    private static IEnumerable<(string Length, string Class, decimal Rate)> Reserved(Domain.Prices.InstancePrice price)
    {
        if (price.ReservedStandard1YearUsdPerHour is { } s1)
        {
            yield return ("1yr", "standard", s1);
        }

        if (price.ReservedStandard3YearUsdPerHour is { } s3)
        {
            yield return ("3yr", "standard", s3);
        }

        if (price.ReservedConvertible1YearUsdPerHour is { } c1)
        {
            yield return ("1yr", "convertible", c1);
        }

        if (price.ReservedConvertible3YearUsdPerHour is { } c3)
        {
            yield return ("3yr", "convertible", c3);
        }
    }

    private static long Write(TextWriter writer, string line)
    {
        writer.Write(line);
        return line.Length;
    }

    private static void WriteMetadata(TextWriter writer, string offerCode)
    {
        writer.Write("\"FormatVersion\",\"v1.0\"\n");
        writer.Write("\"Disclaimer\",\"This pricing list is for informational purposes only. Test data, in the real format.\"\n");
        writer.Write("\"Publication Date\",\"2025-11-25T00:00:00Z\"\n");
        writer.Write($"\"Version\",\"{Version}\"\n");
        writer.Write($"\"OfferCode\",\"{offerCode}\"\n");
    }

    private string Row(
        string region, string location, string type, string term, decimal price, ref int counter,
        string lease = "", string purchase = "", string offeringClass = "", string os = "Linux", string tenancy = "Shared",
        string capacity = "Used", string preInstalled = "NA", string usage = "BoxUsage", string operation = "RunInstances", string unit = "Hrs")
    {
        var fields = (string[])_template.Clone();
        var sku = string.Create(CultureInfo.InvariantCulture, $"SKU{counter++:D12}");
        Set(fields, "SKU", sku);
        Set(fields, "OfferTermCode", term == "OnDemand" ? "JRTCKXETXF" : "4NA7Y494T4");
        Set(fields, "RateCode", $"{sku}.JRTCKXETXF.6YS6EN2CT7");
        Set(fields, "TermType", term);
        Set(fields, "PriceDescription", $"${price} per {os}, {tenancy} {type} Instance Hour");
        Set(fields, "Unit", unit);
        Set(fields, "PricePerUnit", price.ToString("0.0000000000", CultureInfo.InvariantCulture));
        Set(fields, "LeaseContractLength", lease);
        Set(fields, "PurchaseOption", purchase);
        Set(fields, "OfferingClass", offeringClass);
        Set(fields, "Product Family", type.Contains("metal", StringComparison.Ordinal) ? "Compute Instance (bare metal)" : "Compute Instance");
        Set(fields, "Location", location);
        Set(fields, "Location Type", "AWS Region");
        Set(fields, "Instance Type", type);
        Set(fields, "Tenancy", tenancy);
        Set(fields, "Operating System", os);
        Set(fields, "License Model", "No License required");
        Set(fields, "usageType", region == "us-east-1" ? $"{usage}:{type}" : $"EU-{usage}:{type}");
        Set(fields, "operation", operation);
        Set(fields, "CapacityStatus", capacity);
        Set(fields, "MarketOption", "OnDemand");
        Set(fields, "Pre Installed S/W", preInstalled);
        Set(fields, "Region Code", region);
        return Line(fields);
    }

    private string Noise(string region, string location, string type, decimal onDemand, int seed, ref int counter)
    {
        var os = NoiseOs[seed % NoiseOs.Length];
        var tenancy = NoiseTenancy[(seed / NoiseOs.Length) % NoiseTenancy.Length];
        var capacity = NoiseCapacity[(seed / 3) % NoiseCapacity.Length];
        var canonical = os == "Linux" && tenancy == "Shared" && capacity == "Used";
        return seed % 5 == 0
            ? Row(region, location, type, "Reserved", 1000, ref counter, "3yr", "Partial Upfront", "standard", unit: "Quantity")
            : Row(region, location, type, "OnDemand", onDemand * 7, ref counter, os: os, tenancy: tenancy,
                capacity: canonical ? "UnusedCapacityReservation" : capacity, usage: tenancy == "Shared" ? "BoxUsage" : "DedicatedUsage",
                operation: os == "Linux" ? "RunInstances" : "RunInstances:0002");
    }

    private void WriteGp3(TextWriter writer, string region, string location, ref int counter)
    {
        foreach (var (family, unit, price) in new[] { ("Storage", "GB-Mo", 0.08m), ("System Operation", "IOPS-Mo", 0.005m), ("Provisioned Throughput", "GiBps-mo", 40.96m) })
        {
            var fields = Row(region, location, "", "OnDemand", price, ref counter, unit: unit, os: "", tenancy: "", capacity: "", preInstalled: "", usage: "EBS", operation: "");
            var parsed = Parse(fields);
            Set(parsed, "Product Family", family);
            Set(parsed, "Volume API Name", "gp3");
            writer.Write(Line(parsed));
        }
    }

    private string[] Parse(string line)
    {
        var csv = new CsvFile(new StringReader(string.Join(',', _header.Select(Quote)) + "\n" + line), "row");
        csv.ReadRow();
        return [.. Enumerable.Range(0, csv.FieldCount).Select(i => csv[i])];
    }

    private static string SavingsPlanRow(string family, string purchase, string years, string usage, string operation, string region, string type, string rate) =>
        $"SPSKU{years},SPSKU{years}.RATE,Hrs,2025-11-01T00:00:00Z,{rate},USD,DSKU,AmazonEC2,{usage},{operation},{purchase},{years},year,ComputeSavingsPlans,ComputeSP:{years}yrNoUpfront,,{years} year {purchase} {family},{type.Split('.')[0]},Test,AWS Region,hourly,{family},{region},{type}\n";

    private void Set(string[] fields, string column, string value) => fields[_column[column]] = value;

    private static string Line(IEnumerable<string> fields) => string.Join(',', fields.Select(Quote)) + "\n";

    private static string Quote(string field) => field.Length == 0 ? "" : $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
