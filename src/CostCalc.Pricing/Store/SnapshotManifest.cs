namespace CostCalc.Pricing.Store;

/// <summary>What snapshot.json records beside a persisted snapshot's CSV files.</summary>
/// <param name="Id">Unique and stable, e.g. "bulk-2026-11-25T101500Z"; the folder name and the price book's id.</param>
/// <param name="Kind">Where the prices came from; persisted as "kind". Manifests written before it have only
/// <see cref="Source"/>, which <see cref="SnapshotStore"/> reads the kind from.</param>
/// <param name="BasedOn">The snapshot whose other regions and catalog this one kept.</param>
public sealed record SnapshotManifest(
    string Id,
    PriceSourceKind Kind,
    DateTimeOffset CreatedAt,
    string? BasedOn,
    IReadOnlyList<string> RefreshedRegions,
    IReadOnlyList<string> Notes)
{
    /// <summary>The kind's display name, e.g. "bulk price list". Still written, for versions before <see cref="Kind"/>, which read only this.</summary>
    public string Source => Kind.DisplayName();
}
