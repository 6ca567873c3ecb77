using System.Text.Json;

namespace CostCalc.Pricing.Bulk;

/// <summary>The URLs of one offer in the offer index (/offers/v1.0/aws/index.json).</summary>
public sealed record OfferUrls(string OfferCode, string CurrentRegionIndexUrl, string? CurrentSavingsPlanIndexUrl);

/// <summary>Parsers of the Bulk API's index files. URLs are kept as published (host-relative paths).</summary>
public static class OfferIndexes
{
    public static OfferUrls Offer(JsonElement offerIndex, string offerCode)
    {
        if (!offerIndex.TryGetProperty("offers", out var offers) || !offers.TryGetProperty(offerCode, out var offer))
        {
            throw new InvalidDataException($"offer index: no offer {offerCode}");
        }

        return new OfferUrls(
            offerCode,
            Required(offer, "currentRegionIndexUrl", offerCode),
            offer.TryGetProperty("currentSavingsPlanIndexUrl", out var sp) ? sp.GetString() : null);
    }

    /// <summary>regions.&lt;code&gt;.currentVersionUrl of an offer's region_index.json, by region code.</summary>
    public static IReadOnlyDictionary<string, string> RegionVersionUrls(JsonElement regionIndex, string what)
    {
        if (!regionIndex.TryGetProperty("regions", out var regions) || regions.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException($"{what}: no regions object");
        }

        return regions.EnumerateObject().ToDictionary(
            r => r.Name, r => Required(r.Value, "currentVersionUrl", what), StringComparer.Ordinal);
    }

    /// <summary>regions[].versionUrl of a Savings Plans region_index.json, by region code.</summary>
    public static IReadOnlyDictionary<string, string> SavingsPlanVersionUrls(JsonElement regionIndex, string what)
    {
        if (!regionIndex.TryGetProperty("regions", out var regions) || regions.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidDataException($"{what}: no regions array");
        }

        var urls = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var region in regions.EnumerateArray())
        {
            urls[Required(region, "regionCode", what)] = Required(region, "versionUrl", what);
        }

        return urls;
    }

    /// <summary>The CSV twin of a JSON offer URL ("…/index.json" → "…/index.csv").</summary>
    public static string CsvUrl(string jsonUrl) =>
        jsonUrl.EndsWith(".json", StringComparison.Ordinal) ? jsonUrl[..^".json".Length] + ".csv" : jsonUrl;

    private static string Required(JsonElement element, string name, string what) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : throw new InvalidDataException($"{what}: missing {name}");
}
