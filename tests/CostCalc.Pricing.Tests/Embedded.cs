using CostCalc.Pricing.Snapshot;

namespace CostCalc.Pricing.Tests;

/// <summary>The embedded snapshot, loaded once for the tests that only read it.</summary>
internal static class Embedded
{
    private static readonly Lazy<PriceSnapshot> Loaded = new(EmbeddedSnapshot.Load);

    public static PriceSnapshot Snapshot => Loaded.Value;
}
