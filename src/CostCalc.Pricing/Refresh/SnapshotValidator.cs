using System.Globalization;
using CostCalc.Domain.Prices;
using CostCalc.Pricing.Snapshot;

namespace CostCalc.Pricing.Refresh;

/// <summary>
/// Decides whether a refreshed snapshot may replace the one in use. For each refreshed region:
/// every price positive, enough instance types (absolute and against the previous snapshot), the
/// reference types still priced, and on-demand prices in a sane ratio to the previous ones.
/// Returns the problems found; none means the snapshot may be used.
/// </summary>
public static class SnapshotValidator
{
    public static IReadOnlyList<string> Validate(
        PriceSnapshot candidate, PriceSnapshot? previous, IEnumerable<string> refreshedRegions, ValidationOptions options)
    {
        var problems = new List<string>();
        foreach (var code in refreshedRegions)
        {
            if (candidate.Prices.Find(code) is not { } region)
            {
                problems.Add($"{code}: missing from the refreshed snapshot");
                continue;
            }

            CheckPrices(region, problems);
            CheckServices(region, previous?.Prices.Find(code), problems);
            CheckAutoModeFees(region, problems);
            if (region.InstanceTypeNames.Count < options.MinInstanceTypes)
            {
                problems.Add(Format($"{code}: only {region.InstanceTypeNames.Count} instance types priced (at least {options.MinInstanceTypes} expected)"));
            }

            if (previous?.Prices.Find(code) is { } before)
            {
                CompareWithPrevious(region, before, options, problems);
            }
        }

        return problems;
    }

    /// <summary>The checks that need no previous snapshot, for a persisted snapshot loaded at start-up.</summary>
    public static IReadOnlyList<string> ValidateAlone(PriceSnapshot snapshot, ValidationOptions options) =>
        Validate(snapshot, null, snapshot.Prices.Regions.Select(r => r.Region.Code), options);

    private static void CheckPrices(RegionPrices region, List<string> problems)
    {
        var bad = new List<string>();
        foreach (var name in region.InstanceTypeNames)
        {
            var price = region.Find(name)!;
            decimal?[] rates =
            [
                price.OnDemandUsdPerHour, price.ReservedStandard1YearUsdPerHour, price.ReservedStandard3YearUsdPerHour,
                price.ReservedConvertible1YearUsdPerHour, price.ReservedConvertible3YearUsdPerHour,
                price.SavingsPlan1YearUsdPerHour, price.SavingsPlan3YearUsdPerHour,
            ];
            if (rates.Any(r => r <= 0) || price.SpotSavingsPercent is < -100 or >= 100)
            {
                bad.Add(name);
            }
        }

        if (bad.Count > 0)
        {
            problems.Add($"{region.Region.Code}: zero, negative or impossible prices for {bad.Count} types ({string.Join(' ', bad.Take(10))})");
        }
    }

    private static void CheckServices(RegionPrices region, RegionPrices? before, List<string> problems)
    {
        var s = region.Services;
        decimal[] rates = [s.EksClusterUsdPerHour, s.EksExtendedSupportUsdPerHour, s.FargateUsdPerVcpuHour, s.FargateUsdPerGbHour, s.AutoModeFeeShareOfOnDemand];
        var egress = s.InternetEgress;
        decimal[] ladder = [egress.First10TbUsdPerGb, egress.Next40TbUsdPerGb, egress.Next100TbUsdPerGb, egress.Over150TbUsdPerGb];
        if (ladder.Any(r => r <= 0) || ladder.Zip(ladder.Skip(1)).Any(p => p.Second > p.First) || egress.FreeGbPerMonth < 0)
        {
            problems.Add($"{region.Region.Code}: implausible internet egress rates ({string.Join(", ", ladder.Select(r => r.ToString(CultureInfo.InvariantCulture)))}, {egress.FreeGbPerMonth.ToString(CultureInfo.InvariantCulture)} GB free)");
        }

        if (s.Nlb.UsdPerHour <= 0 || s.Nlb.UsdPerNlcuHour <= 0)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"{region.Region.Code}: implausible NLB rates ({s.Nlb.UsdPerHour}/h, {s.Nlb.UsdPerNlcuHour}/NLCU-h)"));
        }

        if (rates.Any(r => r <= 0) || s.AutoModeFeeShareOfOnDemand >= 1 || s.EksExtendedSupportUsdPerHour < s.EksClusterUsdPerHour)
        {
            problems.Add($"{region.Region.Code}: implausible EKS rates ({string.Join(", ", rates.Select(r => r.ToString(CultureInfo.InvariantCulture)))})");
        }
        else if (before is not null && Ratio(s.EksClusterUsdPerHour, before.Services.EksClusterUsdPerHour) is < 0.5 or > 2)
        {
            problems.Add(Format($"{region.Region.Code}: EKS control plane {s.EksClusterUsdPerHour}/h, was {before.Services.EksClusterUsdPerHour}/h"));
        }
    }

    /// <summary>Each listed Auto Mode fee belongs to a priced type and is a positive share of its on-demand price below 1.</summary>
    private static void CheckAutoModeFees(RegionPrices region, List<string> problems)
    {
        var unpriced = new List<string>();
        var implausible = new List<string>();
        foreach (var type in region.AutoModeFeeTypes)
        {
            var fee = region.FindAutoModeFee(type)!.UsdPerHour;
            if (region.Find(type) is not { } price)
            {
                unpriced.Add(type);
            }
            else if (fee <= 0 || fee >= price.OnDemandUsdPerHour)
            {
                implausible.Add(type);
            }
        }

        if (unpriced.Count > 0)
        {
            problems.Add($"{region.Region.Code}: Auto Mode fees for {unpriced.Count} types without an EC2 price ({string.Join(' ', unpriced.Take(10))})");
        }

        if (implausible.Count > 0)
        {
            problems.Add($"{region.Region.Code}: Auto Mode fees not between 0 and the on-demand price for {implausible.Count} types ({string.Join(' ', implausible.Take(10))})");
        }
    }

    private static void CompareWithPrevious(RegionPrices region, RegionPrices before, ValidationOptions options, List<string> problems)
    {
        var code = region.Region.Code;
        if (region.InstanceTypeNames.Count < options.MinInstanceTypeShare * before.InstanceTypeNames.Count)
        {
            problems.Add(Format($"{code}: {region.InstanceTypeNames.Count} instance types, was {before.InstanceTypeNames.Count} (an implausible drop)"));
        }

        var missing = options.ReferenceTypes.Where(t => before.Find(t) is not null && region.Find(t) is null).ToList();
        if (missing.Count > 0)
        {
            problems.Add($"{code}: reference instance types missing: {string.Join(' ', missing)}");
        }

        var ratios = region.InstanceTypeNames.Where(t => before.Find(t) is not null)
            .Select(t => Ratio(region.Find(t)!.OnDemandUsdPerHour, before.Find(t)!.OnDemandUsdPerHour)).Order().ToList();
        if (ratios.Count == 0)
        {
            problems.Add($"{code}: no instance type in common with the previous snapshot");
            return;
        }

        var median = ratios[ratios.Count / 2];
        if (median > options.MaxMedianChange || median < 1 / options.MaxMedianChange)
        {
            problems.Add(Format($"{code}: on-demand prices moved by a median factor of {median:0.###} against the previous snapshot"));
        }

        var outliers = ratios.Count(r => r > options.MaxTypeChange || r < 1 / options.MaxTypeChange);
        if (outliers > options.MaxOutlierShare * ratios.Count)
        {
            problems.Add(Format($"{code}: {outliers} of {ratios.Count} on-demand prices moved by more than a factor of {options.MaxTypeChange}"));
        }
    }

    private static double Ratio(decimal now, decimal before) => before == 0 ? double.PositiveInfinity : (double)(now / before);

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
