using System.Globalization;
using System.Security;
using System.Text;
using System.Text.Json;

namespace CostCalc.Pricing.Tests.TestSupport;

/// <summary>
/// DescribeSpotPriceHistory answers in EC2's XML, built from the real CLI sample (250 m5.large
/// records in us-east-1 zones; other regions get the same records in their own zones), 100 per page.
/// </summary>
internal static class SpotHistory
{
    public const int PageSize = 100;
    private static readonly Lazy<JsonElement[]> Records = new(() =>
        [.. JsonDocument.Parse(Samples.Text("ec2-describe-spot-price-history-m5.large-us-east-1-2021.json")).RootElement.GetProperty("SpotPriceHistory").EnumerateArray()]);

    public static IReadOnlyList<JsonElement> All => Records.Value;

    /// <summary>The mean over zones of each zone's latest m5.large price, as the client should compute it.</summary>
    public static decimal ExpectedM5Large() => All
        .GroupBy(r => r.GetProperty("AvailabilityZone").GetString())
        .Select(g => g.MaxBy(r => DateTimeOffset.Parse(r.GetProperty("Timestamp").GetString()!, CultureInfo.InvariantCulture))!)
        .Average(r => decimal.Parse(r.GetProperty("SpotPrice").GetString()!, CultureInfo.InvariantCulture));

    public static string Page(string region, string action, int start)
    {
        if (action != "DescribeSpotPriceHistory")
        {
            return "<Response><Errors><Error><Code>InvalidAction</Code><Message>unknown</Message></Error></Errors></Response>";
        }

        var xml = new StringBuilder("""<?xml version="1.0" encoding="UTF-8"?><DescribeSpotPriceHistoryResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>00000000-0000-0000-0000-000000000000</requestId><spotPriceHistorySet>""");
        foreach (var record in All.Skip(start).Take(PageSize))
        {
            var zone = record.GetProperty("AvailabilityZone").GetString()!.Replace("us-east-1", region, StringComparison.Ordinal);
            var at = DateTimeOffset.Parse(record.GetProperty("Timestamp").GetString()!, CultureInfo.InvariantCulture);
            xml.Append(CultureInfo.InvariantCulture, $"<item><instanceType>{Escape(record, "InstanceType")}</instanceType><productDescription>{Escape(record, "ProductDescription")}</productDescription><spotPrice>{Escape(record, "SpotPrice")}</spotPrice><timestamp>{at.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffZ}</timestamp><availabilityZone>{zone}</availabilityZone></item>");
        }

        xml.Append("</spotPriceHistorySet>");
        if (start + PageSize < All.Count)
        {
            xml.Append(CultureInfo.InvariantCulture, $"<nextToken>{start + PageSize}</nextToken>");
        }

        return xml.Append("</DescribeSpotPriceHistoryResponse>").ToString();
    }

    private static string? Escape(JsonElement record, string name) => SecurityElement.Escape(record.GetProperty(name).GetString());
}
