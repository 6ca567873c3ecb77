namespace CostCalc.Domain.Vocabulary;

/// <summary>
/// How every view colours a share of one machine's memory or CPU (the resource split): one stable colour per
/// share, the same on the web and in the PDF; what is left free in a neutral grey, not an alarm colour.
/// </summary>
public static class SliceStyle
{
    /// <summary>The share nothing uses (the plans call it "Headroom").</summary>
    public const string Free = "Headroom";

    public const string FreeColour = "#C9CED6";

    private static readonly Dictionary<string, string> Known = new(StringComparer.Ordinal)
    {
        ["VM overhead"] = "#6B7B8C",
        ["OS"] = "#98A6B5",
        ["Kubelet reservation"] = "#8E6CB8",
        ["Eviction threshold"] = "#B9A5D6",
        ["Host agents"] = "#D4A373",
        ["Kubernetes DaemonSets"] = "#C9A227",
        ["BEAM base"] = "#3E7C8C",
        ["Connections"] = "#5B8DB8",
        [Free] = FreeColour,
    };

    /// <summary>Colours for shares a new path brings, picked by name so each keeps its colour run to run.</summary>
    private static readonly string[] Spare = ["#6BA368", "#C45C5A", "#7FB8C6", "#A8CF9E", "#B08D57"];

    public static string Colour(string slice)
    {
        ArgumentNullException.ThrowIfNull(slice);
        if (Known.TryGetValue(slice, out var colour))
        {
            return colour;
        }

        // FNV-1a over the name: string.GetHashCode differs from process to process.
        var hash = 2166136261u;
        foreach (var c in slice)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return Spare[hash % (uint)Spare.Length];
    }
}
