namespace CostCalc.Pricing.Bulk;

/// <summary>Compute Savings Plans rates (No Upfront) of one region, by instance type.</summary>
public sealed record SavingsPlanRates(
    IReadOnlyDictionary<string, decimal> OneYear,
    IReadOnlyDictionary<string, decimal> ThreeYear,
    BulkCsvMetadata Metadata);

/// <summary>
/// Keeps the rows of a regional AWSComputeSavingsPlan CSV that price Linux,
/// shared-tenancy EC2 usage (BoxUsage on RunInstances) under a Compute Savings Plan with No Upfront
/// payment, 1 or 3 years. EC2 Instance Savings Plans rows in the same file are skipped.
/// </summary>
public sealed class SavingsPlanCsv(string region) : IBulkCsvSink
{
    private readonly Dictionary<string, decimal> _oneYear = new(StringComparer.Ordinal);
    private readonly Dictionary<string, decimal> _threeYear = new(StringComparer.Ordinal);
    private readonly byte[] _region = System.Text.Encoding.UTF8.GetBytes(region);
    private int _productFamily, _purchaseOption, _length, _lengthUnit, _service, _usageType, _operation;
    private int _regionCode, _instanceType, _rate, _currency, _unit;

    public static async Task<SavingsPlanRates> ReadAsync(
        Stream stream, string region, string fileName, Action<long>? bytesRead, CancellationToken cancellationToken)
    {
        var sink = new SavingsPlanCsv(region);
        var metadata = await BulkCsvReader.ReadAsync(stream, fileName, sink, bytesRead, cancellationToken).ConfigureAwait(false);
        return new SavingsPlanRates(sink._oneYear, sink._threeYear, metadata);
    }

    public void Header(BulkCsvHeader header)
    {
        _productFamily = header.Column("Product Family");
        _purchaseOption = header.Column("PurchaseOption");
        _length = header.Column("LeaseContractLength");
        _lengthUnit = header.OptionalColumn("LeaseContractLengthUnit");
        _service = header.Column("DiscountedServiceCode");
        _usageType = header.Column("DiscountedUsageType");
        _operation = header.Column("DiscountedOperation");
        _regionCode = header.Column("DiscountedRegionCode");
        _instanceType = header.Column("DiscountedInstanceType");
        _rate = header.Column("DiscountedRate");
        _currency = header.Column("Currency");
        _unit = header.Column("Unit");
    }

    public bool MayKeep(ReadOnlySpan<byte> line) =>
        line.IndexOf("BoxUsage:"u8) >= 0 && line.IndexOf("No Upfront"u8) >= 0 && line.IndexOf("ComputeSavingsPlans"u8) >= 0;

    public void Row(BulkCsvRow row)
    {
        if (!row.Is(_productFamily, "ComputeSavingsPlans"u8) || !row.Is(_purchaseOption, "No Upfront"u8)
            || !row.Is(_service, "AmazonEC2"u8) || !row.Is(_operation, "RunInstances"u8) || !row.Contains(_usageType, "BoxUsage:"u8)
            || !row.Is(_regionCode, _region) || !row.Is(_currency, "USD"u8) || !row.Is(_unit, "Hrs"u8)
            || (_lengthUnit >= 0 && !row.Is(_lengthUnit, "year"u8)))
        {
            return;
        }

        var target = row.Is(_length, "1"u8) ? _oneYear : row.Is(_length, "3"u8) ? _threeYear : null;
        var rate = row.Number(_rate);
        if (rate < 0)
        {
            throw row.Error($"negative rate {rate}");
        }

        if (target is null || rate == 0)
        {
            return;
        }

        var type = row.Text(_instanceType);
        target[type] = target.TryGetValue(type, out var seen) ? Math.Min(seen, Ec2OfferCsv.Normal(rate)) : Ec2OfferCsv.Normal(rate);
    }
}
