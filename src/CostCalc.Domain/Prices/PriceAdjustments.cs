using System.Globalization;
using CostCalc.Domain.Scenarios;

namespace CostCalc.Domain.Prices;

/// <summary>
/// The user's prices, applied in one place and one order (docs/model.md §10): the list rate, replaced by the
/// user's override of it; then the purchase option (reserved, Savings Plan — the user's SP discount where the
/// snapshot has no SP rate — or spot); then the family's discount %. Built once per scenario: the plans read
/// the adjusted <see cref="RegionPrices"/> as they read list prices, and ask it for the note each cost line
/// shows (<see cref="Note"/>, <see cref="InstanceNote"/>).
/// </summary>
public sealed class PriceAdjustments
{
    private readonly Scenario _scenario;
    private readonly RegionPrices _list;
    private readonly Dictionary<string, decimal> _overrides = new(StringComparer.Ordinal);
    private readonly Dictionary<string[], string?> _notes = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<(string, PurchaseOption), string?> _instanceNotes = [];
    private readonly Lock _lock = new();

    private PriceAdjustments(Scenario scenario, RegionPrices list)
    {
        _scenario = scenario;
        _list = list;
        foreach (var o in scenario.RateOverrides)
        {
            if (o?.Rate is { } rate && o.Usd is { } usd)
            {
                _overrides[rate] = usd;
            }
        }
    }

    /// <summary>Whether the scenario changes any AWS rate: a discount, the SP discount, or an override.</summary>
    public static bool Any(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return scenario.Ec2DiscountPercent > 0 || scenario.FargateDiscountPercent > 0 || scenario.EksFeeDiscountPercent > 0
            || scenario.LoadBalancingDiscountPercent > 0 || scenario.DataTransferDiscountPercent > 0
            || scenario.SavingsPlanDiscountPercent > 0 || scenario.RateOverrides.Count > 0;
    }

    /// <summary>The region at the scenario's prices: <paramref name="list"/> itself when the scenario adjusts nothing.</summary>
    public static RegionPrices Apply(Scenario scenario, RegionPrices list)
    {
        ArgumentNullException.ThrowIfNull(list);
        return !Any(scenario) ? list : new PriceAdjustments(scenario, list).Build();
    }

    /// <summary>The family's discount, in percent.</summary>
    public decimal Percent(PriceFamily family) => (decimal)(family switch
    {
        PriceFamily.Ec2 => _scenario.Ec2DiscountPercent,
        PriceFamily.Fargate => _scenario.FargateDiscountPercent,
        PriceFamily.EksFees => _scenario.EksFeeDiscountPercent,
        PriceFamily.LoadBalancing => _scenario.LoadBalancingDiscountPercent,
        PriceFamily.DataTransfer => _scenario.DataTransferDiscountPercent,
        _ => 0,
    });

    /// <summary>What is left of a price after the family's discount: 1 − percent / 100.</summary>
    public decimal Factor(PriceFamily family) => 1 - (Percent(family) / 100);

    /// <summary>The user's price of a rate, or null when it is not overridden.</summary>
    public decimal? Override(string rate) => _overrides.TryGetValue(rate, out var usd) ? usd : null;

    /// <summary>One service rate: the override or the list rate, less the family's discount.</summary>
    private decimal Rate(string name, decimal list, PriceFamily family) => (Override(name) ?? list) * Factor(family);

    private RegionPrices Build()
    {
        var instances = new Dictionary<string, InstancePrice>(_list.InstanceTypeNames.Count, StringComparer.Ordinal);
        foreach (var name in _list.InstanceTypeNames)
        {
            instances[name] = Instance(name, _list.Find(name)!);
        }

        var s = _list.Services;
        const PriceFamily lb = PriceFamily.LoadBalancing;
        const PriceFamily dt = PriceFamily.DataTransfer;
        var services = s with
        {
            EksClusterUsdPerHour = Rate(PriceRates.ControlPlane, s.EksClusterUsdPerHour, PriceFamily.EksFees),
            EksExtendedSupportUsdPerHour = Rate(PriceRates.ControlPlaneExtended, s.EksExtendedSupportUsdPerHour, PriceFamily.EksFees),
            FargateUsdPerVcpuHour = Rate(PriceRates.FargateVcpu, s.FargateUsdPerVcpuHour, PriceFamily.Fargate),
            FargateUsdPerGbHour = Rate(PriceRates.FargateGb, s.FargateUsdPerGbHour, PriceFamily.Fargate),
            AlbUsdPerHour = Rate(PriceRates.Alb, s.AlbUsdPerHour, lb),
            AlbUsdPerLcuHour = Rate(PriceRates.AlbLcu, s.AlbUsdPerLcuHour, lb),
            Nlb = new NlbRates(Rate(PriceRates.Nlb, s.Nlb.UsdPerHour, lb), Rate(PriceRates.NlbNlcu, s.Nlb.UsdPerNlcuHour, lb)),
            NatGatewayUsdPerHour = Rate(PriceRates.NatGateway, s.NatGatewayUsdPerHour, PriceFamily.None),
            NatGatewayUsdPerGb = Rate(PriceRates.NatGb, s.NatGatewayUsdPerGb, PriceFamily.None),
            CrossAzUsdPerGbEachDirection = Rate(PriceRates.CrossAzGb, s.CrossAzUsdPerGbEachDirection, dt),
            InternetEgress = s.InternetEgress with
            {
                First10TbUsdPerGb = Rate(PriceRates.EgressTier1, s.InternetEgress.First10TbUsdPerGb, dt),
                Next40TbUsdPerGb = Rate(PriceRates.EgressTier2, s.InternetEgress.Next40TbUsdPerGb, dt),
                Next100TbUsdPerGb = Rate(PriceRates.EgressTier3, s.InternetEgress.Next100TbUsdPerGb, dt),
                Over150TbUsdPerGb = Rate(PriceRates.EgressTier4, s.InternetEgress.Over150TbUsdPerGb, dt),
            },
            CpuCreditUsdPerVcpuHour = Rate(PriceRates.CpuCredit, s.CpuCreditUsdPerVcpuHour, PriceFamily.Ec2),
            CpuCreditGravitonUsdPerVcpuHour = Rate(PriceRates.CpuCreditGraviton, s.CpuCreditGravitonUsdPerVcpuHour, PriceFamily.Ec2),
        };
        var gp3 = _list.Gp3 with { UsdPerGbMonth = Rate(PriceRates.Gp3Gb, _list.Gp3.UsdPerGbMonth, PriceFamily.None) };
        return new RegionPrices(_list, instances, gp3, services, this);
    }

    /// <summary>
    /// One type's rates: each purchase option's list rate or its override; a Savings Plan with neither, the
    /// user's SP discount off on-demand (when stated); then the EC2 discount on every rate. Spot stays on-demand
    /// less the Spot Advisor saving, so it follows the adjusted on-demand rate.
    /// </summary>
    private InstancePrice Instance(string type, InstancePrice list)
    {
        var onDemand = Override(PriceRates.InstanceRate(type, PurchaseOption.OnDemand)) ?? list.OnDemandUsdPerHour;
        var sp = (decimal)_scenario.SavingsPlanDiscountPercent;
        var factor = Factor(PriceFamily.Ec2);
        decimal? Option(PurchaseOption option)
        {
            var rate = Override(PriceRates.InstanceRate(type, option)) ?? list.UsdPerHour(option);
            if (rate is null && sp > 0 && option is PurchaseOption.SavingsPlan1Year or PurchaseOption.SavingsPlan3Year)
            {
                rate = onDemand * (1 - (sp / 100));
            }

            return rate * factor;
        }

        return list with
        {
            OnDemandUsdPerHour = onDemand * factor,
            ReservedStandard1YearUsdPerHour = Option(PurchaseOption.ReservedStandard1Year),
            ReservedStandard3YearUsdPerHour = Option(PurchaseOption.ReservedStandard3Year),
            ReservedConvertible1YearUsdPerHour = Option(PurchaseOption.ReservedConvertible1Year),
            ReservedConvertible3YearUsdPerHour = Option(PurchaseOption.ReservedConvertible3Year),
            SavingsPlan1YearUsdPerHour = Option(PurchaseOption.SavingsPlan1Year),
            SavingsPlan3YearUsdPerHour = Option(PurchaseOption.SavingsPlan3Year),
        };
    }

    /// <summary>
    /// How a line priced at these service rates differs from list ("ALB LCU $0.006/h replaces list $0.008/h;
    /// −10 % load-balancing discount"), or null when it is at list price. Pass a static array: notes are kept by it.
    /// </summary>
    public string? Note(PriceFamily family, string[] rates)
    {
        ArgumentNullException.ThrowIfNull(rates);
        lock (_lock)
        {
            if (!_notes.TryGetValue(rates, out var note))
            {
                var parts = new List<string>();
                foreach (var name in rates)
                {
                    if (Override(name) is { } usd && PriceRates.Find(_list, name) is { } rate)
                    {
                        parts.Add(Replaces(name, usd, rate.List(_list), rate.Unit));
                    }
                }

                note = Join(parts, family);
                _notes[rates] = note;
            }

            return note;
        }
    }

    /// <summary>How an instance rate differs from list: the override, the user's SP rate, the EC2 discount; null at list price.</summary>
    public string? InstanceNote(string type, PurchaseOption option)
    {
        ArgumentNullException.ThrowIfNull(type);
        lock (_lock)
        {
            if (!_instanceNotes.TryGetValue((type, option), out var note))
            {
                var parts = new List<string>();
                var list = _list.Find(type);
                var named = option == PurchaseOption.Spot ? PurchaseOption.OnDemand : option;
                var rate = PriceRates.InstanceRate(type, named);
                if (Override(rate) is { } usd)
                {
                    parts.Add((option == PurchaseOption.Spot ? "spot from your on-demand rate: " : "") + Replaces(rate, usd, list?.UsdPerHour(named), RateUnit.Hour));
                }
                else if (option is PurchaseOption.SavingsPlan1Year or PurchaseOption.SavingsPlan3Year
                    && list?.UsdPerHour(option) is null && _scenario.SavingsPlanDiscountPercent > 0)
                {
                    parts.Add(Format($"your SP rate: on-demand less {_scenario.SavingsPlanDiscountPercent:0.##} % (the snapshot has no Savings Plan rates)"));
                }

                note = Join(parts, PriceFamily.Ec2);
                _instanceNotes[(type, option)] = note;
            }

            return note;
        }
    }

    private string? Join(List<string> parts, PriceFamily family)
    {
        if (Percent(family) > 0)
        {
            parts.Add(Format($"−{Percent(family):0.##} % {FamilyName(family)} discount"));
        }

        return parts.Count == 0 ? null : string.Join("; ", parts);
    }

    private static string Replaces(string name, decimal usd, decimal? list, RateUnit unit)
    {
        var per = unit == RateUnit.Hour ? "/h" : "/unit";
        return list is { } l
            ? Format($"{name} ${usd:0.######}{per} replaces list ${l:0.######}{per}")
            : Format($"{name} ${usd:0.######}{per} (your rate; no list rate)");
    }

    /// <summary>"EC2", "Fargate", "EKS-fee", "load-balancing", "data-transfer".</summary>
    public static string FamilyName(PriceFamily family) => family switch
    {
        PriceFamily.Ec2 => "EC2",
        PriceFamily.Fargate => "Fargate",
        PriceFamily.EksFees => "EKS-fee",
        PriceFamily.LoadBalancing => "load-balancing",
        PriceFamily.DataTransfer => "data-transfer",
        _ => "",
    };

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
