using CostCalc.Pricing.Bulk;
using CostCalc.Pricing.Live;
using CostCalc.Pricing.Refresh;
using CostCalc.Pricing.Store;
using Microsoft.Extensions.Options;

namespace CostCalc.Pricing.Query;

/// <summary>
/// Prices with AWS credentials: EC2 and EKS from the Query API (GetProducts), spot from
/// DescribeSpotPriceHistory (else the Spot Advisor feed), Compute Savings Plans from the keyless
/// bulk files (the Query API does not serve them). gp3 is not queried: it keeps the previous rates.
/// </summary>
public sealed class QueryPriceSource(
    PricingQueryClient query, SpotPriceHistoryClient spot, BulkFiles bulk, IOptions<PricingOptions> options, TimeProvider time)
    : IPriceSource
{
    public async Task<FetchedPrices> FetchAsync(
        IReadOnlyList<string> regions, IProgress<RefreshProgress>? progress, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var spUrls = settings.Bulk.SavingsPlans ? await bulk.SavingsPlanUrlsAsync(cancellationToken).ConfigureAwait(false) : null;
        var advisor = settings.Query.SpotPriceHistory || !settings.Bulk.SpotAdvisor
            ? null
            : await bulk.SpotAdvisorAsync(settings.Bulk.SpotAdvisorUrl, regions, cancellationToken).ConfigureAwait(false);
        var fetched = new List<FetchedRegion>();
        for (var i = 0; i < regions.Count; i++)
        {
            var region = regions[i];
            var step = new RefreshProgress("GetProducts AmazonEC2", region, i, regions.Count);
            progress?.Report(step);
            var ec2 = new Ec2PriceListItems(region);
            foreach (var family in new[] { "Compute Instance", "Compute Instance (bare metal)" })
            {
                await query.GetProductsAsync("AmazonEC2", Ec2Filters(region, family), ec2.Add, cancellationToken).ConfigureAwait(false);
            }

            var instances = ec2.Rates;
            var ec2File = new PriceFileInfo($"AWS Price List Query API, AmazonEC2 {ec2.Version}", ec2.Version, BulkFiles.Date(ec2.Published, today));
            PriceFileInfo? spFile = null;
            if (spUrls?.GetValueOrDefault(region) is { } spUrl)
            {
                progress?.Report(step with { Step = "Compute Savings Plans" });
                var sp = await bulk.SavingsPlansAsync(region, spUrl, null, cancellationToken).ConfigureAwait(false);
                instances = SavingsPlanMerge.Apply(instances, sp);
                spFile = new PriceFileInfo($"AWS Price List Bulk API, Compute Savings Plans {sp.Metadata.Version}", sp.Metadata.Version ?? "", BulkFiles.Date(sp.Metadata, today));
            }

            progress?.Report(step with { Step = "GetProducts AmazonEKS" });
            var eks = new EksOfferJson.Collector(region, $"GetProducts AmazonEKS {region}");
            await query.GetProductsAsync("AmazonEKS", [("regionCode", region)], item =>
            {
                if (item.TryGetProperty("terms", out var terms) && terms.TryGetProperty("OnDemand", out var onDemand))
                {
                    eks.Add(item.GetProperty("product"), onDemand);
                }
            }, cancellationToken).ConfigureAwait(false);
            var eksRates = Result(eks);

            IReadOnlyDictionary<string, int>? savings = advisor?.GetValueOrDefault(region);
            PriceFileInfo? spotFile = savings is null ? null : new PriceFileInfo("AWS Spot Instance Advisor feed (Linux savings vs on-demand)", "", today);
            if (settings.Query.SpotPriceHistory)
            {
                progress?.Report(step with { Step = "DescribeSpotPriceHistory" });
                var prices = await spot.CurrentLinuxPricesAsync(region, cancellationToken).ConfigureAwait(false);
                savings = SpotPriceHistoryClient.Savings(prices, instances);
                spotFile = new PriceFileInfo("EC2 DescribeSpotPriceHistory (current price, mean over zones)", "", today);
            }

            fetched.Add(new FetchedRegion(
                region, ec2.Location, ec2File, instances, spFile, savings, spotFile, null, eksRates,
                new PriceFileInfo("AWS Price List Query API, AmazonEKS", "", today)));
        }

        return new FetchedPrices(PriceSourceKind.Query, fetched);
    }

    /// <summary>Karpenter's canonical filters (fetchOnDemandPricing in aws/karpenter-provider-aws).</summary>
    public static IReadOnlyList<(string Field, string Value)> Ec2Filters(string region, string productFamily) =>
    [
        ("regionCode", region), ("operatingSystem", "Linux"), ("tenancy", "Shared"), ("preInstalledSw", "NA"),
        ("capacitystatus", "Used"), ("licenseModel", "No License required"), ("marketoption", "OnDemand"),
        ("productFamily", productFamily),
    ];

    private static EksRates Result(EksOfferJson.Collector eks)
    {
        try
        {
            return eks.Result();
        }
        catch (InvalidDataException e)
        {
            throw new PriceSourceException(e.Message, e);
        }
    }
}
