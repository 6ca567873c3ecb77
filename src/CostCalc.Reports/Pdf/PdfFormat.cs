using System.Globalization;
using CostCalc.Domain.Estimation;

namespace CostCalc.Reports.Pdf;

/// <summary>How the PDF writes numbers: invariant culture, rounded only here, the same forms as the calculator.</summary>
internal static class PdfFormat
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Whole dollars with a true minus sign: "$1,234", "−$56".</summary>
    public static string Usd(decimal value) =>
        value < 0 ? "−$" + Math.Abs(value).ToString("#,0", Inv) : "$" + value.ToString("#,0", Inv);

    /// <summary>Whole dollars, or a dash for a path that cannot be costed.</summary>
    public static string Usd(decimal? value) => value is { } usd ? Usd(usd) : "—";

    /// <summary>Dollars and cents: "$1,234.56".</summary>
    public static string UsdCents(decimal value) =>
        value < 0 ? "−$" + Math.Abs(value).ToString("#,0.00", Inv) : "$" + value.ToString("#,0.00", Inv);

    /// <summary>Chart axis money: "$950", "$12k", "$1.5M".</summary>
    public static string UsdShort(double value)
    {
        var sign = value < 0 ? "−" : "";
        var abs = Math.Abs(value);
        return abs switch
        {
            >= 1_000_000 => sign + "$" + (abs / 1_000_000).ToString("0.##", Inv) + "M",
            >= 10_000 => sign + "$" + (abs / 1_000).ToString("0.#", Inv) + "k",
            _ => sign + "$" + abs.ToString("#,0", Inv),
        };
    }

    public static string Count(long value) => value.ToString("#,0", Inv);

    /// <summary>A connection bound, or what its absence means: no CPU is spent per connection.</summary>
    public static string Bound(long? value) => value is { } count ? Count(count) : "not CPU-bound";

    public static string Number(double value, string format = "#,0.###") => value.ToString(format, Inv);

    public static string Percent(double share) => (share * 100).ToString("0.#", Inv) + " %";

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", Inv);

    public static string DateTime(DateTimeOffset time) => time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", Inv);

    public static string PathName(DeploymentPath path) => path == DeploymentPath.Ec2 ? "EC2" : "EKS";

    public static string Plural(long count, string noun) => $"{Count(count)} {noun}{(count == 1 ? "" : "s")}";
}
