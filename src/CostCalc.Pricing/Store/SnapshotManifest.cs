namespace CostCalc.Pricing.Store;

/// <summary>What snapshot.json records beside a persisted snapshot's CSV files.</summary>
/// <param name="Id">Unique and stable, e.g. "bulk-2026-11-25T101500Z"; the folder name and the price book's id.</param>
/// <param name="Source">"bulk price list", "query API", …</param>
/// <param name="BasedOn">The snapshot whose other regions and catalog this one kept.</param>
public sealed record SnapshotManifest(
    string Id,
    string Source,
    DateTimeOffset CreatedAt,
    string? BasedOn,
    IReadOnlyList<string> RefreshedRegions,
    IReadOnlyList<string> Notes);
