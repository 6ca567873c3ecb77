using CostCalc.Domain.Scenarios;

namespace CostCalc.Domain.Vocabulary;

/// <summary>The colour every view gives a deployment path (charts, legends, headline accents).</summary>
public static class PathStyle
{
    private static readonly Dictionary<string, string> Known = new(StringComparer.Ordinal)
    {
        [PathIds.Ec2] = "#D96C06",
        [PathIds.Eks] = "#2563EB",
        [PathIds.EksFargate] = "#0F9D58",
        [PathIds.EcsEc2] = "#9333EA",
        [PathIds.EcsFargate] = "#DB2777",
    };

    /// <summary>For paths without a colour of their own, by position.</summary>
    private static readonly string[] Spare = ["#0891B2", "#65A30D", "#7C3AED", "#BE123C"];

    /// <summary>The path's colour as "#RRGGBB"; <paramref name="index"/> picks a spare colour for paths not listed here.</summary>
    public static string Colour(string pathId, int index) =>
        Known.TryGetValue(pathId, out var colour) ? colour : Spare[Math.Abs(index) % Spare.Length];
}
