using System.Globalization;
using CostCalc.Domain.Catalog;
using CostCalc.Domain.Estimation;

namespace CostCalc.Web.Components.Calculator;

/// <summary>
/// What the instance ranking shows: which path, and the family, architecture, generation and burstable
/// filters. It travels in the calculator's address beside the scenario (rankPath=eks&amp;rankFamily=m7g …),
/// so a link to a filtered ranking opens filtered; it is view state, never part of the scenario.
/// </summary>
public sealed record RankingFilter(string Path = "", string Family = "", string Architecture = "", int Generation = 0, string Burstable = "")
{
    public const string PathKey = "rankPath";
    public const string FamilyKey = "rankFamily";
    public const string ArchitectureKey = "rankArch";
    public const string GenerationKey = "rankGen";
    public const string BurstableKey = "rankBurstable";

    public const string Arm64 = "arm64";
    public const string X86 = "x86_64";
    public const string Yes = "yes";
    public const string No = "no";

    private static readonly string[] Keys = [PathKey, FamilyKey, ArchitectureKey, GenerationKey, BurstableKey];

    public static RankingFilter None { get; } = new();

    public static bool IsKey(string key) => Keys.Contains(key, StringComparer.Ordinal);

    /// <summary>The filter in a query; a value it cannot use is left out (the ranking then shows every type for it).</summary>
    public static RankingFilter Read(IReadOnlyDictionary<string, string> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        string Get(string key) => query.TryGetValue(key, out var value) ? value.Trim() : "";
        var generation = int.TryParse(Get(GenerationKey), NumberStyles.None, CultureInfo.InvariantCulture, out var g) && g is > 0 and < 100 ? g : 0;
        return new RankingFilter(
            Path: Short(Get(PathKey)),
            Family: CleanFamily(Get(FamilyKey)),
            Architecture: Get(ArchitectureKey) is Arm64 or X86 ? Get(ArchitectureKey) : "",
            Generation: generation,
            Burstable: Get(BurstableKey) is Yes or No ? Get(BurstableKey) : "");
    }

    /// <summary>"rankFamily=m7g&amp;rankArch=arm64", or "" when nothing is filtered.</summary>
    public string Encode()
    {
        var parts = new List<string>();
        void Add(string key, string value)
        {
            if (value.Length > 0)
            {
                parts.Add(key + "=" + Uri.EscapeDataString(value));
            }
        }

        Add(PathKey, Path);
        Add(FamilyKey, Family);
        Add(ArchitectureKey, Architecture);
        Add(GenerationKey, Generation > 0 ? Generation.ToString(CultureInfo.InvariantCulture) : "");
        Add(BurstableKey, Burstable);
        return string.Join('&', parts);
    }

    public bool Matches(RankedInstance row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return (Family.Length == 0 || row.Family.StartsWith(Family, StringComparison.OrdinalIgnoreCase))
            && (Architecture.Length == 0 || (Architecture == Arm64) == (row.Architecture == CpuArchitecture.Arm64))
            && (Generation == 0 || row.Generation == Generation)
            && (Burstable.Length == 0 || (Burstable == Yes) == row.Burstable);
    }

    /// <summary>A family prefix as typed ("M7G " → "m7g"); "" for anything that is not one.</summary>
    public static string CleanFamily(string? text)
    {
        var family = (text ?? "").Trim();
        return family.Length <= 16 && family.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') ? family.ToLowerInvariant() : "";
    }

    private static string Short(string id) => id.Length <= 40 && id.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') ? id : "";
}
