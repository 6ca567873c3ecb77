using CostCalc.Domain.Prices;

namespace CostCalc.Pricing.Snapshot;

/// <summary>
/// The rows of services.csv: rates for every region (empty region), and per-region rates that a
/// refreshed price list adds (e.g. EKS from the region's AmazonEKS offer), which win for that region.
/// </summary>
internal sealed class ServiceRates(string fileName)
{
    private readonly Dictionary<string, decimal> _defaults = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, decimal>> _byRegion = new(StringComparer.Ordinal);

    public void Add(string region, string key, decimal usd)
    {
        var rates = region.Length == 0
            ? _defaults
            : _byRegion.TryGetValue(region, out var existing) ? existing : _byRegion[region] = new(StringComparer.Ordinal);
        if (!rates.TryAdd(key, usd))
        {
            throw new InvalidDataException($"{fileName}: duplicate {key}{(region.Length == 0 ? "" : $" for {region}")}");
        }
    }

    /// <summary>Throws when a per-region row names a region that regions.csv does not list.</summary>
    public void CheckRegions(IEnumerable<string> known)
    {
        var unknown = _byRegion.Keys.Except(known, StringComparer.Ordinal).FirstOrDefault();
        if (unknown is not null)
        {
            throw new InvalidDataException($"{fileName}: rates for unknown region {unknown}");
        }
    }

    private const decimal GravitonCreditFallback = 0.04m;

    /// <summary>The us-east-1 internet egress ladder shipped with this version, for snapshots written before it.</summary>
    private static readonly EgressTiers EgressFallback = new(0.09m, 0.085m, 0.07m, 0.05m, FreeGbPerMonth: 100);

    /// <summary>The us-east-1 NLB rates shipped with this version, for snapshots written before them.</summary>
    private static readonly NlbRates NlbFallback = new(0.0225m, 0.006m);

    public ServicePrices For(string region)
    {
        var own = _byRegion.GetValueOrDefault(region);
        decimal Rate(string key) =>
            own is not null && own.TryGetValue(key, out var rate) ? rate
            : _defaults.TryGetValue(key, out rate) ? rate
            : throw new InvalidDataException($"{fileName}: no row {key}");
        return new ServicePrices(
            Rate(SnapshotFormat.ServiceKeys.EksClusterHour), Rate(SnapshotFormat.ServiceKeys.EksExtendedSupportHour),
            Rate(SnapshotFormat.ServiceKeys.FargateVcpuHour), Rate(SnapshotFormat.ServiceKeys.FargateGbHour),
            Rate(SnapshotFormat.ServiceKeys.AutoModeFeeShare), Rate(SnapshotFormat.ServiceKeys.AlbHour),
            Rate(SnapshotFormat.ServiceKeys.AlbLcuHour), Rate(SnapshotFormat.ServiceKeys.NatHour),
            Rate(SnapshotFormat.ServiceKeys.NatGb), Rate(SnapshotFormat.ServiceKeys.CrossAzGbEachDirection),
            Rate(SnapshotFormat.ServiceKeys.CpuCreditVcpuHour), RegionScoped: false)
        {
            EksRatesRegional = own?.ContainsKey(SnapshotFormat.ServiceKeys.EksClusterHour) == true,
            // Snapshots written before the T4g rate existed lack the row; the embedded rate stands in.
            CpuCreditGravitonUsdPerVcpuHour = _defaults.GetValueOrDefault(SnapshotFormat.ServiceKeys.CpuCreditGravitonVcpuHour, GravitonCreditFallback),
            // Likewise the internet egress rows, row by row.
            InternetEgress = new EgressTiers(
                _defaults.GetValueOrDefault(SnapshotFormat.ServiceKeys.EgressFirst10TbGb, EgressFallback.First10TbUsdPerGb),
                _defaults.GetValueOrDefault(SnapshotFormat.ServiceKeys.EgressNext40TbGb, EgressFallback.Next40TbUsdPerGb),
                _defaults.GetValueOrDefault(SnapshotFormat.ServiceKeys.EgressNext100TbGb, EgressFallback.Next100TbUsdPerGb),
                _defaults.GetValueOrDefault(SnapshotFormat.ServiceKeys.EgressOver150TbGb, EgressFallback.Over150TbUsdPerGb),
                (double)_defaults.GetValueOrDefault(SnapshotFormat.ServiceKeys.EgressFreeGbMonth, (decimal)EgressFallback.FreeGbPerMonth)),
            Nlb = new NlbRates(
                _defaults.GetValueOrDefault(SnapshotFormat.ServiceKeys.NlbHour, NlbFallback.UsdPerHour),
                _defaults.GetValueOrDefault(SnapshotFormat.ServiceKeys.NlbNlcuHour, NlbFallback.UsdPerNlcuHour)),
        };
    }
}
