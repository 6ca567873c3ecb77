namespace CostCalc.Pricing.Store;

/// <summary>
/// Where a snapshot's prices came from. snapshot.json records it as "kind" ("bulk", "query");
/// the embedded snapshot has no snapshot.json and is always <see cref="Embedded"/>.
/// </summary>
public enum PriceSourceKind
{
    /// <summary>The snapshot compiled into the app, built from the public files in raw-data/.</summary>
    Embedded,

    /// <summary>A refresh from the keyless AWS Price List Bulk API.</summary>
    Bulk,

    /// <summary>A refresh from the signed AWS Price List Query API.</summary>
    Query,
}

/// <summary>What each <see cref="PriceSourceKind"/> is called and how its snapshot ids start: the one place for both.</summary>
public static class PriceSourceKinds
{
    /// <summary>Said of prices whose snapshot this app does not have (a report pinned to a deleted or older one).</summary>
    public const string UnknownDisplayName = "price snapshot";

    /// <summary>What the UI, the PDF and the price book say the prices came from, e.g. "bulk price list".</summary>
    public static string DisplayName(this PriceSourceKind kind) => kind switch
    {
        PriceSourceKind.Embedded => "embedded snapshot",
        PriceSourceKind.Bulk => "bulk price list",
        PriceSourceKind.Query => "query API",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The start of the snapshot ids made from this kind, e.g. "bulk" in "bulk-2026-11-25T101500Z".</summary>
    public static string IdPrefix(this PriceSourceKind kind) => kind switch
    {
        PriceSourceKind.Embedded => "embedded",
        PriceSourceKind.Bulk => "bulk",
        PriceSourceKind.Query => "query",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The kind with this display name, or null: manifests written before "kind" existed name their source only so.</summary>
    public static PriceSourceKind? FromDisplayName(string? name)
    {
        foreach (var kind in Enum.GetValues<PriceSourceKind>())
        {
            if (kind.DisplayName() == name)
            {
                return kind;
            }
        }

        return null;
    }
}
