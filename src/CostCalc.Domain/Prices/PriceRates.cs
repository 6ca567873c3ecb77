using CostCalc.Domain.Scenarios;

namespace CostCalc.Domain.Prices;

/// <summary>The families a discount % applies to (docs/model.md §10); <see cref="None"/> rates take overrides only.</summary>
public enum PriceFamily
{
    None,
    Ec2,
    Fargate,
    EksFees,
    LoadBalancing,
    DataTransfer,
}

/// <summary>How a rate is billed: per hour (of an instance, a cluster, a capacity unit) or per unit (GB, GB-month).</summary>
public enum RateUnit
{
    Hour,
    Unit,
}

/// <summary>One rate of the model a user may override: its name as cost lines give it, unit, family and list price.</summary>
public sealed record PriceRate(string Name, RateUnit Unit, PriceFamily Family, string UnitText, Func<RegionPrices, decimal?> List)
{
    /// <summary>The JSON member an override of this rate gives its price in.</summary>
    public string Member => Unit == RateUnit.Hour ? "usdPerHour" : "usdPerUnit";
}

/// <summary>
/// Every rate a <see cref="RateOverride"/> may name: "{instance type} {purchase option}" (any purchase option
/// but spot, which follows on-demand) for each type priced in the region, and the service rates below.
/// </summary>
public static class PriceRates
{
    public const string ControlPlane = "EKS control plane";
    public const string ControlPlaneExtended = "EKS control plane extended support";
    public const string FargateVcpu = "Fargate vCPU";
    public const string FargateGb = "Fargate GB";
    public const string Alb = "ALB";
    public const string AlbLcu = "ALB LCU";
    public const string Nlb = "NLB";
    public const string NlbNlcu = "NLB NLCU";
    public const string NatGateway = "NAT gateway";
    public const string NatGb = "NAT GB";
    public const string CrossAzGb = "cross-AZ GB";
    public const string EgressTier1 = "egress tier 1";
    public const string EgressTier2 = "egress tier 2";
    public const string EgressTier3 = "egress tier 3";
    public const string EgressTier4 = "egress tier 4";
    public const string Gp3Gb = "EBS gp3 GB";
    public const string CpuCredit = "CPU credit";
    public const string CpuCreditGraviton = "CPU credit Graviton";

    public static IReadOnlyList<PriceRate> Services { get; } =
    [
        new(ControlPlane, RateUnit.Hour, PriceFamily.EksFees, "per cluster-hour", r => r.Services.EksClusterUsdPerHour),
        new(ControlPlaneExtended, RateUnit.Hour, PriceFamily.EksFees, "per cluster-hour", r => r.Services.EksExtendedSupportUsdPerHour),
        new(FargateVcpu, RateUnit.Hour, PriceFamily.Fargate, "per vCPU-hour", r => r.Services.FargateUsdPerVcpuHour),
        new(FargateGb, RateUnit.Hour, PriceFamily.Fargate, "per GB-hour", r => r.Services.FargateUsdPerGbHour),
        new(Alb, RateUnit.Hour, PriceFamily.LoadBalancing, "per ALB-hour", r => r.Services.AlbUsdPerHour),
        new(AlbLcu, RateUnit.Hour, PriceFamily.LoadBalancing, "per LCU-hour", r => r.Services.AlbUsdPerLcuHour),
        new(Nlb, RateUnit.Hour, PriceFamily.LoadBalancing, "per NLB-hour", r => r.Services.Nlb.UsdPerHour),
        new(NlbNlcu, RateUnit.Hour, PriceFamily.LoadBalancing, "per NLCU-hour", r => r.Services.Nlb.UsdPerNlcuHour),
        new(NatGateway, RateUnit.Hour, PriceFamily.None, "per gateway-hour", r => r.Services.NatGatewayUsdPerHour),
        new(NatGb, RateUnit.Unit, PriceFamily.None, "per GB processed", r => r.Services.NatGatewayUsdPerGb),
        new(CrossAzGb, RateUnit.Unit, PriceFamily.DataTransfer, "per GB each direction", r => r.Services.CrossAzUsdPerGbEachDirection),
        new(EgressTier1, RateUnit.Unit, PriceFamily.DataTransfer, "per GB, first 10 TB", r => r.Services.InternetEgress.First10TbUsdPerGb),
        new(EgressTier2, RateUnit.Unit, PriceFamily.DataTransfer, "per GB, next 40 TB", r => r.Services.InternetEgress.Next40TbUsdPerGb),
        new(EgressTier3, RateUnit.Unit, PriceFamily.DataTransfer, "per GB, next 100 TB", r => r.Services.InternetEgress.Next100TbUsdPerGb),
        new(EgressTier4, RateUnit.Unit, PriceFamily.DataTransfer, "per GB, over 150 TB", r => r.Services.InternetEgress.Over150TbUsdPerGb),
        new(Gp3Gb, RateUnit.Unit, PriceFamily.None, "per GB-month", r => r.Gp3.UsdPerGbMonth),
        new(CpuCredit, RateUnit.Hour, PriceFamily.Ec2, "per surplus vCPU-hour (T2/T3)", r => r.Services.CpuCreditUsdPerVcpuHour),
        new(CpuCreditGraviton, RateUnit.Hour, PriceFamily.Ec2, "per surplus vCPU-hour (T4g)", r => r.Services.CpuCreditGravitonUsdPerVcpuHour),
    ];

    /// <summary>Purchase options an instance rate may be overridden for: all but spot, which is on-demand less the Spot Advisor saving.</summary>
    public static IReadOnlyList<PurchaseOption> OverridableOptions { get; } =
        [.. Enum.GetValues<PurchaseOption>().Where(o => o != PurchaseOption.Spot)];

    /// <summary>"m6i.large onDemand": an instance rate's name.</summary>
    public static string InstanceRate(string instanceType, PurchaseOption option) => $"{instanceType} {ScenarioChoice.ApiName(option)}";

    /// <summary>The rate of that name in the region, or null when the model has none.</summary>
    public static PriceRate? Find(RegionPrices region, string? name)
    {
        ArgumentNullException.ThrowIfNull(region);
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        foreach (var rate in Services)
        {
            if (rate.Name == name)
            {
                return rate;
            }
        }

        return ParseInstance(name) is var (type, option) && region.Find(type) is not null
            ? new PriceRate(name, RateUnit.Hour, PriceFamily.Ec2, "per instance-hour", r => r.Find(type)?.UsdPerHour(option))
            : null;
    }

    /// <summary>"m6i.large reservedStandard1Year" → (m6i.large, ReservedStandard1Year); null for any other text.</summary>
    public static (string Type, PurchaseOption Option)? ParseInstance(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var space = name.LastIndexOf(' ');
        if (space <= 0)
        {
            return null;
        }

        var optionName = name[(space + 1)..];
        foreach (var option in OverridableOptions)
        {
            if (ScenarioChoice.ApiName(option) == optionName)
            {
                return (name[..space], option);
            }
        }

        return null;
    }
}
