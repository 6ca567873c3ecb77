using CostCalc.Domain.Catalog;

namespace CostCalc.Domain.Prices;

public sealed record Region(string Code, string Name);

/// <summary>Every price the model needs for one region, with where each group came from.</summary>
public sealed class RegionPrices
{
    private readonly Dictionary<string, InstancePrice> _instances;

    public RegionPrices(
        Region region,
        IReadOnlyDictionary<string, InstancePrice> instances,
        Gp3Prices gp3,
        ServicePrices services,
        IReadOnlyList<DataOrigin> origins)
    {
        Region = region;
        _instances = new Dictionary<string, InstancePrice>(instances, StringComparer.Ordinal);
        Gp3 = gp3;
        Services = services;
        Origins = origins;
        InstanceTypeNames = [.. _instances.Keys.Order(StringComparer.Ordinal)];
        var instancePrices = origins.Where(o => o.IsEc2OnDemand).ToList();
        AsOf = (instancePrices.Count > 0 ? instancePrices : origins).Select(o => o.AsOf).DefaultIfEmpty(DateOnly.MinValue).Max();
        OldestAsOf = origins.Count == 0 ? DateOnly.MinValue : origins.Min(o => o.AsOf);
    }

    public Region Region { get; }

    public Gp3Prices Gp3 { get; }

    public ServicePrices Services { get; }

    /// <summary>Where the instance, EBS, spot and service figures came from, each with its date.</summary>
    public IReadOnlyList<DataOrigin> Origins { get; }

    /// <summary>
    /// The "prices as of" shown to users: the date of the region's EC2 on-demand prices, which make up
    /// most of every estimate (the newest such date where sources are mixed). Other figures keep their
    /// own dates in <see cref="Origins"/>, and <see cref="OldestAsOf"/> drives the staleness warning.
    /// </summary>
    public DateOnly AsOf { get; }

    /// <summary>The oldest date among <see cref="Origins"/>, for staleness warnings.</summary>
    public DateOnly OldestAsOf { get; }

    public IReadOnlyList<string> InstanceTypeNames { get; }

    public InstancePrice? Find(string instanceType) => _instances.GetValueOrDefault(instanceType);
}
