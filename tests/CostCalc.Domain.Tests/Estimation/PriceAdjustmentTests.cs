using CostCalc.Domain.Estimation;
using CostCalc.Domain.Prices;
using CostCalc.Domain.Scenarios;
using CostCalc.Domain.Tests.TestSupport;

namespace CostCalc.Domain.Tests.Estimation;

/// <summary>
/// Your prices (docs/model.md §10): family discounts, the Savings Plan discount, rate overrides and fixed costs,
/// worked by hand from the fixture's list rates (model.md §1, §5.4).
/// </summary>
public sealed class PriceAdjustmentTests
{
    /// <summary>One instance (or node) per path: peak 1 connection, no minimum beyond one, no spare.</summary>
    private static readonly Scenario One = Scenario.Default with { PeakConnections = 1, MinimumInstances = 1, SpareInstances = 0 };

    [Fact]
    public void Estimate_TwentyPercentEc2DiscountOnOneYearReserved_IsTheReservedRateLessTwentyPercent()
    {
        // m6i.large 1-year standard reserved, no upfront: $0.0635/h (model.md §5.4).
        // 20 % EC2 discount after the purchase option: 0.0635 × 0.8 = $0.0508/h; one instance × 730 h = $37.084.
        var scenario = One with { Ec2PurchaseOption = PurchaseOption.ReservedStandard1Year, Ec2DiscountPercent = 20 };

        var compute = Fixture.Estimate(scenario)[PathIds.Ec2].Line(CostKind.Compute);

        Assert.Equal(37.084m, compute.MonthlyUsd);
        Assert.Contains("$0.0508/h", compute.Detail, StringComparison.Ordinal);
        Assert.Equal("−20 % EC2 discount", compute.Adjustment);
        Assert.Equal("adjusted: −20 % EC2 discount", compute.Basis);
    }

    [Fact]
    public void Estimate_ControlPlaneOverride_ReplacesTheListRateAndSaysWhichItReplaced()
    {
        // 1 cluster × $0.08/h (yours) × 730 h = $58.40, instead of 1 × $0.10 × 730 = $73.00 (model.md §1.1).
        var scenario = Scenario.Default with { RateOverrides = ItemList.Of(new RateOverride("EKS control plane", UsdPerHour: 0.08m)) };

        var estimate = Fixture.Estimate(scenario);

        foreach (var path in new[] { PathIds.Eks, PathIds.EksFargate })
        {
            var line = estimate[path].Line(CostKind.ControlPlane);
            Assert.Equal(58.40m, line.MonthlyUsd);
            Assert.Equal("EKS control plane $0.08/h replaces list $0.1/h", line.Adjustment);
        }

        Assert.False(estimate[PathIds.Ec2].HasLine(CostKind.ControlPlane));
    }

    [Fact]
    public void Estimate_FixedMonthlyFee_IsALineOfItsOwnOnItsPathOnly()
    {
        // A $250 a month support contract on the EC2 path: the EC2 total rises by exactly $250, the others not at all.
        var fee = new FixedCost("Support contract", PathIds.Ec2, UsdPerMonth: 250m);
        var list = Fixture.Estimate(Scenario.Default);

        var estimate = Fixture.Estimate(Scenario.Default with { FixedCosts = ItemList.Of(fee) });

        var line = estimate[PathIds.Ec2].Line(CostKind.FixedCost);
        Assert.Equal(("Support contract", 250m, "your figure"), (line.Name, line.MonthlyUsd, line.Basis));
        Assert.Equal(list[PathIds.Ec2].MonthlyUsd + 250m, estimate[PathIds.Ec2].MonthlyUsd);
        Assert.Equal(list[PathIds.Eks].MonthlyUsd, estimate[PathIds.Eks].MonthlyUsd);
        Assert.Equal(list[PathIds.EksFargate].MonthlyUsd, estimate[PathIds.EksFargate].MonthlyUsd);
        // Every month of the projection pays it: 36 months × $250 = $9,000 more over the horizon.
        Assert.Equal(list.Projection[PathIds.Ec2].CumulativeUsd[^1] + 9_000m, estimate.Projection[PathIds.Ec2].CumulativeUsd[^1]);
    }

    [Fact]
    public void Estimate_FixedCostPerMachineMonth_IsPaidForEveryMachine()
    {
        // $12 per node-month on EKS: the node count × $12 (a flat day: every node runs 730 h).
        var scenario = Scenario.Default with { FixedCosts = ItemList.Of(new FixedCost("Monitoring licence", PathIds.Eks, UsdPerMachineMonth: 12m)) };

        var eks = Fixture.Estimate(scenario)[PathIds.Eks];

        Assert.Equal(eks.Machines * 12m, eks.Line(CostKind.FixedCost).MonthlyUsd);
        Assert.Contains("node-months × $12", eks.Line(CostKind.FixedCost).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Estimate_OverrideThenDiscount_DiscountsTheOverriddenRate()
    {
        // 300,000 idle connections: 300,000 / 3,000 = 100 LCU (no new connections, no bytes; model.md §1.4).
        // ALB LCU overridden to $0.006, then −10 % load balancing: LCU 0.006 × 0.9 = 0.0054, hour 0.0225 × 0.9 = 0.02025.
        // (0.02025 + 100 × 0.0054) × 730 = 0.56025 × 730 = $408.9825. Discounting first and overriding after would give
        // (0.02025 + 100 × 0.006) × 730 = $452.7825; the override alone (0.0225 + 0.6) × 730 = $454.425.
        var scenario = Scenario.Default with
        {
            PeakConnections = 300_000, MessagesPerConnectionPerSecond = 0, NewConnectionsPerSecond = 0,
            LoadBalancingDiscountPercent = 10,
            RateOverrides = ItemList.Of(new RateOverride("ALB LCU", UsdPerHour: 0.006m)),
        };

        var alb = Fixture.Estimate(scenario)[PathIds.Ec2].Line(CostKind.LoadBalancer);

        Assert.Equal(408.9825m, alb.MonthlyUsd);
        Assert.Equal("ALB LCU $0.006/h replaces list $0.008/h; −10 % load-balancing discount", alb.Adjustment);
    }

    [Fact]
    public void Estimate_OverrideThenSavingsPlanThenDiscount_AppliesInThatOrder()
    {
        // m6i.large on-demand overridden to $0.08/h; the fixture has no SP rates, so a 30 % SP discount applies to it:
        // 0.08 × 0.7 = 0.056; then −10 % EC2: 0.056 × 0.9 = $0.0504/h × 730 = $36.792.
        var scenario = One with
        {
            Ec2PurchaseOption = PurchaseOption.SavingsPlan1Year,
            SavingsPlanDiscountPercent = 30,
            Ec2DiscountPercent = 10,
            RateOverrides = ItemList.Of(new RateOverride("m6i.large onDemand", UsdPerHour: 0.08m)),
        };

        var compute = Fixture.Estimate(scenario)[PathIds.Ec2].Line(CostKind.Compute);

        Assert.Equal(36.792m, compute.MonthlyUsd);
        Assert.Contains("$0.0504/h", compute.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Estimate_SavingsPlanDiscountWithoutSnapshotRates_IsYourSpRateAndNoFallback()
    {
        // No SP rate in the fixture: 0 % falls back to on-demand with a warning; 25 % gives 0.096 × 0.75 = $0.072/h × 730 = $52.56.
        var sp = One with { Ec2PurchaseOption = PurchaseOption.SavingsPlan3Year };

        var fallback = Fixture.Estimate(sp);
        var yours = Fixture.Estimate(sp with { SavingsPlanDiscountPercent = 25 });

        Assert.Contains(fallback.Warnings, w => w.Code == "ec2-price-fallback");
        Assert.Equal(70.08m, fallback[PathIds.Ec2].Line(CostKind.Compute).MonthlyUsd);
        Assert.DoesNotContain(yours.Warnings, w => w.Code == "ec2-price-fallback");
        var line = yours[PathIds.Ec2].Line(CostKind.Compute);
        Assert.Equal(52.56m, line.MonthlyUsd);
        Assert.StartsWith("your SP rate", line.Adjustment, StringComparison.Ordinal);
    }

    [Fact]
    public void Estimate_SnapshotSavingsPlanRate_IsKeptWhateverYourSpDiscount()
    {
        // A snapshot SP rate ($0.06/h for m6i.large) wins over the stated discount: 0.06 × 730 = $43.80, list price.
        var prices = new Dictionary<string, InstancePrice>(Fixture.UsEast1InstancePrices)
        {
            ["m6i.large"] = Fixture.UsEast1InstancePrices["m6i.large"] with { SavingsPlan1YearUsdPerHour = 0.06m },
        };
        var book = new PriceBook("sp", "test", Fixture.InstancePricesAsOf,
            [new RegionPrices(new Region(Fixture.Region, "US East"), prices, Fixture.Gp3, Fixture.Services, Fixture.UsEast1Origins)]);
        var estimator = new Estimator(Fixture.Catalog, book);
        var scenario = One with { Ec2PurchaseOption = PurchaseOption.SavingsPlan1Year, SavingsPlanDiscountPercent = 40 };

        var compute = estimator.Estimate(scenario, Fixture.Today)[PathIds.Ec2].Line(CostKind.Compute);

        Assert.Equal(43.80m, compute.MonthlyUsd);
        Assert.Null(compute.Adjustment);
    }

    [Fact]
    public void Estimate_AutoModeFee_TakesTheEksFeeDiscountNotTheEc2Discount()
    {
        // Auto Mode fee: 12 % of the list on-demand $0.096 = $0.01152/h per node (model.md §1.2). A 50 % EC2 discount
        // and an on-demand override leave it; a 25 % EKS-fee discount makes it 0.01152 × 0.75 = $0.00864/h.
        var auto = Scenario.Default with { AutoMode = true };
        var list = Fixture.Estimate(auto)[PathIds.Eks];
        var ec2Only = Fixture.Estimate(auto with
        {
            Ec2DiscountPercent = 50, RateOverrides = ItemList.Of(new RateOverride("m6i.large onDemand", UsdPerHour: 0.05m)),
        })[PathIds.Eks];
        var fees = Fixture.Estimate(auto with { EksFeeDiscountPercent = 25 })[PathIds.Eks];

        Assert.Equal(list.Machines * 0.01152m * 730, list.Line(CostKind.AutoModeFee).MonthlyUsd);
        Assert.Equal(list.Line(CostKind.AutoModeFee).MonthlyUsd, ec2Only.Line(CostKind.AutoModeFee).MonthlyUsd);
        Assert.Equal(fees.Machines * 0.00864m * 730, fees.Line(CostKind.AutoModeFee).MonthlyUsd);
        Assert.Equal("−25 % EKS-fee discount", fees.Line(CostKind.AutoModeFee).Adjustment);
    }

    [Fact]
    public void Estimate_Defaults_AreAtListPriceWithNoNotice()
    {
        var estimate = Fixture.Estimate(Scenario.Default);

        Assert.Null(estimate.AdjustedPrices);
        Assert.All(estimate.Paths.SelectMany(p => p.CostLines), l => Assert.Equal(l.Kind == CostKind.Operations ? "your figure" : "list price", l.Basis));
    }

    [Fact]
    public void Estimate_AdjustmentsThatFlipTheVerdict_SayTheListPriceVerdict()
    {
        // EC2 against EKS on Fargate only. Precondition, at list prices: EC2 is cheaper. A 90 % Fargate discount
        // takes a tenth of every Fargate pod-hour; at 100,000 connections that makes Fargate the cheaper path.
        var twoPaths = Scenario.Default with { HiddenPaths = Fixture.OnlyEc2AndFargate };
        var list = Fixture.Estimate(twoPaths);
        Assert.Equal(PathIds.Ec2, list.Verdict.CheapestPath);

        var flipped = Fixture.Estimate(twoPaths with { FargateDiscountPercent = 90 });
        var same = Fixture.Estimate(twoPaths with { Ec2DiscountPercent = 5 });

        Assert.Equal(PathIds.EksFargate, flipped.Verdict.CheapestPath);
        Assert.Equal(
            "Prices are adjusted (−90 % Fargate discount). They change the verdict: at list prices EC2 would be cheapest over the horizon, at yours EKS on Fargate is.",
            flipped.AdjustedPrices);
        Assert.Equal("Prices are adjusted (−5 % EC2 discount). The verdict is the same at list prices: EC2 is cheapest over the horizon.", same.AdjustedPrices);
    }

    [Theory]
    [MemberData(nameof(PropertyCases.Seeds), MemberType = typeof(PropertyCases))]
    public void Estimate_AnyDiscount_NeverRaisesACostLine(int seed)
    {
        var random = new Random(seed);
        var scenario = RandomScenarios.Any(random);
        var discounted = scenario with
        {
            Ec2DiscountPercent = Percent(random),
            FargateDiscountPercent = Percent(random),
            EksFeeDiscountPercent = Percent(random),
            LoadBalancingDiscountPercent = Percent(random),
            DataTransferDiscountPercent = Percent(random),
            SavingsPlanDiscountPercent = Percent(random),
        };

        var list = Fixture.Estimate(scenario);
        var yours = Fixture.Estimate(discounted);

        foreach (var (a, b) in list.Paths.Zip(yours.Paths))
        {
            Assert.Equal((a.Feasible, a.Machines), (b.Feasible, b.Machines));
            Assert.True(b.MonthlyUsd <= a.MonthlyUsd, $"{a.Name}: list ${a.MonthlyUsd}, discounted ${b.MonthlyUsd}");
            Assert.Equal(a.CostLines.Select(l => l.Name), b.CostLines.Select(l => l.Name));
            foreach (var (la, lb) in a.CostLines.Zip(b.CostLines))
            {
                Assert.True(lb.MonthlyUsd <= la.MonthlyUsd, $"{a.Name} {la.Name}: list ${la.MonthlyUsd}, discounted ${lb.MonthlyUsd}");
            }
        }

        foreach (var (a, b) in list.Projection.Paths.Zip(yours.Projection.Paths))
        {
            Assert.True((b.CumulativeUsd[^1] ?? 0) <= (a.CumulativeUsd[^1] ?? 0), $"{a.Path}: horizon list {a.CumulativeUsd[^1]}, discounted {b.CumulativeUsd[^1]}");
        }
    }

    [Theory]
    [MemberData(nameof(PropertyCases.Seeds), MemberType = typeof(PropertyCases))]
    public void Estimate_OverridesEqualToListPrices_ChangeNothing(int seed)
    {
        var random = new Random(seed);
        var scenario = RandomScenarios.Any(random);
        var region = Fixture.Prices.Find(scenario.Region)!;
        // Every service rate and the chosen types' rates, each at its own list price (read from the fixture, model.md §1).
        var overrides = PriceRates.Services.Select(r => r.Unit == RateUnit.Hour
                ? new RateOverride(r.Name, UsdPerHour: r.List(region))
                : new RateOverride(r.Name, UsdPerUnit: r.List(region)))
            .Concat(new[] { (scenario.Ec2InstanceType, scenario.Ec2PurchaseOption), (scenario.EksNodeInstanceType, scenario.EksPurchaseOption) }
                .Where(x => x.Item2 != PurchaseOption.Spot && region.Find(x.Item1)?.UsdPerHour(x.Item2) is not null)
                .Select(x => PriceRates.InstanceRate(x.Item1, x.Item2)).Distinct()
                .Select(name => new RateOverride(name, UsdPerHour: PriceRates.Find(region, name)!.List(region))));
        var same = scenario with { RateOverrides = ItemList.Of(overrides) };

        var list = Fixture.Estimate(scenario);
        var yours = Fixture.Estimate(same);

        foreach (var (a, b) in list.Paths.Zip(yours.Paths))
        {
            Assert.Equal(a.CostLines.Select(l => (l.Name, l.MonthlyUsd)), b.CostLines.Select(l => (l.Name, l.MonthlyUsd)));
        }

        Assert.Equal(list.Projection.Paths.Select(p => p.CumulativeUsd[^1]), yours.Projection.Paths.Select(p => p.CumulativeUsd[^1]));
        Assert.Equal(list.Verdict.CheapestPath, yours.Verdict.CheapestPath);
    }

    [Fact]
    public void Rank_WithEc2Discount_CostsEveryTypeLess()
    {
        // A 30 % EC2 discount lowers every ranked EC2 row: compute is most of each row, and nothing else rises.
        var list = Fixture.Estimator.Rank(Scenario.Default);
        var yours = Fixture.Estimator.Rank(Scenario.Default with { Ec2DiscountPercent = 30 });

        var before = list.Paths.Single(p => p.Path == PathIds.Ec2).Rows.ToDictionary(r => r.InstanceType, r => r.MonthlyUsd);
        foreach (var row in yours.Paths.Single(p => p.Path == PathIds.Ec2).Rows)
        {
            Assert.True(row.MonthlyUsd < before[row.InstanceType], row.InstanceType);
        }
    }

    private static double Percent(Random random) => random.Next(4) == 0 ? 0 : Math.Round(random.NextDouble() * 100, 1);
}
