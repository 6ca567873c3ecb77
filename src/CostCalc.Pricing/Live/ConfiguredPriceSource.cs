using CostCalc.Pricing.Bulk;
using CostCalc.Pricing.Query;
using CostCalc.Pricing.Refresh;
using Microsoft.Extensions.Options;

namespace CostCalc.Pricing.Live;

/// <summary>
/// The source chosen by Pricing:Refresh:Source: "bulk", "query", or "auto" (query when AWS
/// credentials resolve, otherwise bulk). The choice is made at each refresh.
/// </summary>
public sealed class ConfiguredPriceSource(
    Func<BulkPriceSource> bulk, Func<QueryPriceSource> query, AwsCredentialSource credentials, IOptions<PricingOptions> options)
    : IPriceSource
{
    private IPriceSource Current => options.Value.Refresh.Source.ToUpperInvariant() switch
    {
        "QUERY" => query(),
        "AUTO" => credentials.Credentials is null ? bulk() : query(),
        "BULK" => bulk(),
        var other => throw new PriceSourceException($"Pricing:Refresh:Source '{other}' is not bulk, query or auto"),
    };

    public Task<FetchedPrices> FetchAsync(
        IReadOnlyList<string> regions, IProgress<RefreshProgress>? progress, CancellationToken cancellationToken) =>
        Current.FetchAsync(regions, progress, cancellationToken);
}
