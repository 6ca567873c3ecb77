using System.Globalization;
using System.Text.Json.Nodes;

namespace CostCalc.Pricing.Tests.TestSupport;

/// <summary>
/// GetProducts PriceList items (JSON strings) in the real shape: the 2021 m5.large item from the
/// samples, re-typed and re-priced for every type of a region in the embedded snapshot; and the
/// AmazonEKS products of the reconstructed offer sample wrapped as items.
/// </summary>
internal static class QueryItems
{
    private static readonly Lazy<JsonNode> Template = new(() => JsonNode.Parse(Samples.Text("pricing-getproducts-priceitem-ec2-m5.large-us-east-1-2021.json"))!);
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyList<string>> Cache = new(StringComparer.Ordinal);

    public static IReadOnlyList<string> For(string serviceCode, IReadOnlyDictionary<string, string> filters)
    {
        var region = filters.GetValueOrDefault("regionCode") ?? "us-east-1";
        return serviceCode switch
        {
            "AmazonEC2" => Cache.GetOrAdd($"ec2 {region} {filters.GetValueOrDefault("productFamily")}", _ => Ec2(region, filters["productFamily"].Contains("metal", StringComparison.Ordinal))),
            "AmazonEKS" => Cache.GetOrAdd($"eks {region}", _ => Eks(region)),
            _ => [],
        };
    }

    private static List<string> Ec2(string region, bool metal)
    {
        var prices = Embedded.Snapshot.Prices.Find(region)!;
        var items = new List<string>();
        foreach (var type in prices.InstanceTypeNames.Where(t => t.Contains("metal", StringComparison.Ordinal) == metal))
        {
            var price = prices.Find(type)!;
            var item = Template.Value.DeepClone();
            var attributes = item["product"]!["attributes"]!;
            attributes["instanceType"] = type;
            attributes["regionCode"] = region;
            attributes["location"] = prices.Region.Name;
            attributes["usagetype"] = region == "us-east-1" ? $"BoxUsage:{type}" : $"EU-BoxUsage:{type}";
            SetHourly(item["terms"]!["OnDemand"]!.AsObject().First().Value!, price.OnDemandUsdPerHour);
            var reserved = item["terms"]!["Reserved"]!.AsObject();
            foreach (var (code, term) in reserved.ToList())
            {
                var a = term!["termAttributes"]!;
                decimal? rate = (a["LeaseContractLength"]!.GetValue<string>(), a["OfferingClass"]!.GetValue<string>(), a["PurchaseOption"]!.GetValue<string>()) switch
                {
                    ("1yr", "standard", "No Upfront") => price.ReservedStandard1YearUsdPerHour,
                    ("3yr", "standard", "No Upfront") => price.ReservedStandard3YearUsdPerHour,
                    ("1yr", "convertible", "No Upfront") => price.ReservedConvertible1YearUsdPerHour,
                    ("3yr", "convertible", "No Upfront") => price.ReservedConvertible3YearUsdPerHour,
                    _ => -1,
                };
                if (rate is null)
                {
                    reserved.Remove(code);
                }
                else if (rate > 0)
                {
                    SetHourly(term, rate.Value);
                }
            }

            items.Add(item.ToJsonString());
        }

        return items;
    }

    private static void SetHourly(JsonNode term, decimal price)
    {
        foreach (var (_, dimension) in term["priceDimensions"]!.AsObject())
        {
            if (dimension!["unit"]!.GetValue<string>() == "Hrs")
            {
                dimension["pricePerUnit"]!["USD"] = price.ToString("0.0000000000", CultureInfo.InvariantCulture);
            }
        }
    }

    private static List<string> Eks(string region)
    {
        var text = Samples.Text("bulk-offer-amazoneks-us-east-1-excerpt-RECONSTRUCTED.json");
        if (region != "us-east-1")
        {
            text = text.Replace("us-east-1", region, StringComparison.Ordinal).Replace("USE1-", "EU-", StringComparison.Ordinal);
        }

        var offer = JsonNode.Parse(text)!;
        return [.. offer["products"]!.AsObject().Select(p => new JsonObject
        {
            ["product"] = p.Value!.DeepClone(),
            ["serviceCode"] = "AmazonEKS",
            ["terms"] = new JsonObject { ["OnDemand"] = offer["terms"]!["OnDemand"]![p.Key]!.DeepClone() },
            ["version"] = "20260707152351",
            ["publicationDate"] = "2026-07-07T15:23:51Z",
        }.ToJsonString())];
    }
}
