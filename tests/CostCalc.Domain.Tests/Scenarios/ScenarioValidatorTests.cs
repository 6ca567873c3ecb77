using CostCalc.Domain.Prices;
using CostCalc.Domain.Scenarios;
using CostCalc.Domain.Tests.TestSupport;

namespace CostCalc.Domain.Tests.Scenarios;

public class ScenarioValidatorTests
{
    private static IReadOnlyList<ValidationProblem> Validate(Scenario scenario) =>
        ScenarioValidator.Validate(scenario, Fixture.Prices, Fixture.Catalog);

    [Fact]
    public void Validate_DefaultScenario_HasNoProblems()
    {
        Assert.Empty(Validate(Scenario.Default));
    }

    [Fact]
    public void Validate_EveryFieldDefault_IsWithinItsRange()
    {
        Assert.All(ScenarioFields.All, f => Assert.True(f.Accepts(f.DefaultValue), $"{f.Name} default {f.DefaultValue}"));
    }

    public static TheoryData<string, Scenario> OutOfRange => new()
    {
        { "peakConnections", Scenario.Default with { PeakConnections = 0 } },
        { "peakConnections", Scenario.Default with { PeakConnections = 100_000_001 } },
        { "memoryPerConnectionKiB", Scenario.Default with { MemoryPerConnectionKiB = 0.4 } },
        { "memoryPerConnectionKiB", Scenario.Default with { MemoryPerConnectionKiB = double.NaN } },
        { "messagesPerConnectionPerSecond", Scenario.Default with { MessagesPerConnectionPerSecond = -0.1 } },
        { "remoteMessagePercent", Scenario.Default with { RemoteMessagePercent = 100.5 } },
        { "growthPercentPerMonth", Scenario.Default with { GrowthPercentPerMonth = -51 } },
        { "growthPercentPerMonth", Scenario.Default with { GrowthPercentPerMonth = double.PositiveInfinity } },
        { "horizonMonths", Scenario.Default with { HorizonMonths = 0 } },
        { "horizonMonths", Scenario.Default with { HorizonMonths = 61 } },
        { "targetUtilisationPercent", Scenario.Default with { TargetUtilisationPercent = 9.9 } },
        { "availabilityZones", Scenario.Default with { AvailabilityZones = 7 } },
        { "minimumInstances", Scenario.Default with { MinimumInstances = 0 } },
        { "spareInstances", Scenario.Default with { SpareInstances = -1 } },
        { "podCpuRequestMillicores", Scenario.Default with { PodCpuRequestMillicores = 0 } },
        { "podMemoryMiB", Scenario.Default with { PodMemoryMiB = 63 } },
        { "throttlingPenaltyPercent", Scenario.Default with { ThrottlingPenaltyPercent = 91 } },
        { "fixedMaxPods", Scenario.Default with { FixedMaxPods = 0 } },
        { "clusters", Scenario.Default with { Clusters = 0 } },
        { "clusters", Scenario.Default with { Clusters = 101 } },
        { "natGateways", Scenario.Default with { NatGateways = -1 } },
        { "operationsUsdPerHour", Scenario.Default with { OperationsUsdPerHour = -1 } },
        { "deploysPerMonth", Scenario.Default with { DeploysPerMonth = 10_001 } },
    };

    [Theory]
    [MemberData(nameof(OutOfRange))]
    public void Validate_OutOfRangeInput_NamesTheField(string field, Scenario scenario)
    {
        var problem = Assert.Single(Validate(scenario));

        Assert.Equal(field, problem.Field);
        Assert.StartsWith(ScenarioFields.Find(field)!.Label, problem.Message, StringComparison.Ordinal);
        Assert.Contains("between", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, 60)]
    public void Validate_HorizonAtBounds_IsAccepted(int low, int high)
    {
        Assert.Empty(Validate(Scenario.Default with { HorizonMonths = low }));
        Assert.Empty(Validate(Scenario.Default with { HorizonMonths = high }));
    }

    [Fact]
    public void Validate_UnknownRegion_ListsKnownRegions()
    {
        var problem = Assert.Single(Validate(Scenario.Default with { Region = "mars-1" }));

        Assert.Equal("region", problem.Field);
        Assert.Contains("eu-west-1, us-east-1", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NullRegion_IsUnknown()
    {
        Assert.Equal("region", Assert.Single(Validate(Scenario.Default with { Region = null! })).Field);
    }

    [Theory]
    [InlineData("m5.huge")]
    [InlineData("")]
    [InlineData("M5.LARGE")]
    public void Validate_UnknownEc2InstanceType_IsRejected(string name)
    {
        var problem = Assert.Single(Validate(Scenario.Default with { Ec2InstanceType = name }));

        Assert.Equal("ec2InstanceType", problem.Field);
        Assert.Contains("Unknown instance type", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UnknownEksNodeType_IsRejected()
    {
        Assert.Equal("eksNodeInstanceType", Assert.Single(Validate(Scenario.Default with { EksNodeInstanceType = "x9.unlisted" })).Field);
    }

    [Fact]
    public void Validate_CatalogTypeWithoutRegionPrice_IsRejected()
    {
        var problem = Assert.Single(Validate(Scenario.Default with { Ec2InstanceType = "m4.large" }));

        Assert.Equal("ec2InstanceType", problem.Field);
        Assert.Contains("no Linux price in us-east-1", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TypePricedInAnotherRegionOnly_IsRejected()
    {
        var scenario = Scenario.Default with { Region = Fixture.OtherRegion, Ec2InstanceType = "c5.xlarge" };

        Assert.Equal("ec2InstanceType", Assert.Single(Validate(scenario)).Field);
    }

    [Fact]
    public void Validate_FargateWithUnknownNodeType_IgnoresTheNodeType()
    {
        // EKS on nodes hidden: its node type is not used, so not checked.
        var scenario = Scenario.Default with { HiddenPaths = Fixture.OnlyEc2AndFargate, PodLayout = PodLayout.FixedPodSize, EksNodeInstanceType = "nope" };

        Assert.Empty(Validate(scenario));
    }

    [Fact]
    public void Validate_HiddenEc2WithUnknownInstanceType_IgnoresTheInstanceType()
    {
        var scenario = Scenario.Default with { HiddenPaths = PathList.Of([PathIds.Ec2]), Ec2InstanceType = "nope" };

        Assert.Empty(Validate(scenario));
    }

    [Fact]
    public void Validate_CpuLimitBelowRequest_IsRejected()
    {
        var scenario = Scenario.Default with { PodLayout = PodLayout.FixedPodSize, PodCpuRequestMillicores = 2000, PodCpuLimitMillicores = 1000 };

        Assert.Equal("podCpuLimitMillicores", Assert.Single(Validate(scenario)).Field);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2000)]
    [InlineData(4000)]
    public void Validate_CpuLimitNoneOrAtLeastRequest_IsAccepted(int limit)
    {
        var scenario = Scenario.Default with { PodLayout = PodLayout.FixedPodSize, PodCpuRequestMillicores = 2000, PodCpuLimitMillicores = limit };

        Assert.Empty(Validate(scenario));
    }

    [Fact]
    public void Validate_FargateWithTheDefaultPodLayout_IsAccepted()
    {
        // Fargate sizes each pod from the pod inputs whatever the node layout says: no combination is refused.
        var scenario = Scenario.Default with { HiddenPaths = Fixture.OnlyEc2AndFargate, PodLayout = PodLayout.OnePodPerNode };

        Assert.Empty(Validate(scenario));
    }

    [Fact]
    public void Validate_AutoModeWithFargateShown_IsAccepted()
    {
        // Auto Mode belongs to EKS on nodes; EKS on Fargate is a path of its own, so the two no longer clash.
        var scenario = Scenario.Default with { AutoMode = true, PodLayout = PodLayout.FixedPodSize };

        Assert.Empty(Validate(scenario));
    }

    [Theory]
    [InlineData("gke")]
    [InlineData("EC2")]
    [InlineData("eks,fargate")]
    public void Validate_UnknownHiddenPath_IsRejectedOnHiddenPaths(string hidden)
    {
        var problem = Assert.Single(Validate(Scenario.Default with { HiddenPaths = PathList.Parse(hidden) }));

        Assert.Equal("hiddenPaths", problem.Field);
        Assert.Equal(ScenarioValidator.HiddenPathsField, problem.Field);
        Assert.StartsWith("Unknown path", problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("'eks'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_EveryPathHidden_IsRejectedOnHiddenPaths()
    {
        var scenario = Scenario.Default with { HiddenPaths = PathList.Of([PathIds.Ec2, PathIds.Eks, PathIds.EksFargate, PathIds.EcsEc2, PathIds.EcsFargate]) };

        var problem = Assert.Single(Validate(scenario));

        Assert.Equal("hiddenPaths", problem.Field);
        Assert.Contains("At least one path", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NullHiddenPaths_IsRejectedOnHiddenPaths()
    {
        Assert.Equal("hiddenPaths", Assert.Single(Validate(Scenario.Default with { HiddenPaths = null! })).Field);
    }

    [Theory]
    [InlineData("")]
    [InlineData("ec2")]
    [InlineData("eks-fargate")]
    [InlineData("eks,eks-fargate")]
    [InlineData("ec2,eks")]
    public void Validate_SomePathsHidden_IsAccepted(string hidden)
    {
        Assert.Empty(Validate(Scenario.Default with { HiddenPaths = PathList.Parse(hidden) }));
    }

    [Fact]
    public void Validate_AgainstTheEstimatorsPaths_KnowsOnlyThose()
    {
        // Estimator.Validate checks hidden ids against its own paths: a built-in estimator knows no "stub".
        var hidesStub = Scenario.Default with { HiddenPaths = PathList.Of(["stub"]) };

        Assert.Equal("hiddenPaths", Assert.Single(Fixture.Estimator.Validate(hidesStub)).Field);
        Assert.Empty(ScenarioValidator.Validate(hidesStub, Fixture.Prices, Fixture.Catalog, [PathIds.Ec2, "stub"]));
    }

    [Fact]
    public void Validate_UndefinedChoices_AreRejectedByName()
    {
        var scenario = Scenario.Default with
        {
            Ec2PurchaseOption = (PurchaseOption)42,
            PodLayout = (PodLayout)7,
            MaxPodsMode = (MaxPodsMode)(-1),
            LoadBalancer = (LoadBalancer)9,
        };

        var problems = Validate(scenario);

        // One problem each, named by its input (now listed in the order the calculator shows the inputs).
        Assert.Equal(4, problems.Count);
        Assert.Equal(new HashSet<string> { "ec2PurchaseOption", "podLayout", "maxPodsMode", "loadBalancer" }, problems.Select(p => p.Field).ToHashSet());
    }

    [Fact]
    public void Validate_SeveralProblems_ReportsEach()
    {
        var scenario = Scenario.Default with { PeakConnections = 0, Region = "mars-1", Clusters = 0 };

        var fields = Validate(scenario).Select(p => p.Field).ToHashSet();

        Assert.Equal(new HashSet<string> { "peakConnections", "region", "clusters" }, fields);
    }

    [Theory]
    [MemberData(nameof(PropertyCases.Seeds), MemberType = typeof(PropertyCases))]
    public void Validate_RandomGeneratedScenario_IsValid(int seed)
    {
        // Guards the property tests' generator: every scenario it makes must reach the estimator.
        Assert.Empty(Validate(RandomScenarios.Any(new Random(seed))));
    }
}
