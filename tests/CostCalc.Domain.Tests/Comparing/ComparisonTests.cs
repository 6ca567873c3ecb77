using CostCalc.Domain.Comparing;
using CostCalc.Domain.Estimation;
using CostCalc.Domain.Prices;
using CostCalc.Domain.Scenarios;

namespace CostCalc.Domain.Tests.Comparing;

/// <summary>
/// Comparisons worked by hand on estimates whose monthly costs are written out here (flat months, so a horizon total
/// is the monthly cost × months), not computed by the estimator.
/// </summary>
public sealed class ComparisonTests
{
    private static readonly Scenario Spot = Scenario.Default with { Ec2PurchaseOption = PurchaseOption.Spot };

    [Fact]
    public void Deltas_AreEachPathsTotalsLessTheFirstScenarios()
    {
        // Baseline: EC2 $100 a month, EKS $150, 3 months → $300 and $450.
        // Spot:     EC2 $80 a month,  EKS $150        → $240 and $450.
        // EC2: month 1 80 − 100 = −$20, −20 / 100 = −20 %; horizon 240 − 300 = −$60, −60 / 300 = −20 %.
        // EKS: unchanged, $0 and 0 %.
        var comparison = Comparison.Of([new(null, Flat(Scenario.Default, 3, 100, 150)), new(null, Flat(Spot, 3, 80, 150))]);
        var ec2 = comparison.Scenarios[1].Find(PathIds.Ec2)!;
        var eks = comparison.Scenarios[1].Find(PathIds.Eks)!;

        Assert.Equal((80m, 240m), (ec2.Month1Usd!.Value, ec2.HorizonUsd!.Value));
        Assert.Equal(new Delta(-20m, -20), ec2.Month1Delta);
        Assert.Equal(new Delta(-60m, -20), ec2.HorizonDelta);
        Assert.Equal(new Delta(0m, 0), eks.HorizonDelta);
    }

    [Fact]
    public void EachScenario_HasItsVerdictCheapestPathAndLowestTotal()
    {
        // Baseline: EC2 $300 < EKS $450 → EC2, $300. Second: EC2 $600 (200 × 3) > EKS $450 → EKS, $450;
        // against the baseline's lowest: 450 − 300 = +$150, 150 / 300 = +50 %.
        var first = Flat(Scenario.Default, 3, 100, 150);
        var second = Flat(Spot, 3, 200, 150);
        var comparison = Comparison.Of([new(null, first), new(null, second)]);

        Assert.Equal((PathIds.Ec2, 300m), (comparison.Scenarios[0].CheapestPath, comparison.Scenarios[0].BestHorizonUsd!.Value));
        Assert.Equal((PathIds.Eks, 450m), (comparison.Scenarios[1].CheapestPath, comparison.Scenarios[1].BestHorizonUsd!.Value));
        Assert.Equal(new Delta(150m, 50), comparison.Scenarios[1].BestDelta);
        Assert.Equal(second.Verdict.Summary, comparison.Scenarios[1].Verdict);
    }

    [Fact]
    public void APathTheFirstCannotCost_HasNoDelta()
    {
        // The baseline's EKS cannot run (no cost): the second's EKS $450 has nothing to be measured against.
        var comparison = Comparison.Of([new(null, Flat(Scenario.Default, 3, 100, null)), new(null, Flat(Spot, 3, 80, 150))]);
        var eks = comparison.Scenarios[1].Find(PathIds.Eks)!;

        Assert.Equal(450m, eks.HorizonUsd);
        Assert.Equal(new Delta(null, null), eks.HorizonDelta);
    }

    [Fact]
    public void ADeltaAgainstAFreeFirst_HasDollarsButNoPercent()
    {
        // $0 → $30 (10 × 3): +$30, and no percentage of $0.
        var comparison = Comparison.Of([new(null, Flat(Scenario.Default, 3, 0, 150)), new(null, Flat(Spot, 3, 10, 150))]);

        Assert.Equal(new Delta(30m, null), comparison.Scenarios[1].Find(PathIds.Ec2)!.HorizonDelta);
    }

    [Fact]
    public void Differences_ListTheInputsThatDifferWithEachScenariosValue()
    {
        var nlb = Scenario.Default with { LoadBalancer = LoadBalancer.Nlb };
        var comparison = Comparison.Of([new(null, Flat(Scenario.Default, 3, 1, 1)), new(null, Flat(Spot, 3, 1, 1)), new(null, Flat(nlb, 3, 1, 1))]);

        Assert.Equal(["Load balancer (every path)", "Purchase option"], comparison.Differences.Select(d => d.Label));
        Assert.Equal(["Application Load Balancer", "Application Load Balancer", "Network Load Balancer, TCP (TLS on the VMs)"], comparison.Differences[0].Values);
        Assert.Equal(["On-demand", "Spot (estimated)", "On-demand"], comparison.Differences[1].Values);
    }

    [Fact]
    public void AnInputOneScenarioDoesNotUse_IsShownAsNotUsed()
    {
        // Hiding EC2 makes its purchase option moot; "Paths left out" is "none" where nothing is hidden.
        var hidden = Spot with { HiddenPaths = PathList.Of([PathIds.Ec2]) };
        var comparison = Comparison.Of([new(null, Flat(Spot, 3, 1, 1)), new(null, Flat(hidden, 3, 1, 1))]);

        Assert.Equal(["Spot (estimated)", InputDifferences.NotUsed], comparison.Differences.Single(d => d.Label == "Purchase option").Values);
        Assert.Equal([ScenarioInputs.None, "EC2"], comparison.Differences.Single(d => d.Label == ScenarioInputs.HiddenLabel).Values);
    }

    [Fact]
    public void AutomaticLabels_SayWhatDiffersFromTheFirst()
    {
        var spotNlb = Spot with { LoadBalancer = LoadBalancer.Nlb, HorizonMonths = 12 };
        var comparison = Comparison.Of([
            new(null, Flat(Scenario.Default, 3, 1, 1)),
            new("  My spot  ", Flat(Spot, 3, 1, 1)),
            new(null, Flat(Spot, 3, 1, 1)),
            new(null, Flat(spotNlb, 3, 1, 1))]);

        Assert.Equal(
            [ScenarioLabels.FirstLabel, "My spot", "Purchase option: Spot (estimated)",
                "Load balancer (every path): Network Load Balancer, TCP (TLS on the VMs), Horizon: 12 months + 1 more"],
            comparison.Scenarios.Select(s => s.Label));
    }

    [Fact]
    public void Labels_AreUnique()
    {
        var comparison = Comparison.Of([new("Same", Flat(Scenario.Default, 1, 1, 1)), new("Same", Flat(Spot, 1, 1, 1)), new(null, Flat(Scenario.Default, 1, 1, 1))]);

        Assert.Equal(["Same", "Same (2)", ScenarioLabels.SameAsFirst], comparison.Scenarios.Select(s => s.Label));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    public void TakesTwoToFourScenarios(int count) =>
        Assert.Throws<ArgumentException>(() => Comparison.Of([.. Enumerable.Repeat(new ComparisonEntry(null, Flat(Scenario.Default, 1, 1, 1)), count)]));

    /// <summary>An estimate of EC2 and EKS costing the same each month (null: the path cannot run), with no path details.</summary>
    internal static Estimate Flat(Scenario scenario, int months, decimal? ec2, decimal? eks)
    {
        var projection = new Projection([.. Enumerable.Repeat(1000L, months)], [Series(PathIds.Ec2, months, ec2), Series(PathIds.Eks, months, eks)]);
        var names = new Dictionary<string, string> { [PathIds.Ec2] = "EC2", [PathIds.Eks] = "EKS" };
        return new Estimate(scenario, "test", new DateOnly(2026, 7, 20), "US East (N. Virginia)", [], projection, Verdict.From(projection, names), [], []);
    }

    private static PathSeries Series(string path, int months, decimal? usd) => new(
        path, [.. Enumerable.Repeat(1L, months)], [.. Enumerable.Repeat(1L, months)],
        [.. Enumerable.Repeat(usd, months)],
        [.. Enumerable.Range(1, months).Select(m => usd * m)]);
}
