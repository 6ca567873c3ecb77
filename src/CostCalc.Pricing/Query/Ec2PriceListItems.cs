using System.Globalization;
using System.Text.Json;
using CostCalc.Pricing.Bulk;
using CostCalc.Pricing.Live;

namespace CostCalc.Pricing.Query;

/// <summary>
/// Collects EC2 rates from decoded GetProducts items (sample in raw-data/samples): the on-demand "Hrs"
/// dimension above zero, and No Upfront reserved terms by lease and offering class. Items that are
/// not canonical Linux shared-tenancy BoxUsage (the filters should already exclude them) are skipped.
/// </summary>
public sealed class Ec2PriceListItems(string region)
{
    private readonly Dictionary<string, Ec2Rates> _rates = new(StringComparer.Ordinal);

    public string? Location { get; private set; }

    /// <summary>The newest publicationDate of the items seen.</summary>
    public DateTimeOffset? Published { get; private set; }

    public string Version { get; private set; } = "";

    public IReadOnlyDictionary<string, Ec2Rates> Rates => _rates;

    public void Add(JsonElement item)
    {
        var attributes = item.GetProperty("product").GetProperty("attributes");
        if (Text(attributes, "regionCode") is { } code && code != region)
        {
            return;
        }

        if (Text(attributes, "instanceType") is not { Length: > 0 } type
            || Text(attributes, "usagetype")?.Contains("BoxUsage:", StringComparison.Ordinal) != true
            || Text(attributes, "operation") != "RunInstances" || Text(attributes, "operatingSystem") != "Linux"
            || Text(attributes, "tenancy") != "Shared" || Text(attributes, "capacitystatus") != "Used"
            || Text(attributes, "preInstalledSw") != "NA")
        {
            return;
        }

        var terms = item.GetProperty("terms");
        if (!terms.TryGetProperty("OnDemand", out var onDemandTerms) || HourlyUsd(onDemandTerms, _ => true) is not { } onDemand)
        {
            return;
        }

        Location ??= Text(attributes, "location");
        Note(item);
        var rates = new Ec2Rates(onDemand);
        if (terms.TryGetProperty("Reserved", out var reserved))
        {
            rates = rates with
            {
                ReservedStandard1Year = HourlyUsd(reserved, Term("1yr", "standard")),
                ReservedStandard3Year = HourlyUsd(reserved, Term("3yr", "standard")),
                ReservedConvertible1Year = HourlyUsd(reserved, Term("1yr", "convertible")),
                ReservedConvertible3Year = HourlyUsd(reserved, Term("3yr", "convertible")),
            };
        }

        _rates[type] = _rates.TryGetValue(type, out var seen) && seen.OnDemand <= rates.OnDemand ? seen : rates;
    }

    private void Note(JsonElement item)
    {
        if (item.TryGetProperty("publicationDate", out var p)
            && DateTimeOffset.TryParse(p.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            && (Published is null || date > Published))
        {
            Published = date;
            Version = item.TryGetProperty("version", out var v) ? v.GetString() ?? "" : "";
        }
    }

    private static Func<JsonElement, bool> Term(string lease, string offeringClass) => attributes =>
        Text(attributes, "LeaseContractLength") == lease && Text(attributes, "OfferingClass") == offeringClass
        && Text(attributes, "PurchaseOption") == "No Upfront";

    internal static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>The lowest positive USD "Hrs" price among terms whose termAttributes pass <paramref name="accept"/>.</summary>
    private static decimal? HourlyUsd(JsonElement terms, Func<JsonElement, bool> accept)
    {
        decimal? best = null;
        foreach (var term in terms.EnumerateObject())
        {
            var attributes = term.Value.TryGetProperty("termAttributes", out var a) ? a : default;
            if ((attributes.ValueKind == JsonValueKind.Object && !accept(attributes))
                || (attributes.ValueKind != JsonValueKind.Object && !accept(default)))
            {
                continue;
            }

            foreach (var dimension in term.Value.GetProperty("priceDimensions").EnumerateObject())
            {
                if (Text(dimension.Value, "unit") == "Hrs" && dimension.Value.GetProperty("pricePerUnit").TryGetProperty("USD", out var usd)
                    && decimal.TryParse(usd.GetString(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var price)
                    && price > 0)
                {
                    best = best is { } b ? Math.Min(b, price) : price;
                }
            }
        }

        return best is { } value ? Ec2OfferCsv.Normal(value) : null;
    }
}
