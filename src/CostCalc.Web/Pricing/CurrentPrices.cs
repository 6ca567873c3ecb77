using CostCalc.Domain.Estimation;

namespace CostCalc.Web.Pricing;

/// <summary>
/// The price snapshot in use, behind one reference so a refresh can swap it atomically. Every
/// request reads <see cref="Estimator"/> once and works with that snapshot to the end.
/// </summary>
public sealed class CurrentPrices(Estimator initial)
{
    private volatile Estimator _estimator = initial;

    public Estimator Estimator => _estimator;

    public void Replace(Estimator estimator) => _estimator = estimator;
}
