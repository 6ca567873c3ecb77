namespace CostCalc.Pricing.Live;

/// <summary>
/// Everything that talks to AWS for prices sits behind this interface: the keyless Price List
/// Bulk API, the signed Query API, or a packaged SDK client later. A source returns the prices of
/// the regions asked for, or throws <see cref="PriceSourceException"/>; it never returns a partial
/// region silently. What it returns names its kind (<see cref="FetchedPrices.Kind"/>), which the
/// refreshed snapshot's id and manifest take.
/// </summary>
public interface IPriceSource
{
    Task<FetchedPrices> FetchAsync(
        IReadOnlyList<string> regions, IProgress<RefreshProgress>? progress, CancellationToken cancellationToken);
}

/// <summary>A price source failed: the message says which file or request and why.</summary>
public sealed class PriceSourceException : Exception
{
    public PriceSourceException()
    {
    }

    public PriceSourceException(string message)
        : base(message)
    {
    }

    public PriceSourceException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
