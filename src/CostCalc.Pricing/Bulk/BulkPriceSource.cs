using CostCalc.Pricing.Live;
using CostCalc.Pricing.Refresh;
using CostCalc.Pricing.Store;
using Microsoft.Extensions.Options;

namespace CostCalc.Pricing.Bulk;

/// <summary>
/// Keyless prices from the Price List Bulk API: for each region its AmazonEC2 CSV (streamed),
/// its Compute Savings Plans CSV and its AmazonEKS offer, plus the Spot Advisor feed. Any missing
/// or bad file fails the whole fetch.
/// </summary>
public sealed class BulkPriceSource(BulkFiles files, IOptions<PricingOptions> options, TimeProvider time) : IPriceSource
{
    public async Task<FetchedPrices> FetchAsync(
        IReadOnlyList<string> regions, IProgress<RefreshProgress>? progress, CancellationToken cancellationToken)
    {
        var bulk = options.Value.Bulk;
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        progress?.Report(new RefreshProgress("Reading the offer and region indexes", null, 0, regions.Count));
        var ec2Urls = await files.RegionUrlsAsync("AmazonEC2", cancellationToken).ConfigureAwait(false);
        var spUrls = bulk.SavingsPlans ? await files.SavingsPlanUrlsAsync(cancellationToken).ConfigureAwait(false) : null;
        var eksUrls = bulk.Eks ? await files.RegionUrlsAsync("AmazonEKS", cancellationToken).ConfigureAwait(false) : null;
        var spot = bulk.SpotAdvisor
            ? await files.SpotAdvisorAsync(bulk.SpotAdvisorUrl, regions, cancellationToken).ConfigureAwait(false)
            : null;
        var spotFile = new PriceFileInfo("AWS Spot Instance Advisor feed (Linux savings vs on-demand)", "", today);
        var fetched = new List<FetchedRegion>();
        for (var i = 0; i < regions.Count; i++)
        {
            var region = regions[i];
            var step = new RefreshProgress("AmazonEC2 offer", region, i, regions.Count);
            progress?.Report(step);
            var ec2Url = ec2Urls.GetValueOrDefault(region)
                ?? throw new PriceSourceException($"The AmazonEC2 region index lists no {region}");
            var ec2 = await files.Ec2Async(region, ec2Url, Bytes(progress, step), cancellationToken).ConfigureAwait(false);
            var ec2File = new PriceFileInfo(
                $"AWS Price List Bulk API, AmazonEC2 offer {ec2.Metadata.Version}", ec2.Metadata.Version ?? "", BulkFiles.Date(ec2.Metadata, today));
            var instances = ec2.Instances;
            PriceFileInfo? spFile = null;
            if (spUrls?.GetValueOrDefault(region) is { } spUrl)
            {
                step = step with { Step = "Compute Savings Plans" };
                progress?.Report(step);
                var sp = await files.SavingsPlansAsync(region, spUrl, Bytes(progress, step), cancellationToken).ConfigureAwait(false);
                instances = SavingsPlanMerge.Apply(instances, sp);
                spFile = new PriceFileInfo(
                    $"AWS Price List Bulk API, Compute Savings Plans {sp.Metadata.Version}", sp.Metadata.Version ?? "", BulkFiles.Date(sp.Metadata, today));
            }

            (EksRates Rates, PriceFileInfo File)? eks = null;
            if (eksUrls?.GetValueOrDefault(region) is { } eksUrl)
            {
                progress?.Report(step with { Step = "AmazonEKS offer" });
                eks = await files.EksAsync(region, eksUrl, today, cancellationToken).ConfigureAwait(false);
            }

            var regionSpot = spot?.GetValueOrDefault(region);
            fetched.Add(new FetchedRegion(
                region, ec2.Location, ec2File, instances, spFile, regionSpot, regionSpot is null ? null : spotFile, ec2.Gp3,
                eks?.Rates, eks?.File));
        }

        progress?.Report(new RefreshProgress("Downloaded", null, regions.Count, regions.Count));
        return new FetchedPrices(PriceSourceKind.Bulk, fetched);
    }

    private static Action<long, long?>? Bytes(IProgress<RefreshProgress>? progress, RefreshProgress step) =>
        progress is null ? null : (read, total) => progress.Report(step with { BytesRead = read, BytesTotal = total });
}

/// <summary>Adds Savings Plans rates to the instance types that have an on-demand price.</summary>
public static class SavingsPlanMerge
{
    public static IReadOnlyDictionary<string, Ec2Rates> Apply(IReadOnlyDictionary<string, Ec2Rates> instances, SavingsPlanRates rates) =>
        instances.ToDictionary(
            i => i.Key,
            i => i.Value with
            {
                SavingsPlan1Year = rates.OneYear.TryGetValue(i.Key, out var one) ? one : null,
                SavingsPlan3Year = rates.ThreeYear.TryGetValue(i.Key, out var three) ? three : null,
            },
            StringComparer.Ordinal);
}
