using System.Globalization;
using CostCalc.Pricing.Live;

namespace CostCalc.Pricing.Bulk;

/// <summary>The Bulk API's files, one method each: offer index → region indexes → regional files.</summary>
public sealed class BulkFiles(BulkClient client)
{
    public const string OfferIndexUrl = "/offers/v1.0/aws/index.json";

    /// <summary>Region code → regional offer URL (JSON form, as published) for one offer code.</summary>
    public async Task<IReadOnlyDictionary<string, string>> RegionUrlsAsync(string offerCode, CancellationToken cancellationToken)
    {
        var offer = await OfferAsync(offerCode, cancellationToken).ConfigureAwait(false);
        using var index = await client.GetJsonAsync(offer.CurrentRegionIndexUrl, cancellationToken).ConfigureAwait(false);
        return Parse(offer.CurrentRegionIndexUrl, () => OfferIndexes.RegionVersionUrls(index.RootElement, offer.CurrentRegionIndexUrl));
    }

    /// <summary>Region code → Compute Savings Plans file URL, from the AmazonEC2 offer's Savings Plans index.</summary>
    public async Task<IReadOnlyDictionary<string, string>> SavingsPlanUrlsAsync(CancellationToken cancellationToken)
    {
        var offer = await OfferAsync("AmazonEC2", cancellationToken).ConfigureAwait(false);
        var url = offer.CurrentSavingsPlanIndexUrl
            ?? throw new PriceSourceException($"{client.BaseUrl}{OfferIndexUrl}: AmazonEC2 has no currentSavingsPlanIndexUrl");
        using var index = await client.GetJsonAsync(url, cancellationToken).ConfigureAwait(false);
        return Parse(url, () => OfferIndexes.SavingsPlanVersionUrls(index.RootElement, url));
    }

    public Task<Ec2OfferPrices> Ec2Async(string region, string jsonUrl, Action<long, long?>? progress, CancellationToken cancellationToken)
    {
        var url = OfferIndexes.CsvUrl(jsonUrl);
        return client.StreamAsync(url, (stream, bytes, token) => Ec2OfferCsv.ReadAsync(stream, region, url, bytes, token), progress, cancellationToken);
    }

    public Task<SavingsPlanRates> SavingsPlansAsync(string region, string jsonUrl, Action<long, long?>? progress, CancellationToken cancellationToken)
    {
        var url = OfferIndexes.CsvUrl(jsonUrl);
        return client.StreamAsync(url, (stream, bytes, token) => SavingsPlanCsv.ReadAsync(stream, region, url, bytes, token), progress, cancellationToken);
    }

    public async Task<(EksRates Rates, PriceFileInfo File)> EksAsync(string region, string url, DateOnly today, CancellationToken cancellationToken)
    {
        var (rates, version, published) = await client.StreamAsync(
            url, (stream, _, token) => EksOfferJson.ReadAsync(stream, region, url, token), null, cancellationToken).ConfigureAwait(false);
        return (rates, new PriceFileInfo($"AWS Price List Bulk API, AmazonEKS offer {version}", version, Date(published, today)));
    }

    /// <summary>Linux spot savings by region from the Spot Advisor feed (keyless).</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>>> SpotAdvisorAsync(
        Uri feedUrl, IEnumerable<string> regions, CancellationToken cancellationToken)
    {
        using var feed = await client.GetJsonAsync(feedUrl.ToString(), cancellationToken).ConfigureAwait(false);
        return Parse(feedUrl.ToString(), () => SpotAdvisorFeed.LinuxSavings(feed.RootElement, regions));
    }

    public static DateOnly Date(DateTimeOffset? published, DateOnly fallback) =>
        published is { } p ? DateOnly.FromDateTime(p.UtcDateTime) : fallback;

    public static DateOnly Date(BulkCsvMetadata metadata, DateOnly fallback) =>
        metadata.PublicationDate is { } p ? DateOnly.FromDateTime(p.UtcDateTime)
        : metadata.Version is { Length: >= 8 } v && DateOnly.TryParseExact(v[..8], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
        : fallback;

    private async Task<OfferUrls> OfferAsync(string offerCode, CancellationToken cancellationToken)
    {
        using var index = await client.GetJsonAsync(OfferIndexUrl, cancellationToken).ConfigureAwait(false);
        return Parse(OfferIndexUrl, () => OfferIndexes.Offer(index.RootElement, offerCode));
    }

    private static T Parse<T>(string url, Func<T> parse)
    {
        try
        {
            return parse();
        }
        catch (InvalidDataException e)
        {
            throw new PriceSourceException($"{url}: {e.Message}", e);
        }
    }
}
