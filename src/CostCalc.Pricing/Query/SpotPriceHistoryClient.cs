using Amazon;
using Amazon.EC2;
using Amazon.EC2.Model;
using CostCalc.Pricing.Live;
using CostCalc.Pricing.Refresh;
using Microsoft.Extensions.Options;

namespace CostCalc.Pricing.Query;

/// <summary>
/// Current Linux spot prices of a region from EC2 DescribeSpotPriceHistory (AWSSDK.EC2, signed):
/// StartTime = now returns the price in effect in each availability zone; a
/// type's price is the mean over its zones. The SDK's own retry mode handles throttling.
/// </summary>
public sealed class SpotPriceHistoryClient(AwsCredentialSource credentials, IOptions<PricingOptions> options, TimeProvider time)
{
    public async Task<IReadOnlyDictionary<string, decimal>> CurrentLinuxPricesAsync(string region, CancellationToken cancellationToken)
    {
        var resolved = credentials.Credentials ?? throw new PriceSourceException("No AWS credentials for DescribeSpotPriceHistory");
        var config = new AmazonEC2Config { MaxErrorRetry = 3, Timeout = TimeSpan.FromSeconds(30) };
        if (options.Value.Query.Ec2ServiceUrl is { } url)
        {
            config.ServiceURL = url.ToString();
            config.AuthenticationRegion = region;
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
        }

        using var client = new AmazonEC2Client(resolved, config);
        var request = new DescribeSpotPriceHistoryRequest
        {
            StartTime = time.GetUtcNow().UtcDateTime,
            ProductDescriptions = ["Linux/UNIX", "Linux/UNIX (Amazon VPC)"],
            MaxResults = 1000,
        };
        var latest = new Dictionary<(string Type, string Zone), (DateTime At, decimal Price)>();
        try
        {
            do
            {
                var page = await client.DescribeSpotPriceHistoryAsync(request, cancellationToken).ConfigureAwait(false);
                foreach (var record in page.SpotPriceHistory ?? [])
                {
                    if (decimal.TryParse(record.Price, System.Globalization.NumberStyles.AllowDecimalPoint,
                        System.Globalization.CultureInfo.InvariantCulture, out var price) && price > 0)
                    {
                        var key = (record.InstanceType?.Value ?? "", record.AvailabilityZone ?? "");
                        var at = record.Timestamp ?? DateTime.MinValue;
                        if (!latest.TryGetValue(key, out var seen) || at > seen.At)
                        {
                            latest[key] = (at, price);
                        }
                    }
                }

                request.NextToken = page.NextToken;
            }
            while (!string.IsNullOrEmpty(request.NextToken));
        }
        catch (AmazonEC2Exception e)
        {
            throw new PriceSourceException($"DescribeSpotPriceHistory in {region}: {e.ErrorCode}: {e.Message}", e);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is Amazon.Runtime.AmazonClientException or HttpRequestException or IOException or OperationCanceledException)
        {
            throw new PriceSourceException($"DescribeSpotPriceHistory in {region}: {e.Message}", e);
        }

        return latest.GroupBy(p => p.Key.Type, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Average(p => p.Value.Price), StringComparer.Ordinal);
    }

    /// <summary>Savings against on-demand in whole percent, as the snapshot stores spot (−100 to 99).</summary>
    public static IReadOnlyDictionary<string, int> Savings(
        IReadOnlyDictionary<string, decimal> spotPrices, IReadOnlyDictionary<string, Ec2Rates> instances) =>
        spotPrices.Where(p => instances.ContainsKey(p.Key)).ToDictionary(
            p => p.Key,
            p => (int)Math.Clamp(Math.Round(100m * (1 - (p.Value / instances[p.Key].OnDemand)), MidpointRounding.AwayFromZero), -100, 99),
            StringComparer.Ordinal);
}
