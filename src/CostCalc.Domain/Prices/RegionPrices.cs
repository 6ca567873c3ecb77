using CostCalc.Domain.Catalog;

namespace CostCalc.Domain.Prices;

public sealed record Region(string Code, string Name);

/// <summary>The EKS Auto Mode fee of one instance type as the AmazonEKS price list gives it, and where it came from.</summary>
public sealed record AutoModeFee(decimal UsdPerHour, DataOrigin Origin);

/// <summary>
/// The Auto Mode fee used for one instance type: the listed per-type rate when the snapshot has it
/// (<see cref="Listed"/>), else the cited share of the type's on-demand price.
/// </summary>
public readonly record struct AutoModeFeeRate(decimal UsdPerHour, AutoModeFee? Listed, decimal ShareOfOnDemand);

/// <summary>Every price the model needs for one region, with where each group came from.</summary>
public sealed class RegionPrices
{
    private readonly Dictionary<string, InstancePrice> _instances;
    private readonly Dictionary<string, AutoModeFee> _autoModeFees;

    public RegionPrices(
        Region region,
        IReadOnlyDictionary<string, InstancePrice> instances,
        Gp3Prices gp3,
        ServicePrices services,
        IReadOnlyList<DataOrigin> origins,
        IReadOnlyDictionary<string, AutoModeFee>? autoModeFees = null)
    {
        Region = region;
        _instances = new Dictionary<string, InstancePrice>(instances, StringComparer.Ordinal);
        Gp3 = gp3;
        Services = services;
        Origins = origins;
        _autoModeFees = autoModeFees is null
            ? new Dictionary<string, AutoModeFee>(StringComparer.Ordinal)
            : new Dictionary<string, AutoModeFee>(autoModeFees, StringComparer.Ordinal);
        InstanceTypeNames = [.. _instances.Keys.Order(StringComparer.Ordinal)];
        List = this;
        var instancePrices = origins.Where(o => o.IsEc2OnDemand).ToList();
        AsOf = (instancePrices.Count > 0 ? instancePrices : origins).Select(o => o.AsOf).DefaultIfEmpty(DateOnly.MinValue).Max();
        OldestAsOf = origins.Count == 0 ? DateOnly.MinValue : origins.Min(o => o.AsOf);
    }

    /// <summary>
    /// The same region at the user's prices (docs/model.md §10): every rate after overrides, purchase options and
    /// family discounts; the list-price region stays in <see cref="List"/>.
    /// </summary>
    internal RegionPrices(RegionPrices list, IReadOnlyDictionary<string, InstancePrice> instances, Gp3Prices gp3, ServicePrices services, PriceAdjustments adjustments)
    {
        ArgumentNullException.ThrowIfNull(list);
        Region = list.Region;
        _instances = new Dictionary<string, InstancePrice>(instances, StringComparer.Ordinal);
        _autoModeFees = list._autoModeFees;
        Gp3 = gp3;
        Services = services;
        Origins = list.Origins;
        InstanceTypeNames = list.InstanceTypeNames;
        AsOf = list.AsOf;
        OldestAsOf = list.OldestAsOf;
        List = list;
        Adjustments = adjustments;
    }

    public Region Region { get; }

    /// <summary>The region at list prices: this region itself unless it is adjusted.</summary>
    public RegionPrices List { get; }

    /// <summary>How these prices differ from the list's (for the cost lines' notes); null at list prices.</summary>
    public PriceAdjustments? Adjustments { get; }

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

    /// <summary>Instance types with a listed Auto Mode fee (refreshed AmazonEKS price lists only), in name order.</summary>
    public IReadOnlyList<string> AutoModeFeeTypes => [.. _autoModeFees.Keys.Order(StringComparer.Ordinal)];

    /// <summary>The listed Auto Mode fee of a type, or null when the snapshot has none for it.</summary>
    public AutoModeFee? FindAutoModeFee(string instanceType) => _autoModeFees.GetValueOrDefault(instanceType);

    /// <summary>
    /// The Auto Mode fee per hour of a priced type: the listed rate, else the share of its on-demand
    /// price. Never a Savings Plan, reserved or Spot rate: the fee is an AmazonEKS charge (model.md §1.2).
    /// At adjusted prices the fee is the list fee less the EKS-fee discount: an EC2 override or discount
    /// does not change it (model.md §10).
    /// </summary>
    public AutoModeFeeRate AutoModeFeeUsdPerHour(string instanceType)
    {
        var share = Services.AutoModeFeeShareOfOnDemand;
        var factor = Adjustments?.Factor(PriceFamily.EksFees) ?? 1;
        if (FindAutoModeFee(instanceType) is { } listed)
        {
            return new(listed.UsdPerHour * factor, listed, share);
        }

        var onDemand = List.Find(instanceType)?.OnDemandUsdPerHour
            ?? throw new ArgumentException($"{instanceType} has no price in {Region.Code}.", nameof(instanceType));
        return new(onDemand * share * factor, null, share);
    }
}
