using CostCalc.Domain.Scenarios;
using CostCalc.Domain.Tests.TestSupport;

namespace CostCalc.Domain.Tests.Scenarios;

/// <summary>List inputs (rate overrides, fixed costs): each problem names the list, the item and the member.</summary>
public sealed class ScenarioListsTests
{
    private static IReadOnlyList<ValidationProblem> Validate(Scenario scenario) => Fixture.Estimator.Validate(scenario);

    [Fact]
    public void Validate_UnknownRate_NamesTheItemAndMember()
    {
        var scenario = Scenario.Default with
        {
            RateOverrides = ItemList.Of(new RateOverride("ALB LCU", UsdPerHour: 0.007m), new RateOverride("ALB LCUs", UsdPerHour: 0.007m)),
        };

        var problem = Assert.Single(Validate(scenario));

        Assert.Equal("rateOverrides[1].rate", problem.Field);
        Assert.Contains("Unknown rate 'ALB LCUs'", problem.Message, StringComparison.Ordinal);
        Assert.Contains("EKS control plane", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("m6i.large onDemand", null, "0.05", "rateOverrides[0].usdPerUnit")]     // hourly rate given per unit
    [InlineData("NAT GB", "0.03", null, "rateOverrides[0].usdPerHour")]                  // per-GB rate given per hour
    [InlineData("EBS gp3 GB", null, "-1", "rateOverrides[0].usdPerUnit")]                 // negative
    [InlineData("m6i.large spot", "0.03", null, "rateOverrides[0].rate")]                 // spot follows on-demand
    [InlineData("m4.large onDemand", "0.03", null, "rateOverrides[0].rate")]              // not priced in the region
    [InlineData("EKS control plane", "0.05", "0.05", "rateOverrides[0].usdPerUnit")]      // both members
    public void Validate_BadOverride_NamesTheMember(string rate, string? perHour, string? perUnit, string field)
    {
        var scenario = Scenario.Default with
        {
            RateOverrides = ItemList.Of(new RateOverride(rate, perHour is null ? null : decimal.Parse(perHour, System.Globalization.CultureInfo.InvariantCulture),
                perUnit is null ? null : decimal.Parse(perUnit, System.Globalization.CultureInfo.InvariantCulture))),
        };

        Assert.Equal(field, Assert.Single(Validate(scenario)).Field);
    }

    [Fact]
    public void Validate_SameRateTwice_IsRefused()
    {
        var twice = ItemList.Of(new RateOverride("NAT GB", UsdPerUnit: 0.04m), new RateOverride("NAT GB", UsdPerUnit: 0.03m));

        Assert.Equal("rateOverrides[1].rate", Assert.Single(Validate(Scenario.Default with { RateOverrides = twice })).Field);
    }

    [Theory]
    [InlineData("", PathIds.Ec2, "10", null, "fixedCosts[0].name")]
    [InlineData("Support", "ecs", "10", null, "fixedCosts[0].path")]
    [InlineData("Support", PathIds.Eks, null, null, "fixedCosts[0].usdPerMonth")]
    [InlineData("Support", PathIds.Eks, "10", "2", "fixedCosts[0].usdPerMachineMonth")]
    [InlineData("Support", PathIds.Eks, null, "-2", "fixedCosts[0].usdPerMachineMonth")]
    public void Validate_BadFixedCost_NamesTheMember(string name, string path, string? monthly, string? perMachine, string field)
    {
        static decimal? Parse(string? text) => text is null ? null : decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
        var scenario = Scenario.Default with { FixedCosts = ItemList.Of(new FixedCost(name, path, Parse(monthly), Parse(perMachine))) };

        Assert.Equal(field, Assert.Single(Validate(scenario)).Field);
    }

    [Fact]
    public void Validate_GoodLists_Pass()
    {
        var scenario = Scenario.Default with
        {
            RateOverrides = ItemList.Of(new RateOverride("m6i.large reservedStandard1Year", UsdPerHour: 0.05m), new RateOverride("egress tier 1", UsdPerUnit: 0.07m)),
            FixedCosts = ItemList.Of(new FixedCost("Platform fee", PathIds.EksFargate, UsdPerMonth: 500m)),
        };

        Assert.Empty(Validate(scenario));
    }

    [Fact]
    public void ReadWrite_RoundTripsEveryList()
    {
        var scenario = Scenario.Default with
        {
            RateOverrides = ItemList.Of(new RateOverride("ALB", UsdPerHour: 0.02m)),
            FixedCosts = ItemList.Of(new FixedCost("Licence", PathIds.Eks, UsdPerMachineMonth: 7.5m)),
        };

        var copy = ScenarioLists.All.Aggregate(Scenario.Default, (s, list) => list.Write(s, list.Read(scenario)));

        Assert.Equal(scenario, copy);
        Assert.Equal(["ALB: $0.02/h"], ScenarioLists.Find("rateOverrides")!.Describe(scenario));
        Assert.Equal(["Licence (eks): $7.5 per machine-month"], ScenarioLists.Find("fixedCosts")!.Describe(scenario));
    }

    [Fact]
    public void ItemList_EqualItems_AreEqualLists()
    {
        Assert.Equal(ItemList.Of(new FixedCost("a", "ec2", 1m)), ItemList.Of(new FixedCost("a", "ec2", 1m)));
        Assert.NotEqual(ItemList.Of(new FixedCost("a", "ec2", 1m)), ItemList.Of(new FixedCost("a", "ec2", 2m)));
    }
}
