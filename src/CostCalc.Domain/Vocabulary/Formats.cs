using System.Globalization;

namespace CostCalc.Domain.Vocabulary;

/// <summary>
/// How every view writes numbers — the calculator, the report page, the PDF, CSV and Markdown:
/// invariant culture, a true minus sign, rounded only here.
/// </summary>
public static class Formats
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Shown where a path cannot be costed.</summary>
    public const string NoValue = "—";

    /// <summary>Whole dollars: "$1,234", "−$56".</summary>
    public static string Usd(decimal value) => Sign(value) + "$" + Math.Abs(value).ToString("#,0", Inv);

    /// <summary>Whole dollars, or a dash for a path that cannot be costed.</summary>
    public static string Usd(decimal? value) => value is { } usd ? Usd(usd) : NoValue;

    /// <summary>Dollars and cents: "$1,234.56", "−$0.40".</summary>
    public static string UsdCents(decimal value) => Sign(value) + "$" + Math.Abs(value).ToString("#,0.00", Inv);

    public static string UsdCents(decimal? value) => value is { } usd ? UsdCents(usd) : NoValue;

    /// <summary>A signed difference in whole dollars: "+$73", "−$12", "$0".</summary>
    public static string UsdChange(decimal value) => value > 0 ? "+" + Usd(value) : Usd(value);

    /// <summary>An amount rounded to whole dollars as <see cref="Usd(decimal)"/> shows it (half away from zero).</summary>
    public static decimal WholeUsd(decimal value) => Math.Round(value, MidpointRounding.AwayFromZero);

    /// <summary>
    /// "+$73": what two amounts differ by once each is shown in whole dollars, so a difference always
    /// equals the difference of the totals shown beside it.
    /// </summary>
    public static string UsdDifference(decimal value, decimal reference) => UsdChange(WholeUsd(value) - WholeUsd(reference));

    /// <summary>A signed difference in dollars and cents: "+$73.00", "−$12.50".</summary>
    public static string UsdCentsChange(decimal value) => value > 0 ? "+" + UsdCents(value) : UsdCents(value);

    /// <summary>Chart axis money: "$950", "$12k", "$1.5M".</summary>
    public static string UsdShort(double value)
    {
        var abs = Math.Abs(value);
        var sign = value < 0 ? "−" : "";
        return abs switch
        {
            >= 1_000_000 => sign + "$" + (abs / 1_000_000).ToString("0.##", Inv) + "M",
            >= 10_000 => sign + "$" + (abs / 1_000).ToString("0.#", Inv) + "k",
            _ => sign + "$" + abs.ToString("#,0", Inv),
        };
    }

    /// <summary>Plain money for CSV: "1234.56", "-0.40" (machine-readable, no symbol).</summary>
    public static string UsdPlain(decimal? value) => value is { } usd ? usd.ToString("0.00", Inv) : "";

    public static string Count(long value) => value.ToString("#,0", Inv);

    /// <summary>A count for axes and sentences: "950", "1.3k", "316.2k", "3.2M", "100M".</summary>
    public static string CountShort(double value)
    {
        var abs = Math.Abs(value);
        var sign = value < 0 ? "−" : "";
        return abs switch
        {
            >= 1_000_000_000 => sign + (abs / 1_000_000_000).ToString("0.#", Inv) + "B",
            >= 999_950 => sign + (abs / 1_000_000).ToString("0.#", Inv) + "M",
            >= 1_000 => sign + (abs / 1_000).ToString("0.#", Inv) + "k",
            _ => sign + abs.ToString("#,0", Inv),
        };
    }

    /// <summary>A connection bound, or what its absence means: connections cost no CPU.</summary>
    public static string Bound(long? value) => value is { } count ? Count(count) : "not CPU-bound";

    public static string Number(double value, string format = "#,0.##") => value.ToString(format, Inv);

    /// <summary>A share (0.2) as "20 %".</summary>
    public static string Percent(double share) => (share * 100).ToString("0.#", Inv) + " %";

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", Inv);

    public static string DateTime(DateTimeOffset time) => time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", Inv);

    /// <summary>"1 gateway", "3 gateways".</summary>
    /// <summary>"1 core", "0.5 cores", "2 cores".</summary>
    public static string Cores(double value) => Number(value) + (value == 1 ? " core" : " cores");

    public static string Plural(long count, string noun) => $"{Count(count)} {noun}{(count == 1 ? "" : "s")}";

    private static string Sign(decimal value) => value < 0 ? "−" : "";
}
