using CostCalc.Domain.Prices;
using CostCalc.Domain.Scenarios;
using CostCalc.Domain.Tests.TestSupport;

namespace CostCalc.Domain.Tests.Scenarios;

/// <summary>The non-numeric inputs: their values, defaults, reading and writing, and validation.</summary>
public class ScenarioChoicesTests
{
    /// <summary>Every list choice with its API values, as the API writes them (camelCase enum names, "true"/"false").</summary>
    public static TheoryData<string, string[]> ListValues => new()
    {
        { "loadBalancer", ["none", "alb", "nlb", "nlbTls"] },
        { "autoscaling", ["false", "true"] },
        { "sparePolicy", ["vms", "machines", "zone"] },
        { "burstableUnlimited", ["false", "true"] },
        {
            "ec2PurchaseOption",
            ["onDemand", "reservedStandard1Year", "reservedStandard3Year", "reservedConvertible1Year", "reservedConvertible3Year", "spot", "savingsPlan1Year", "savingsPlan3Year"]
        },
        { "ec2DeployMethod", ["rollingRestart", "hotCodeUpgrade"] },
        {
            "eksPurchaseOption",
            ["onDemand", "reservedStandard1Year", "reservedStandard3Year", "reservedConvertible1Year", "reservedConvertible3Year", "spot", "savingsPlan1Year", "savingsPlan3Year"]
        },
        { "autoMode", ["false", "true"] },
        { "maxPodsMode", ["eni", "prefixDelegation", "fixed"] },
        { "podLayout", ["onePodPerNode", "fixedPodSize"] },
        { "addOnPlacement", ["beamNodes", "systemNodes"] },
        { "supportTier", ["standard", "extended"] },
        {
            "ecsPurchaseOption",
            ["onDemand", "reservedStandard1Year", "reservedStandard3Year", "reservedConvertible1Year", "reservedConvertible3Year", "spot", "savingsPlan1Year", "savingsPlan3Year"]
        },
        { "ecsTaskLayout", ["oneTaskPerInstance", "fixedTaskSize"] },
        { "ecsNetworkMode", ["awsvpc", "awsvpcTrunking", "bridge", "host"] },
        { "ecsNodeDiscovery", ["cloudMap", "ecsApi"] },
    };

    /// <summary>Every choice and the default <see cref="Scenario"/> gives it (the defaults users see first).</summary>
    public static TheoryData<string, string> Defaults => new()
    {
        { "region", "us-east-1" },
        { "loadBalancer", "alb" },
        { "autoscaling", "false" },
        { "sparePolicy", "machines" },
        { "burstableUnlimited", "false" },
        { "ec2InstanceType", "m6i.large" },
        { "ec2PurchaseOption", "onDemand" },
        { "ec2DeployMethod", "rollingRestart" },
        { "eksNodeInstanceType", "m6i.large" },
        { "eksPurchaseOption", "onDemand" },
        { "autoMode", "false" },
        { "maxPodsMode", "eni" },
        { "podLayout", "onePodPerNode" },
        { "addOnPlacement", "beamNodes" },
        { "systemNodeInstanceType", "t3.medium" },
        { "supportTier", "standard" },
        { "ecsInstanceType", "m6i.large" },
        { "ecsPurchaseOption", "onDemand" },
        { "ecsTaskLayout", "oneTaskPerInstance" },
        { "ecsNetworkMode", "awsvpc" },
        { "ecsNodeDiscovery", "cloudMap" },
    };

    [Fact]
    public void All_ListAndDefaultTables_CoverEveryChoice()
    {
        // A new choice must be added to the tables above, or its values and default go untested.
        Assert.Equal(Defaults.Select(d => (string)d[0]), ScenarioChoices.All.Select(c => c.Name));
        Assert.Equal(
            ListValues.Select(d => (string)d[0]).Order(StringComparer.Ordinal),
            ScenarioChoices.All.Where(c => c.Kind == ChoiceKind.List).Select(c => c.Name).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(ListValues))]
    public void ListChoice_Values_AreTheApiNamesOfEveryEnumValue(string name, string[] values)
    {
        var choice = ScenarioChoices.Get(name);

        Assert.Equal(ChoiceKind.List, choice.Kind);
        Assert.Equal(values, choice.Values.Select(v => v.Value));
        Assert.All(choice.Values, v => Assert.False(string.IsNullOrWhiteSpace(v.Label), $"{name} {v.Value} has no label"));
    }

    [Theory]
    [MemberData(nameof(ListValues))]
    public void ListChoice_EveryValue_RoundTripsThroughWriteAndRead(string name, string[] values)
    {
        var choice = ScenarioChoices.Get(name);

        foreach (var value in values)
        {
            var written = choice.Write(Scenario.Default, value);

            Assert.Equal(value, choice.Read(written));
            Assert.Equal(value, choice.Read(choice.Write(written, value)));
        }
    }

    [Fact]
    public void ListChoices_EveryEnumValue_ReachesTheScenarioProperty()
    {
        RoundTrips("loadBalancer", s => s.LoadBalancer);
        RoundTrips("ec2PurchaseOption", s => s.Ec2PurchaseOption);
        RoundTrips("ec2DeployMethod", s => s.Ec2DeployMethod);
        RoundTrips("eksPurchaseOption", s => s.EksPurchaseOption);
        RoundTrips("maxPodsMode", s => s.MaxPodsMode);
        RoundTrips("podLayout", s => s.PodLayout);
        RoundTrips("addOnPlacement", s => s.AddOnPlacement);
        RoundTrips("supportTier", s => s.SupportTier);
        RoundTrips("sparePolicy", s => s.SparePolicy);
        RoundTrips("ecsPurchaseOption", s => s.EcsPurchaseOption);
        RoundTrips("ecsTaskLayout", s => s.EcsTaskLayout);
        RoundTrips("ecsNetworkMode", s => s.EcsNetworkMode);
        RoundTrips("ecsNodeDiscovery", s => s.EcsNodeDiscovery);
        Assert.True(ScenarioChoices.Get("burstableUnlimited").Write(Scenario.Default, "true").BurstableUnlimited);
        Assert.False(ScenarioChoices.Get("burstableUnlimited").Write(Scenario.Default with { BurstableUnlimited = true }, "false").BurstableUnlimited);
        Assert.True(ScenarioChoices.Get("autoMode").Write(Scenario.Default, "true").AutoMode);
        Assert.True(ScenarioChoices.Get("autoscaling").Write(Scenario.Default, "true").Autoscaling);
        Assert.False(ScenarioChoices.Get("autoscaling").Write(Scenario.Default with { Autoscaling = true }, "false").Autoscaling);
    }

    private static void RoundTrips<T>(string name, Func<Scenario, T> property)
        where T : struct, Enum
    {
        var choice = ScenarioChoices.Get(name);
        var values = Enum.GetValues<T>();

        Assert.Equal(values.Length, choice.Values.Count);
        foreach (var value in values)
        {
            var api = ScenarioChoice.ApiName(value);
            var written = choice.Write(Scenario.Default, api);

            Assert.Equal(value, property(written));
            Assert.Equal(api, choice.Read(written));
        }
    }

    [Fact]
    public void InstanceTypeAndRegionChoices_WriteTheNameAsGiven()
    {
        Assert.Equal("c5.xlarge", ScenarioChoices.Get("ec2InstanceType").Write(Scenario.Default, "c5.xlarge").Ec2InstanceType);
        Assert.Equal("c5.xlarge", ScenarioChoices.Get("eksNodeInstanceType").Write(Scenario.Default, "c5.xlarge").EksNodeInstanceType);
        Assert.Equal("m5.large", ScenarioChoices.Get("systemNodeInstanceType").Write(Scenario.Default, "m5.large").SystemNodeInstanceType);
        Assert.Equal(Fixture.OtherRegion, ScenarioChoices.Get("region").Write(Scenario.Default, Fixture.OtherRegion).Region);
    }

    [Theory]
    [MemberData(nameof(Defaults))]
    public void Choice_Default_IsTheDefaultScenariosValue(string name, string expected)
    {
        var choice = ScenarioChoices.Get(name);

        Assert.Equal(expected, choice.DefaultValue);
        Assert.Equal(expected, choice.Read(Scenario.Default));
        Assert.Equal(expected, choice.Read(new Scenario()));

        // Writing the default back changes nothing.
        Assert.Equal(Scenario.Default, choice.Write(Scenario.Default, expected));
        if (choice.Kind == ChoiceKind.List)
        {
            Assert.True(choice.IsListed(expected));
        }
    }

    [Theory]
    [MemberData(nameof(ListValues))]
    public void ListChoice_UnknownValue_WriteThrowsFormatException(string name, string[] values)
    {
        var choice = ScenarioChoices.Get(name);

        Assert.Throws<FormatException>(() => choice.Write(Scenario.Default, "nope"));
        Assert.Throws<FormatException>(() => choice.Write(Scenario.Default, ""));
        Assert.Throws<FormatException>(() => choice.Write(Scenario.Default, "0"));

        // API names are case-sensitive: "OnDemand" or "TRUE" is not a value.
        Assert.Throws<FormatException>(() => choice.Write(Scenario.Default, values[0].ToUpperInvariant()));
    }

    [Fact]
    public void Validate_UndefinedPodLayout_IsRejectedOnPodLayoutWithTheValues()
    {
        var scenario = Scenario.Default with { PodLayout = (PodLayout)99 };

        var problem = Assert.Single(ScenarioValidator.Validate(scenario, Fixture.Prices, Fixture.Catalog));

        Assert.Equal("podLayout", problem.Field);
        Assert.StartsWith("Must be one of", problem.Message, StringComparison.Ordinal);
        Assert.Equal("Must be one of: onePodPerNode, fixedPodSize.", problem.Message);
        Assert.Equal(ScenarioChoices.Get("podLayout").ValuesMessage, problem.Message);
    }

    [Theory]
    [MemberData(nameof(ListValues))]
    public void ListChoice_DefinedValues_AreAccepted(string name, string[] values)
    {
        var choice = ScenarioChoices.Get(name);

        foreach (var value in values)
        {
            var scenario = choice.Write(Scenario.Default, value);
            var problems = ScenarioValidator.Validate(scenario, Fixture.Prices, Fixture.Catalog);

            // A value may make another input invalid (none does with the defaults), never itself.
            Assert.DoesNotContain(problems, p => p.Field == name);
        }
    }

    [Fact]
    public void Labels_NameEachValueAsTheViewsDo()
    {
        Assert.Equal("On-demand", ScenarioChoices.Label(PurchaseOption.OnDemand));
        Assert.Equal("Spot (estimated)", ScenarioChoices.Get("ec2PurchaseOption").LabelOf("spot"));
        Assert.Equal("One BEAM pod per node", ScenarioChoices.Get("podLayout").LabelOf("onePodPerNode"));
        Assert.Equal("Yes", ScenarioChoices.Get("autoMode").LabelOf("true"));

        // Instance types and regions are their own labels.
        Assert.Equal("m6i.large", ScenarioChoices.Get("ec2InstanceType").LabelOf("m6i.large"));
    }

    [Fact]
    public void Matters_ChoiceForHiddenPaths_DoesNotMatter()
    {
        var supportTier = ScenarioChoices.Get("supportTier");
        var ec2Type = ScenarioChoices.Get("ec2InstanceType");
        var systemType = ScenarioChoices.Get("systemNodeInstanceType");

        // Support tier is for both EKS paths: it matters while either is shown.
        Assert.True(supportTier.Matters(Scenario.Default));
        Assert.True(supportTier.Matters(Scenario.Default with { HiddenPaths = Fixture.OnlyEc2AndFargate }));
        Assert.False(supportTier.Matters(Scenario.Default with { HiddenPaths = PathList.Of([PathIds.Eks, PathIds.EksFargate]) }));
        Assert.False(ec2Type.Matters(Scenario.Default with { HiddenPaths = PathList.Of([PathIds.Ec2]) }));

        // The system node type is only used with a system node group.
        Assert.False(systemType.Matters(Scenario.Default));
        Assert.True(systemType.Matters(Scenario.Default with { AddOnPlacement = AddOnPlacement.SystemNodes }));
        Assert.True(ScenarioChoices.Get("region").Matters(Scenario.Default with { HiddenPaths = PathList.Of([PathIds.Ec2, PathIds.Eks]) }));
    }
}
