using CostCalc.Domain.Catalog;
using CostCalc.Domain.Estimation;
using CostCalc.Domain.Prices;
using CostCalc.Pricing.Snapshot;
using CostCalc.Pricing.Store;

namespace CostCalc.Pricing.Refresh;

/// <summary>
/// A loaded snapshot, its manifest and the estimator over it: what one swap of the prices in use
/// replaces together, so no reader pairs one snapshot's prices with another's catalog or kind.
/// </summary>
public sealed class SnapshotInUse
{
    public SnapshotInUse(SnapshotManifest manifest, PriceSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(snapshot);
        if (manifest.Id != snapshot.Prices.SnapshotId)
        {
            throw new ArgumentException($"Manifest {manifest.Id} is not that of snapshot {snapshot.Prices.SnapshotId}", nameof(manifest));
        }

        Manifest = manifest;
        Snapshot = snapshot;
        Estimator = new Estimator(snapshot.Catalog, snapshot.Prices);
    }

    public SnapshotManifest Manifest { get; }

    public PriceSnapshot Snapshot { get; }

    public InstanceCatalog Catalog => Snapshot.Catalog;

    public PriceBook Prices => Snapshot.Prices;

    public Estimator Estimator { get; }

    /// <summary>What the prices came from, e.g. "bulk price list" (<see cref="PriceSourceKinds.DisplayName"/> of the manifest's kind).</summary>
    public string SourceName => Manifest.Kind.DisplayName();
}

/// <summary>
/// The one holder of the snapshot in use: one volatile reference, replaced whole. Readers take
/// <see cref="Value"/> once per request or render and work with that to the end; nothing else
/// keeps a copy, so a swap needs no event to bring others in step. The <see cref="PriceRefresher"/>
/// makes it at start-up and is the only one to replace it, once a refreshed snapshot has loaded,
/// validated and been persisted.
/// </summary>
public sealed class CurrentSnapshot(SnapshotInUse initial)
{
    private volatile SnapshotInUse _value = initial;

    public SnapshotInUse Value => _value;

    internal void Replace(SnapshotInUse next) => _value = next;
}
