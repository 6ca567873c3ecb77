using System.Globalization;
using System.Text.Json;
using CostCalc.Pricing.Live;

namespace CostCalc.Pricing.Bulk;

/// <summary>
/// Reads the region's rates from an AmazonEKS offer: control plane
/// (perCluster), extended-support surcharge, Fargate x86 vCPU and GB hours, and Auto Mode fees by
/// instance type. Usage types are matched by suffix, the region by regionCode. The same product
/// and term shapes come from GetProducts, so <see cref="Collector"/> serves both APIs.
/// </summary>
public static class EksOfferJson
{
    public static async Task<(EksRates Rates, string Version, DateTimeOffset? Published)> ReadAsync(
        Stream stream, string region, string fileName, CancellationToken cancellationToken)
    {
        using var document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
        var root = document.RootElement;
        if (!root.TryGetProperty("products", out var products) || !root.TryGetProperty("terms", out var terms)
            || !terms.TryGetProperty("OnDemand", out var onDemand))
        {
            throw new InvalidDataException($"{fileName}: not an offer file (no products or terms.OnDemand)");
        }

        var collector = new Collector(region, fileName);
        foreach (var product in products.EnumerateObject())
        {
            if (onDemand.TryGetProperty(product.Name, out var productTerms))
            {
                collector.Add(product.Value, productTerms);
            }
        }

        var version = root.TryGetProperty("version", out var v) ? v.GetString() ?? "" : "";
        DateTimeOffset? published = root.TryGetProperty("publicationDate", out var p)
            && DateTimeOffset.TryParse(p.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? date : null;
        return (collector.Result(), version, published);
    }

    /// <summary>Gathers EKS rates from (product, OnDemand terms) pairs.</summary>
    public sealed class Collector(string region, string what)
    {
        private readonly Dictionary<string, decimal> _autoMode = new(StringComparer.Ordinal);
        private decimal? _cluster, _extended, _fargateVcpu, _fargateGb;

        public void Add(JsonElement product, JsonElement onDemandTerms)
        {
            if (!product.TryGetProperty("attributes", out var attributes)
                || (Attribute(attributes, "regionCode") is { } code && code != region)
                || (Attribute(attributes, "locationType") is { } type && type != "AWS Region"))
            {
                return;
            }

            if (HourlyUsd(onDemandTerms) is not { } price)
            {
                return;
            }

            var usage = Attribute(attributes, "usagetype") ?? "";
            if (Attribute(attributes, "eksproducttype") == "AutoMode" && Attribute(attributes, "instancetype") is { Length: > 0 } instance)
            {
                _autoMode[instance] = price;
            }
            else if (usage.EndsWith("AmazonEKS-Hours:perCluster", StringComparison.Ordinal) && !usage.Contains("Outposts", StringComparison.Ordinal))
            {
                _cluster = price;
            }
            else if (usage.EndsWith("AmazonEKS-Hours:extendedSupport", StringComparison.Ordinal))
            {
                _extended = price;
            }
            else if (usage.EndsWith("-Fargate-vCPU-Hours:perCPU", StringComparison.Ordinal) && !usage.Contains("-ARM-", StringComparison.Ordinal))
            {
                _fargateVcpu = price;
            }
            else if (usage.EndsWith("-Fargate-GB-Hours", StringComparison.Ordinal) && !usage.Contains("-ARM-", StringComparison.Ordinal))
            {
                _fargateGb = price;
            }
        }

        public EksRates Result() => new(
            _cluster ?? throw new InvalidDataException($"{what}: no EKS perCluster rate for {region}"),
            _extended ?? throw new InvalidDataException($"{what}: no EKS extendedSupport rate for {region}"),
            _fargateVcpu, _fargateGb, _autoMode);

        private static string? Attribute(JsonElement attributes, string name) =>
            attributes.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

        /// <summary>The USD price of an hourly dimension ("Hours"/"hours"/"Hrs") above zero, or null.</summary>
        private static decimal? HourlyUsd(JsonElement terms)
        {
            foreach (var term in terms.EnumerateObject())
            {
                if (!term.Value.TryGetProperty("priceDimensions", out var dimensions))
                {
                    continue;
                }

                foreach (var dimension in dimensions.EnumerateObject())
                {
                    var unit = dimension.Value.TryGetProperty("unit", out var u) ? u.GetString() ?? "" : "";
                    if ((unit.Equals("Hours", StringComparison.OrdinalIgnoreCase) || unit.Equals("Hrs", StringComparison.OrdinalIgnoreCase))
                        && dimension.Value.TryGetProperty("pricePerUnit", out var perUnit) && perUnit.TryGetProperty("USD", out var usd)
                        && decimal.TryParse(usd.GetString(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var price)
                        && price > 0)
                    {
                        return Ec2OfferCsv.Normal(price);
                    }
                }
            }

            return null;
        }
    }
}
