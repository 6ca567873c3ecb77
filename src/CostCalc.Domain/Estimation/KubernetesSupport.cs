namespace CostCalc.Domain.Estimation;

/// <summary>
/// How often an EKS cluster must move to a newer Kubernetes minor to stay in standard support
/// (docs/model.md §6): Kubernetes ships three minors a year (KEP-2572) and EKS gives each 14 months of
/// standard support, then 12 months of extended support at $0.60 per cluster-hour.
/// </summary>
public static class KubernetesSupport
{
    /// <summary>Months between Kubernetes minor releases: three a year.</summary>
    public const int MonthsBetweenMinorReleases = 4;

    /// <summary>
    /// The month (1-based) a cluster making <paramref name="upgradesPerYear"/> evenly spaced minor upgrades
    /// first runs a version past its 14 months of standard support, or null if it stays within them for
    /// <paramref name="horizonMonths"/>. The cluster starts on a minor EKS has just released; a minor comes
    /// every 4 months (version k at month 4k, in standard support to month 4k + 14); the i-th upgrade is at
    /// month 12 i / u and never goes past the newest minor.
    /// </summary>
    public static int? MonthLeavingStandardSupport(double upgradesPerYear, int horizonMonths)
    {
        for (var month = 1; month <= horizonMonths; month++)
        {
            var upgrades = (long)Math.Floor((month * Math.Max(0, upgradesPerYear) / 12) + 1e-9);
            var version = Math.Min(upgrades, month / MonthsBetweenMinorReleases);
            if (month > (version * MonthsBetweenMinorReleases) + EksCluster.StandardSupportMonths)
            {
                return month;
            }
        }

        return null;
    }

    /// <summary>The fewest whole upgrades a year that keep a cluster in standard support over the horizon (3 always do).</summary>
    public static int MinimumUpgradesPerYear(int horizonMonths)
    {
        var perYear = 0;
        while (perYear < 12 / MonthsBetweenMinorReleases && MonthLeavingStandardSupport(perYear, horizonMonths) is not null)
        {
            perYear++;
        }

        return perYear;
    }

}
