using CostCalc.Domain.Capacity;
using CostCalc.Domain.Catalog;
using CostCalc.Domain.Prices;
using CostCalc.Domain.Scenarios;
using CostCalc.Domain.Tests.TestSupport;

namespace CostCalc.Domain.Tests.Scenarios;

/// <summary>What Auto Mode refuses, at the field, and which inputs it makes unused (model.md §1.2, §2.5).</summary>
public sealed class AutoModeValidationTests
{
    // Specs from instance-types.csv of the embedded snapshot (name, vCPU, MiB, …), us-east-1 on-demand from prices.csv.
    private static readonly InstanceType T3Nano = Fixture.Type("t3.nano", 2, 512, CpuArchitecture.X64, true, true, 0.05, 2, 2, 4);
    private static readonly InstanceType T3Micro = Fixture.Type("t3.micro", 2, 1024, CpuArchitecture.X64, true, true, 0.10, 2, 2, 4);
    private static readonly InstanceType T3Small = Fixture.Type("t3.small", 2, 2048, CpuArchitecture.X64, true, true, 0.20, 3, 4, 11);
    private static readonly InstanceType C7gMedium = Fixture.Type("c7g.medium", 1, 2048, CpuArchitecture.Arm64, true, true, null, 2, 4, 8);

    private static readonly InstanceCatalog Catalog = new(
        [.. Fixture.AllTypes, T3Nano, T3Micro, T3Small, C7gMedium], new DataOrigin("Instance types", "test", new DateOnly(2026, 8, 2)));

    private static readonly PriceBook Prices = new("test-small-types", "hand-built test fixture", Fixture.InstancePricesAsOf,
    [
        new RegionPrices(new Region(Fixture.Region, "US East (N. Virginia)"),
            new Dictionary<string, InstancePrice>(Fixture.UsEast1InstancePrices)
            {
                ["t3.nano"] = new(0.0052m, null, null, null, null, 79),
                ["t3.micro"] = new(0.0104m, null, null, null, null, 69),
                ["t3.small"] = new(0.0208m, null, null, null, null, 65),
                ["c7g.medium"] = new(0.0363m, null, null, null, null, 64),
            },
            Fixture.Gp3, Fixture.Services, Fixture.UsEast1Origins),
    ]);

    private static IReadOnlyList<ValidationProblem> Validate(Scenario scenario) => ScenarioValidator.Validate(scenario, Prices, Catalog);

    [Theory]
    [InlineData("t3.nano", "nano")]
    [InlineData("t3.micro", "micro")]
    [InlineData("t3.small", "small")]
    [InlineData("c7g.medium", "more than 1 vCPU")]
    public void Validate_AutoModeOnTypeAutoModeDoesNotLaunch_IsRefusedAtTheNodeType(string type, string reason)
    {
        var problem = Assert.Single(Validate(Scenario.Default with { AutoMode = true, EksNodeInstanceType = type }));

        Assert.Equal("eksNodeInstanceType", problem.Field);
        Assert.Contains("Auto Mode", problem.Message, StringComparison.Ordinal);
        Assert.Contains(reason, problem.Message, StringComparison.Ordinal);
        Assert.Contains(type, problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("t3.nano")]
    [InlineData("t3.small")]
    [InlineData("c7g.medium")]
    public void Validate_SmallTypeWithoutAutoMode_IsAccepted(string type)
    {
        Assert.Empty(Validate(Scenario.Default with { EksNodeInstanceType = type }));
    }

    [Theory]
    [InlineData("t3.medium")]
    [InlineData("m6i.large")]
    [InlineData("c7g.xlarge")]
    public void Validate_AutoModeOnTypeItLaunches_IsAccepted(string type)
    {
        Assert.Empty(Validate(Scenario.Default with { AutoMode = true, EksNodeInstanceType = type }));
    }

    [Fact]
    public void Validate_AutoModeWithEksHidden_DoesNotCheckTheNodeType()
    {
        var scenario = Scenario.Default with { AutoMode = true, EksNodeInstanceType = "t3.micro", HiddenPaths = PathList.Parse("eks") };

        Assert.Empty(Validate(scenario));
    }

    [Fact]
    public void Validate_AutoModeWithSystemNodeGroup_IsRefusedAtTheAddOnPlacement()
    {
        var problem = Assert.Single(Validate(Scenario.Default with { AutoMode = true, AddOnPlacement = AddOnPlacement.SystemNodes }));

        Assert.Equal("addOnPlacement", problem.Field);
        Assert.Contains("Auto Mode", problem.Message, StringComparison.Ordinal);
        Assert.Empty(Validate(Scenario.Default with { AddOnPlacement = AddOnPlacement.SystemNodes }));
    }

    [Theory]
    [InlineData("t3.micro", false)]
    [InlineData("c7g.medium", false)]
    [InlineData("t3.medium", true)]
    [InlineData("m5.24xlarge", true)]
    public void Launches_FollowsSizeAndVcpuRules(string type, bool launches)
    {
        Assert.Equal(launches, AutoModeNodes.Launches(Catalog.Find(type)!));
    }

    [Theory]
    [InlineData("nodeComponentCpuMillicores")]
    [InlineData("nodeComponentMemoryMiB")]
    [InlineData("nodeComponentPods")]
    [InlineData("fixedMaxPods")]
    [InlineData("systemNodeCount")]
    public void Fields_NotUsedUnderAutoMode_SaySo(string name)
    {
        var field = ScenarioFields.Find(name)!;
        var manual = Scenario.Default with { MaxPodsMode = MaxPodsMode.Fixed, AddOnPlacement = AddOnPlacement.SystemNodes };

        Assert.True(field.Matters(manual));
        Assert.False(field.Matters(manual with { AutoMode = true }));
    }

    [Theory]
    [InlineData("maxPodsMode")]
    [InlineData("systemNodeInstanceType")]
    public void Choices_NotUsedUnderAutoMode_SaySo(string name)
    {
        var choice = ScenarioChoices.Get(name);
        var manual = Scenario.Default with { AddOnPlacement = AddOnPlacement.SystemNodes };

        Assert.True(choice.Matters(manual));
        Assert.False(choice.Matters(manual with { AutoMode = true }));
    }

    [Fact]
    public void ClusterAddOnRequests_UnderAutoMode_MatterOnlyForFargate()
    {
        var field = ScenarioFields.Find("clusterAddOnCpuMillicores")!;

        Assert.True(field.Matters(Scenario.Default with { AutoMode = true }));
        Assert.False(field.Matters(Scenario.Default with { AutoMode = true, HiddenPaths = PathList.Parse("eks-fargate") }));
        Assert.True(field.Matters(Scenario.Default with { HiddenPaths = PathList.Parse("eks-fargate") }));
    }
}
