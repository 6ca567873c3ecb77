namespace CostCalc.Domain.Prices;

/// <summary>All regions' prices of one snapshot. Immutable: a refresh makes a new book.</summary>
public sealed class PriceBook
{
    private readonly Dictionary<string, RegionPrices> _regions;

    public PriceBook(string snapshotId, string source, DateOnly asOf, IEnumerable<RegionPrices> regions)
    {
        SnapshotId = snapshotId;
        Source = source;
        AsOf = asOf;
        _regions = regions.ToDictionary(r => r.Region.Code, StringComparer.Ordinal);
        Regions = [.. _regions.Values.OrderBy(r => r.Region.Code, StringComparer.Ordinal)];
    }

    /// <summary>Stable id of this snapshot (saved reports pin it).</summary>
    public string SnapshotId { get; }

    /// <summary>"embedded snapshot", "bulk price list", …</summary>
    public string Source { get; }

    public DateOnly AsOf { get; }

    public IReadOnlyList<RegionPrices> Regions { get; }

    public RegionPrices? Find(string regionCode) => _regions.GetValueOrDefault(regionCode);
}
