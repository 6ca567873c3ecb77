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
        AsOf = origins.Count == 0 ? DateOnly.MinValue : origins.Max(o => o.AsOf);
        OldestAsOf = origins.Count == 0 ? DateOnly.MinValue : origins.Min(o => o.AsOf);
    }

    public Region Region { get; }

    public Gp3Prices Gp3 { get; }

    public ServicePrices Services { get; }

    /// <summary>Where the instance, EBS, spot and service figures came from, each with its date.</summary>
    public IReadOnlyList<DataOrigin> Origins { get; }

    /// <summary>The newest date among <see cref="Origins"/>: the "prices as of" shown to users.</summary>
    public DateOnly AsOf { get; }

    /// <summary>The oldest date among <see cref="Origins"/>, for staleness warnings.</summary>
    public DateOnly OldestAsOf { get; }

    public IReadOnlyList<string> InstanceTypeNames { get; }

    public InstancePrice? Find(string instanceType) => _instances.GetValueOrDefault(instanceType);
}
