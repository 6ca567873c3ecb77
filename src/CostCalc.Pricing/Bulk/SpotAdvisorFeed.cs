using System.Text.Json;

namespace CostCalc.Pricing.Bulk;

/// <summary>
/// The Spot Instance Advisor feed (spot-bid-advisor.s3.amazonaws.com/spot-advisor-data.json; sample in
/// raw-data/samples): spot_advisor[region].Linux[type].s is the average saving against on-demand, in percent.
/// </summary>
public static class SpotAdvisorFeed
{
    /// <summary>Linux savings by instance type for each region asked for; a region the feed lacks is absent.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> LinuxSavings(
        JsonElement feed, IEnumerable<string> regions)
    {
        if (!feed.TryGetProperty("spot_advisor", out var advisor) || advisor.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException("spot advisor feed: no spot_advisor object");
        }

        var result = new Dictionary<string, IReadOnlyDictionary<string, int>>(StringComparer.Ordinal);
        foreach (var region in regions)
        {
            if (!advisor.TryGetProperty(region, out var byOs) || !byOs.TryGetProperty("Linux", out var linux))
            {
                continue;
            }

            var savings = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var type in linux.EnumerateObject())
            {
                if (type.Value.TryGetProperty("s", out var s) && s.TryGetInt32(out var percent) && percent is >= -100 and < 100)
                {
                    savings[type.Name] = percent;
                }
            }

            result[region] = savings;
        }

        return result;
    }
}
