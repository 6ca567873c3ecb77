using System.Globalization;
using CostCalc.Domain.Catalog;
using CostCalc.Pricing.Live;
using CostCalc.Pricing.Snapshot;

namespace CostCalc.Pricing.Refresh;

/// <summary>
/// Merges fetched regions into the rows of the snapshot in use: a fetched region's EC2 prices,
/// Savings Plans, spot savings (when fetched), gp3 (when fetched) and EKS rates (when fetched)
/// replace its old ones, each with a new origin code; everything else, including regions not
/// fetched, the instance catalog and the ALB/NAT/cross-AZ/internet egress rates, is kept as it was.
/// </summary>
internal static class SnapshotAssembler
{
    private const string OnDemandWhat = DataOrigin.Ec2OnDemand;
    private const string ReservedWhat = "EC2 reserved, No Upfront";
    private const string SavingsPlansWhat = "EC2 Compute Savings Plans, No Upfront";
    private const string SpotWhat = "EC2 spot savings";
    private const string Gp3What = "EBS gp3";
    private const string EksWhat = "EKS control plane, extended support, Fargate and Auto Mode";

    public static (SnapshotTables Tables, IReadOnlyList<string> Notes) Assemble(SnapshotTables previous, FetchedPrices fetched)
    {
        var notes = new List<string>();
        var catalog = CatalogNames(previous.InstanceTypesText);
        var codes = new OriginCodes(previous.Sources);
        var refreshed = fetched.Regions.ToDictionary(r => r.Code, StringComparer.Ordinal);
        var prices = previous.Prices.Where(p => !refreshed.ContainsKey(p.Region)).ToList();
        var services = previous.Services.ToList();
        var fees = previous.AutoModeFees.Where(f => !refreshed.ContainsKey(f.Region)).ToList();
        var regions = previous.Regions.Where(r => !refreshed.ContainsKey(r.Code)).ToList();
        var usEast1 = previous.Regions.FirstOrDefault(r => r.Code == SnapshotFormat.ServiceRegion) ?? previous.Regions[0];
        foreach (var region in fetched.Regions)
        {
            var old = previous.Regions.FirstOrDefault(r => r.Code == region.Code);
            var oldPrices = previous.Prices.Where(p => p.Region == region.Code).ToDictionary(p => p.InstanceType, StringComparer.Ordinal);
            var origins = new SortedSet<string>(StringComparer.Ordinal);
            var onDemand = codes.For(OnDemandWhat, region.Ec2);
            origins.Add(onDemand);
            var unknown = new List<string>();
            foreach (var (type, rates) in region.Instances.OrderBy(i => i.Key, StringComparer.Ordinal))
            {
                if (!catalog.Contains(type))
                {
                    unknown.Add(type);
                    continue;
                }

                var spot = region.SpotSavingsPercent is { } live
                    ? live.TryGetValue(type, out var s) ? Text(s) : ""
                    : oldPrices.GetValueOrDefault(type)?.SpotSavings ?? "";
                prices.Add(new PriceRow(
                    region.Code, type, Text(rates.OnDemand), Text(rates.ReservedStandard1Year), Text(rates.ReservedStandard3Year),
                    Text(rates.ReservedConvertible1Year), Text(rates.ReservedConvertible3Year), spot, onDemand,
                    Text(rates.SavingsPlan1Year), Text(rates.SavingsPlan3Year)));
            }

            var kept = region.Instances.Keys.Where(catalog.Contains).Select(t => region.Instances[t]).ToList();
            if (kept.Any(r => (r.ReservedStandard1Year ?? r.ReservedStandard3Year ?? r.ReservedConvertible1Year ?? r.ReservedConvertible3Year) is not null))
            {
                origins.Add(codes.For(ReservedWhat, region.Ec2));
            }

            if (region.SavingsPlans is { } sp && kept.Any(r => (r.SavingsPlan1Year ?? r.SavingsPlan3Year) is not null))
            {
                origins.Add(codes.For(SavingsPlansWhat, sp));
            }

            if (region.Spot is { } spotFile && region.SpotSavingsPercent is { Count: > 0 })
            {
                origins.Add(codes.For(SpotWhat, spotFile));
            }

            var oldOrigins = old?.Origins ?? usEast1.Origins;
            origins.UnionWith(oldOrigins.Where(code => Kept(codes.What(code), region)));
            RegionRow row;
            if (region.Gp3 is { } gp3)
            {
                origins.Add(codes.For(Gp3What, region.Ec2));
                row = new RegionRow(region.Code, "", Text(gp3.PerGbMonth), Text(gp3.PerIopsMonth), Text(gp3.PerMiBpsMonth), true, []);
            }
            else
            {
                var from = old ?? usEast1;
                row = new RegionRow(region.Code, "", from.Gp3PerGbMonth, from.Gp3PerIopsMonth, from.Gp3PerMiBpsMonth, old?.Gp3Regional ?? false, []);
            }

            if (region.Eks is { } eks && region.EksFile is { } eksFile)
            {
                var eksCode = codes.For(EksWhat, eksFile);
                origins.Add(eksCode);
                services.RemoveAll(s => s.Region == region.Code && EksKeys.Contains(s.Key));
                services.AddRange(EksRows(region.Code, eks, region.Instances, eksFile, notes));
                // The per-type fees themselves, for the types this snapshot prices; the median share
                // above stays as the rate of types the offer does not list.
                fees.AddRange(eks.AutoModeFees.Where(f => catalog.Contains(f.Key) && region.Instances.ContainsKey(f.Key) && f.Value > 0)
                    .OrderBy(f => f.Key, StringComparer.Ordinal)
                    .Select(f => new AutoModeFeeRow(region.Code, f.Key, Text(f.Value), eksCode)));
            }
            else
            {
                fees.AddRange(previous.AutoModeFees.Where(f => f.Region == region.Code && region.Instances.ContainsKey(f.InstanceType)));
            }

            regions.Add(row with { Name = old?.Name ?? region.Name ?? region.Code, Origins = [.. origins] });
            notes.Add($"{region.Code}: {region.Instances.Count - unknown.Count} instance types"
                + (unknown.Count == 0 ? "" : $"; {unknown.Count} not in the instance catalog, skipped ({string.Join(' ', unknown.Take(20))})"));
        }

        regions.Sort((a, b) => string.CompareOrdinal(a.Code, b.Code));
        prices.Sort((a, b) => string.CompareOrdinal(a.Region, b.Region) is var byRegion and not 0 ? byRegion : string.CompareOrdinal(a.InstanceType, b.InstanceType));
        fees.Sort((a, b) => string.CompareOrdinal(a.Region, b.Region) is var byRegion and not 0 ? byRegion : string.CompareOrdinal(a.InstanceType, b.InstanceType));
        var used = regions.SelectMany(r => r.Origins).Concat(fees.Select(f => f.Source)).Append(SnapshotFormat.CatalogSourceCode).ToHashSet(StringComparer.Ordinal);
        var tables = new SnapshotTables
        {
            InstanceTypesText = previous.InstanceTypesText,
            Sources = [.. codes.All.Where(s => used.Contains(s.Code))],
            Regions = regions,
            Prices = prices,
            Services = services,
            AutoModeFees = fees,
        };
        return (tables, notes);
    }

    private static readonly HashSet<string> EksKeys =
    [
        SnapshotFormat.ServiceKeys.EksClusterHour, SnapshotFormat.ServiceKeys.EksExtendedSupportHour,
        SnapshotFormat.ServiceKeys.FargateVcpuHour, SnapshotFormat.ServiceKeys.FargateGbHour, SnapshotFormat.ServiceKeys.AutoModeFeeShare,
    ];

    /// <summary>Whether a previous origin still describes some of a refreshed region's figures.</summary>
    private static bool Kept(string what, FetchedRegion region) =>
        what.StartsWith("EC2 spot", StringComparison.Ordinal) ? region.SpotSavingsPercent is null
        : what.StartsWith("EC2 ", StringComparison.Ordinal) ? false
        : what.StartsWith("EBS", StringComparison.Ordinal) ? region.Gp3 is null
        : !what.StartsWith(EksWhat, StringComparison.Ordinal) || region.Eks is null;

    private static IEnumerable<ServiceRow> EksRows(
        string region, Live.EksRates eks, IReadOnlyDictionary<string, Ec2Rates> instances, PriceFileInfo file, List<string> notes)
    {
        var source = $"{file.Description} ({region})";
        yield return new(SnapshotFormat.ServiceKeys.EksClusterHour, Text(eks.ClusterHour), "per cluster-hour", "live", source, region);
        yield return new(SnapshotFormat.ServiceKeys.EksExtendedSupportHour, Text(eks.ClusterHour + eks.ExtendedSupportSurchargeHour),
            "per cluster-hour", "live", $"{source}: perCluster + extendedSupport surcharge", region);
        if (eks.FargateVcpuHour is { } vcpu)
        {
            yield return new(SnapshotFormat.ServiceKeys.FargateVcpuHour, Text(vcpu), "per vCPU-hour", "live", source, region);
        }

        if (eks.FargateGbHour is { } gb)
        {
            yield return new(SnapshotFormat.ServiceKeys.FargateGbHour, Text(gb), "per GB-hour", "live", source, region);
        }

        // The model charges Auto Mode as a share of on-demand; the offer prices it per type: use the median share.
        var shares = eks.AutoModeFees.Where(f => instances.ContainsKey(f.Key))
            .Select(f => f.Value / instances[f.Key].OnDemand).Order().ToList();
        if (shares.Count > 0)
        {
            var median = Math.Round(shares[shares.Count / 2], 4);
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"{region}: Auto Mode fee share {median} (median of {shares.Count} types, {shares[0]:0.####}–{shares[^1]:0.####})"));
            yield return new(SnapshotFormat.ServiceKeys.AutoModeFeeShare, Text(median), "share of the instance's on-demand price", "live",
                $"{source}: median of {shares.Count} per-type Auto Mode fees / on-demand", region);
        }
    }

    private static HashSet<string> CatalogNames(string instanceTypesText)
    {
        var csv = new CsvFile(new StringReader(instanceTypesText), SnapshotFormat.InstanceTypesFile);
        var name = csv.Column("name");
        var names = new HashSet<string>(StringComparer.Ordinal);
        while (csv.ReadRow())
        {
            names.Add(csv[name]);
        }

        return names;
    }

    private static string Text(decimal? value) => value is { } v ? Text(v) : "";

    private static string Text(decimal value) => CsvValues.Text(value / 1.000000000000000000000000000000000m);

    private static string Text(int value) => CsvValues.Text(value);

    /// <summary>Origin codes: the previous ones, plus new "L1", "L2", … for new (what, source, date) triples.</summary>
    private sealed class OriginCodes(IReadOnlyList<SourceEntry> previous)
    {
        private readonly List<SourceEntry> _all = [.. previous];
        private int _next = previous.Select(s => s.Code.StartsWith('L') && int.TryParse(s.Code.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0)
            .DefaultIfEmpty(0).Max() + 1;

        public IEnumerable<SourceEntry> All => _all;

        public string What(string code) => _all.FirstOrDefault(s => s.Code == code)?.What ?? "";

        public string For(string what, PriceFileInfo file)
        {
            var existing = _all.FirstOrDefault(s => s.What == what && s.Source == file.Description && s.AsOf == file.AsOf);
            if (existing is not null)
            {
                return existing.Code;
            }

            var entry = new SourceEntry(string.Create(CultureInfo.InvariantCulture, $"L{_next++}"), what, file.Description, file.AsOf);
            _all.Add(entry);
            return entry.Code;
        }
    }
}
