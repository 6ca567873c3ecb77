using System.Globalization;

namespace CostCalc.Web.Components.Calculator;

/// <summary>How numbers are shown: invariant culture, rounded only here.</summary>
public static class Display
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Usd(decimal value) => value < 0 ? "−$" + Math.Abs(value).ToString("#,0", Inv) : "$" + value.ToString("#,0", Inv);

    public static string UsdCents(decimal value) => "$" + value.ToString("#,0.00", Inv);

    public static string Count(long value) => value.ToString("#,0", Inv);

    /// <summary>A connection bound, or what its absence means: connections cost no CPU.</summary>
    public static string Bound(long? value) => value is { } count ? Count(count) : "not CPU-bound";

    public static string Number(double value, string format = "#,0.##") => value.ToString(format, Inv);

    public static string Percent(double share) => (share * 100).ToString("0.#", Inv) + " %";

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", Inv);

    public static string PathName(CostCalc.Domain.Estimation.DeploymentPath path) =>
        path == CostCalc.Domain.Estimation.DeploymentPath.Ec2 ? "EC2" : "EKS";
}
