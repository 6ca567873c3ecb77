namespace CostCalc.Pricing.Live;

/// <summary>Where a refresh is: the step, the region, and bytes of the current file when known.</summary>
public sealed record RefreshProgress(
    string Step,
    string? Region,
    int RegionsDone,
    int RegionsTotal,
    long BytesRead = 0,
    long? BytesTotal = null)
{
    /// <summary>0–1 over the regions, counting the current file's share; null before any region starts.</summary>
    public double? Fraction => RegionsTotal == 0
        ? null
        : Math.Min(1, (RegionsDone + (BytesTotal is > 0 ? (double)BytesRead / BytesTotal.Value : 0)) / RegionsTotal);
}
