using CostCalc.Domain.Catalog;
using CostCalc.Domain.Estimation;
using CostCalc.Domain.Prices;
using CostCalc.Domain.Scenarios;

namespace CostCalc.Domain.Tests.TestSupport;

/// <summary>
/// A small, hand-built catalog and price book made of the figures in docs/model.md and the
/// raw-data/ files it cites. Every test shares these; nothing here is computed by the code under test.
/// </summary>
/// <remarks>
/// Specs: ec2-instance-types.csv (vCPU, MiB, architecture, hypervisor), ec2-eni-limits-and-bandwidth-karpenter.csv
/// (ENIs and IPv4 per ENI of the default card), eni-max-pods.txt (listed max pods; model.md §2.2 table),
/// model.md §5.2 (burstable baselines). Prices: model.md §5.4 / Karpenter's us-east-1 table of 2026-07-20,
/// RI rates from ec2-prices-linux-by-region.csv, spot savings from ec2-spot-advisor.csv, services from
/// model.md §1 and eks-and-related-pricing-facts.csv.
/// </remarks>
public static class Fixture
{
    public const string Region = "us-east-1";

    /// <summary>A region with a partial price list and us-east-1 service rates (not region-scoped).</summary>
    public const string OtherRegion = "eu-west-1";

    public static DateOnly InstancePricesAsOf { get; } = new(2026, 7, 20);

    public static DateOnly SpotAdvisorAsOf { get; } = new(2025, 6, 28);

    public static DateOnly ServicePricesAsOf { get; } = new(2026, 7, 7);

    /// <summary>ebs-prices-by-region.csv: the oldest figure in the book.</summary>
    public static DateOnly Gp3AsOf { get; } = new(2024, 7, 18);

    /// <summary>A "today" at which no price is stale (within 180 days of the oldest figure).</summary>
    public static DateOnly Today { get; } = Gp3AsOf.AddDays(30);

    // name, family, size, vCPU, MiB, arch, current generation, Nitro, burstable baseline, ENIs, IPv4/ENI, listed max pods
    public static InstanceType T3Medium { get; } = Type("t3.medium", 2, 4096, CpuArchitecture.X64, true, true, 0.20, 3, 6, 17);
    public static InstanceType T3Large { get; } = Type("t3.large", 2, 8192, CpuArchitecture.X64, true, true, 0.30, 3, 12, 35);
    public static InstanceType M5Large { get; } = Type("m5.large", 2, 8192, CpuArchitecture.X64, false, true, null, 3, 10, 29);
    public static InstanceType M5XLarge { get; } = Type("m5.xlarge", 4, 16384, CpuArchitecture.X64, false, true, null, 4, 15, 58);
    public static InstanceType M52XLarge { get; } = Type("m5.2xlarge", 8, 32768, CpuArchitecture.X64, false, true, null, 4, 15, 58);
    public static InstanceType M54XLarge { get; } = Type("m5.4xlarge", 16, 65536, CpuArchitecture.X64, false, true, null, 8, 30, 234);
    public static InstanceType M58XLarge { get; } = Type("m5.8xlarge", 32, 131072, CpuArchitecture.X64, false, true, null, 8, 30, 234);
    public static InstanceType M512XLarge { get; } = Type("m5.12xlarge", 48, 196608, CpuArchitecture.X64, false, true, null, 8, 30, 234);
    public static InstanceType M516XLarge { get; } = Type("m5.16xlarge", 64, 262144, CpuArchitecture.X64, false, true, null, 15, 50, 737);
    public static InstanceType M524XLarge { get; } = Type("m5.24xlarge", 96, 393216, CpuArchitecture.X64, false, true, null, 15, 50, 737);
    public static InstanceType M6iLarge { get; } = Type("m6i.large", 2, 8192, CpuArchitecture.X64, false, true, null, 3, 10, 29);
    public static InstanceType C5XLarge { get; } = Type("c5.xlarge", 4, 8192, CpuArchitecture.X64, false, true, null, 4, 15, 58);
    public static InstanceType C7gXLarge { get; } = Type("c7g.xlarge", 4, 8192, CpuArchitecture.Arm64, true, true, null, 4, 15, 58);
    public static InstanceType C54XLarge { get; } = Type("c5.4xlarge", 16, 32768, CpuArchitecture.X64, false, true, null, 8, 30, 234);

    /// <summary>Xen (not Nitro), burstable 20 % (model.md §5.2, t2 medium).</summary>
    public static InstanceType T2Medium { get; } = Type("t2.medium", 2, 4096, CpuArchitecture.X64, true, false, 0.20, 3, 6, 17);

    /// <summary>Xen (not Nitro): in the catalog but deliberately left out of the price book.</summary>
    public static InstanceType M4Large { get; } = Type("m4.large", 2, 8192, CpuArchitecture.X64, false, false, null, 2, 10, 20);

    /// <summary>The m5 family from smallest to largest, for monotonicity checks.</summary>
    public static IReadOnlyList<InstanceType> M5Family { get; } =
        [M5Large, M5XLarge, M52XLarge, M54XLarge, M58XLarge, M512XLarge, M516XLarge, M524XLarge];

    public static IReadOnlyList<InstanceType> AllTypes { get; } =
        [T2Medium, T3Medium, T3Large, .. M5Family, M6iLarge, C5XLarge, C7gXLarge, C54XLarge, M4Large];

    /// <summary>Every type with a us-east-1 price (all but m4.large).</summary>
    public static IReadOnlyList<InstanceType> PricedTypes { get; } = [.. AllTypes.Where(t => t != M4Large)];

    public static ServicePrices Services { get; } = new(
        EksClusterUsdPerHour: 0.10m,
        EksExtendedSupportUsdPerHour: 0.60m,
        FargateUsdPerVcpuHour: 0.04048m,
        FargateUsdPerGbHour: 0.004445m,
        AutoModeFeeShareOfOnDemand: 0.12m,
        AlbUsdPerHour: 0.0225m,
        AlbUsdPerLcuHour: 0.008m,
        NatGatewayUsdPerHour: 0.045m,
        NatGatewayUsdPerGb: 0.045m,
        CrossAzUsdPerGbEachDirection: 0.01m,
        CpuCreditUsdPerVcpuHour: 0.05m,
        RegionScoped: true)
    {
        CpuCreditGravitonUsdPerVcpuHour = 0.04m,
        InternetEgress = new EgressTiers(0.09m, 0.085m, 0.07m, 0.05m, FreeGbPerMonth: 100),
        Nlb = new NlbRates(0.0225m, 0.006m),
    };

    public static Gp3Prices Gp3 { get; } = new(0.08m, 0.005m, 0.04m, RegionScoped: true);

    /// <summary>us-east-1 prices: on-demand (model.md §5.4), RI No Upfront where the fixture has them, spot savings %.</summary>
    public static IReadOnlyDictionary<string, InstancePrice> UsEast1InstancePrices { get; } = new Dictionary<string, InstancePrice>
    {
        ["t2.medium"] = new(0.0464m, null, null, null, null, null),
        ["t3.medium"] = new(0.0416m, 0.0261m, 0.018m, 0.03m, 0.0206m, 56),
        ["t3.large"] = new(0.0832m, null, null, null, null, 62),
        ["m5.large"] = new(0.096m, 0.06m, 0.041m, 0.071m, 0.049m, 66),
        ["m5.xlarge"] = new(0.192m, null, null, null, null, 66),
        ["m5.2xlarge"] = new(0.384m, null, null, null, null, 54),
        ["m5.4xlarge"] = new(0.768m, null, null, null, null, 58),
        ["m5.8xlarge"] = new(1.536m, null, null, null, null, 69),
        ["m5.12xlarge"] = new(2.304m, null, null, null, null, 69),
        ["m5.16xlarge"] = new(3.072m, null, null, null, null, 71),
        ["m5.24xlarge"] = new(4.608m, null, null, null, null, 75),
        ["m6i.large"] = new(0.096m, 0.0635m, 0.04355m, 0.07053m, 0.04869m, 63),
        ["c5.xlarge"] = new(0.17m, 0.107m, 0.071m, 0.123m, 0.082m, 56),
        ["c7g.xlarge"] = new(0.145m, null, null, null, null, 62),
        ["c5.4xlarge"] = new(0.68m, null, null, null, null, 66),

        // A price with no catalog entry: ranking must skip it.
        ["x9.unlisted"] = new(0.01m, null, null, null, null, null),
    };

    public static IReadOnlyList<DataOrigin> UsEast1Origins { get; } =
    [
        new("EC2 on-demand prices", "Karpenter zz_generated.pricing_aws.go", InstancePricesAsOf),
        new("Spot savings", "AWS Spot Advisor feed", SpotAdvisorAsOf),
        new("EKS, Fargate, ALB, NAT rates", "eks-and-related-pricing-facts.csv", ServicePricesAsOf),
        new("EBS gp3", "ebs-prices-by-region.csv", Gp3AsOf),
    ];

    public static InstanceCatalog Catalog { get; } =
        new(AllTypes, new DataOrigin("Instance types", "ec2-instance-types.csv", new DateOnly(2026, 8, 2)));

    public static PriceBook Prices { get; } = new("test-snapshot", "hand-built test fixture", InstancePricesAsOf,
    [
        new RegionPrices(new Region(Region, "US East (N. Virginia)"), UsEast1InstancePrices, Gp3, Services, UsEast1Origins),
        new RegionPrices(new Region(OtherRegion, "Europe (Ireland)"),
            new Dictionary<string, InstancePrice> { ["m6i.large"] = new(0.107m, null, null, null, null, null) },
            Gp3 with { RegionScoped = false },
            Services with { RegionScoped = false },
            [new("EC2 on-demand prices", "test", InstancePricesAsOf)]),
    ]);

    public static Estimator Estimator { get; } = new(Catalog, Prices);

    public static Estimate Estimate(Scenario scenario) => Estimator.Estimate(scenario, Today);

    public static InstanceType Find(string name) =>
        Catalog.Find(name) ?? throw new ArgumentException($"No fixture type {name}.", nameof(name));

    /// <summary>The figures of a type in the shape the model takes; family and size come from the name.</summary>
    public static InstanceType Type(
        string name, int vcpu, int memoryMiB, CpuArchitecture architecture, bool currentGeneration, bool nitro,
        double? burstableBaselinePerVcpu, int maxEnis, int ipv4PerEni, int? listedMaxPods)
    {
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        return new InstanceType(name, name[..dot], name[(dot + 1)..], vcpu, memoryMiB, architecture, currentGeneration,
            BareMetal: false, nitro, burstableBaselinePerVcpu, maxEnis, ipv4PerEni, listedMaxPods);
    }

    /// <summary>Hides EKS on Fargate and both ECS paths: EC2 against EKS on nodes only, the comparison before paths were a list.</summary>
    public static PathList OnlyEc2AndEks { get; } = PathList.Of([PathIds.EksFargate, PathIds.EcsEc2, PathIds.EcsFargate]);

    /// <summary>Hides EKS on nodes and both ECS paths: EC2 against EKS on Fargate, what the old Fargate switch compared.</summary>
    public static PathList OnlyEc2AndFargate { get; } = PathList.Of([PathIds.Eks, PathIds.EcsEc2, PathIds.EcsFargate]);

    /// <summary>Hides the two ECS paths: the three paths compared before ECS was added (EC2, EKS, EKS on Fargate).</summary>
    public static PathList WithoutEcs { get; } = PathList.Of([PathIds.EcsEc2, PathIds.EcsFargate]);

    /// <summary>The default scenario on the three paths compared before ECS was added.</summary>
    public static Scenario ThreePathDefault { get; } = Scenario.Default with { HiddenPaths = WithoutEcs };

    /// <summary>The verdict's comparison of one path against the reference path.</summary>
    public static PathComparison Comparison(this Estimate estimate, string path) =>
        estimate.Verdict.Comparisons.Single(c => c.Path == path);

    /// <summary>
    /// With exactly two paths shown, the first month whose cumulative difference has the other sign from
    /// month 1's (the old Estimate.BreakEvenMonth). The reference path's comparison with itself never
    /// crosses, so the month is the other path's; null when the paths never cross or cannot both be costed.
    /// </summary>
    public static int? TwoPathBreakEvenMonth(this Estimate estimate)
    {
        var comparisons = estimate.Verdict.Comparisons;
        if (comparisons.Count != 2)
        {
            throw new InvalidOperationException($"Expected two paths, got {comparisons.Count}.");
        }

        return comparisons.Select(c => c.BreakEvenMonth).SingleOrDefault(m => m is not null);
    }

    public static CostLine Line(this PathEstimate estimate, CostKind kind) =>
        estimate.CostLines.Single(l => l.Kind == kind);

    public static bool HasLine(this PathEstimate estimate, CostKind kind) =>
        estimate.CostLines.Any(l => l.Kind == kind);
}
