using CostCalc.Domain.Estimation;
using CostCalc.Pricing.Refresh;

namespace CostCalc.Web.Pricing;

/// <summary>
/// The web app's way to the snapshot in use: a view of <see cref="CurrentSnapshot"/>, the one holder,
/// with no state of its own, so it cannot fall behind a refresh. A request or render reads
/// <see cref="Snapshot"/> (or <see cref="Estimator"/>) once and works with that snapshot to the end.
/// </summary>
public sealed class CurrentPrices(CurrentSnapshot current)
{
    /// <summary>The manifest, catalog, price book and estimator in use, swapped together.</summary>
    public SnapshotInUse Snapshot => current.Value;

    public Estimator Estimator => current.Value.Estimator;
}
