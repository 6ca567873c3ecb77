using CostCalc.Domain.Estimation;
using CostCalc.Domain.Scenarios;
using CostCalc.Domain.Tests.TestSupport;

namespace CostCalc.Domain.Tests.Estimation;

/// <summary>The crossover chart's data: month-1 cost of every path on a log grid of peak connections, and where the cheapest changes.</summary>
public class CrossoverTests
{
    /// <summary>1k × 10^(i/8): 1,000, 1,334 (10^0.125 = 1.3335), … 10,000 at i = 8, … 100,000,000 at i = 40.</summary>
    [Fact]
    public void Grid_IsEightCountsADecadeFrom1kTo100M()
    {
        Assert.Equal(41, Crossover.Grid.Count);
        Assert.Equal(1_000, Crossover.Grid[0]);
        Assert.Equal(1_334, Crossover.Grid[1]);
        Assert.Equal(10_000, Crossover.Grid[8]);
        Assert.Equal(100_000_000, Crossover.Grid[^1]);
    }

    /// <summary>
    /// The default scenario: EC2 and EKS run the same m6i.large fleet plus $73 of control plane, so EC2 is cheaper
    /// everywhere; EKS's line lies $73 or more above EC2's at every count.
    /// </summary>
    [Fact]
    public void Crossover_DefaultScenario_Ec2CheapestThroughout()
    {
        var crossover = Fixture.Estimate(Scenario.Default with { HiddenPaths = Fixture.OnlyEc2AndEks }).Crossover!;

        Assert.Empty(crossover.Points);
        Assert.Equal(["EC2 is the cheapest from 1k to 100M connections."], crossover.Sentences);
        Assert.Equal(100_000, crossover.Current);
        var ec2 = crossover.Paths.Single(p => p.Path == PathIds.Ec2).MonthlyUsd;
        var eks = crossover.Paths.Single(p => p.Path == PathIds.Eks).MonthlyUsd;
        for (var i = 0; i < crossover.Connections.Count; i++)
        {
            Assert.True(eks[i] - ec2[i] >= 73m, $"{crossover.Connections[i]}: EKS {eks[i]} vs EC2 {ec2[i]}");
        }

        // The premium chart: EC2 is the cheapest, 0; EKS is (EKS − EC2) ÷ EC2 above it, at 1k connections, where the
        // fleets are smallest, the $73 control plane weighs most: a larger share than at 100M.
        var eksIndex = crossover.Paths.ToList().FindIndex(p => p.Path == PathIds.Eks);
        var ec2Index = crossover.Paths.ToList().FindIndex(p => p.Path == PathIds.Ec2);
        for (var i = 0; i < crossover.Connections.Count; i++)
        {
            Assert.Equal(0m, crossover.PremiumOverCheapest(ec2Index, i));
            Assert.Equal((eks[i] - ec2[i]) / ec2[i], crossover.PremiumOverCheapest(eksIndex, i));
        }

        Assert.True(crossover.PremiumOverCheapest(eksIndex, 0) > crossover.PremiumOverCheapest(eksIndex, crossover.Connections.Count - 1));
    }

    /// <summary>
    /// The month-1 cost on the grid at the scenario's own count is the estimate's: a 100,000-connection grid point
    /// (10^5 = index 16) has the month-1 totals of every path.
    /// </summary>
    [Fact]
    public void Crossover_AtTheScenariosCount_IsTheEstimatesMonth1()
    {
        var estimate = Fixture.Estimate(Scenario.Default);
        var crossover = estimate.Crossover!;

        Assert.Equal(100_000, crossover.Connections[16]);
        foreach (var series in crossover.Paths)
        {
            Assert.Equal(estimate[series.Path].MonthlyUsd, series.MonthlyUsd[16]);
        }
    }

    /// <summary>
    /// EKS on m5.2xlarge nodes with fixed 1 vCPU pods against EC2 on m6i.large: EKS packs 7 pods a node and pays a
    /// larger machine, so it is dearer at small counts and cheaper at large ones; the point found is where, one connection
    /// apart, EKS goes from not cheaper to cheaper.
    /// </summary>
    [Fact]
    public void Crossover_FixedPodsOnLargeNodes_FlipOnceWithAnExactPoint()
    {
        var scenario = Scenario.Default with
        {
            PodLayout = PodLayout.FixedPodSize,
            EksNodeInstanceType = "m5.2xlarge",
            HiddenPaths = Fixture.OnlyEc2AndEks,
        };
        var estimate = Fixture.Estimate(scenario);

        var point = Assert.Single(estimate.Crossover!.Points);

        Assert.Equal((PathIds.Ec2, PathIds.Eks), (point.From, point.To));
        Assert.StartsWith("EKS becomes cheaper than EC2 above ", point.Sentence, StringComparison.Ordinal);
        var region = Fixture.Prices.Find(Fixture.Region)!;
        var ec2 = DeploymentPaths.Ec2.Plan(scenario, region, Fixture.Catalog);
        var eks = DeploymentPaths.Eks.Plan(scenario, region, Fixture.Catalog);
        var sheet = CostSheet.Totals();
        Assert.True(Crossover.MonthlyUsd(eks, point.Connections, sheet) < Crossover.MonthlyUsd(ec2, point.Connections, sheet));
        Assert.True(Crossover.MonthlyUsd(eks, point.Connections - 1, sheet) >= Crossover.MonthlyUsd(ec2, point.Connections - 1, sheet));
        Assert.Equal(Crossover.MonthlyUsd(eks, point.Connections, sheet), point.Usd);
    }

    /// <summary>
    /// For random scenarios: each path's line never falls as connections grow (as the estimate never costs less with more
    /// connections), a path that cannot run is a gap (null), never $0, and every point lies where, one connection apart,
    /// the new cheapest path goes from not cheaper to cheaper.
    /// </summary>
    [Theory]
    [MemberData(nameof(PropertyCases.Seeds), MemberType = typeof(PropertyCases))]
    public void Crossover_LinesRiseAndPointsAreWhereTheCheapestChanges(int seed)
    {
        var random = new Random(seed);
        var scenario = RandomScenarios.Any(random);
        var estimate = Fixture.Estimate(scenario);
        var crossover = estimate.Crossover!;
        var region = Fixture.Prices.Find(scenario.Region)!;
        var plans = Fixture.Estimator.Shown(scenario).ToDictionary(p => p.Id, p => p.Plan(scenario, region, Fixture.Catalog));
        var sheet = CostSheet.Totals();

        Assert.Equal(estimate.Paths.Select(p => p.Id), crossover.Paths.Select(p => p.Path));
        foreach (var series in crossover.Paths)
        {
            Assert.Equal(crossover.Connections.Count, series.MonthlyUsd.Count);
            Assert.DoesNotContain(series.MonthlyUsd, usd => usd <= 0);
            decimal? previous = null;
            foreach (var usd in series.MonthlyUsd)
            {
                if (usd is { } now && previous is { } before)
                {
                    Assert.True(now >= before, $"{series.Path}: {before} then {now}");
                }

                previous = usd ?? previous;
            }
        }

        // The premium over the cheapest: 0 for the cheapest path at each count, never negative, null exactly where a path cannot run.
        for (var i = 0; i < crossover.Connections.Count; i++)
        {
            var premiums = Enumerable.Range(0, crossover.Paths.Count).Select(p => crossover.PremiumOverCheapest(p, i)).ToList();
            Assert.Equal(crossover.Paths.Select(p => p.MonthlyUsd[i] is null), premiums.Select(x => x is null));
            Assert.All(premiums, x => Assert.True(x is null or >= 0, $"{crossover.Connections[i]}: {x}"));
            Assert.True(premiums.All(x => x is null) || premiums.Contains(0m), $"{crossover.Connections[i]}: no path at 0");
        }

        foreach (var point in crossover.Points)
        {
            var to = Crossover.MonthlyUsd(plans[point.To], point.Connections, sheet);
            var from = Crossover.MonthlyUsd(plans[point.From], point.Connections, sheet);
            Assert.NotNull(to);
            Assert.True(from is null || to < from, $"at {point.Connections}: {point.To} {to} vs {point.From} {from}");
            var toBefore = Crossover.MonthlyUsd(plans[point.To], point.Connections - 1, sheet);
            var fromBefore = Crossover.MonthlyUsd(plans[point.From], point.Connections - 1, sheet);
            Assert.True(toBefore is null || (fromBefore is { } f && toBefore >= f), $"at {point.Connections - 1}: {point.To} {toBefore} vs {point.From} {fromBefore}");
            Assert.InRange(point.Connections, Crossover.From, Crossover.To);
        }
    }
}
