using CostCalc.Domain.Estimation;
using CostCalc.Domain.Scenarios;
using CostCalc.Domain.Tests.TestSupport;

namespace CostCalc.Domain.Tests.Estimation;

public class RankingTests
{
    private static readonly string[] PricedNames = [.. Fixture.PricedTypes.Select(t => t.Name).Order(StringComparer.Ordinal)];

    private static IReadOnlyList<RankedInstance> Rows(Ranking ranking, string path) =>
        ranking.Paths.Single(p => p.Path == path).Rows;

    [Fact]
    public void Rank_DefaultScenario_ListsEveryPricedCatalogTypeOnBothPaths()
    {
        // Every fixture type can hold a VM with the defaults on EC2; m4.large (no price) and x9.unlisted (no specs)
        // cannot be ranked. On EKS t2.medium and t3.medium nodes (2 vCPU at a 20 % baseline = 0.4 core) have no
        // baseline left after the DaemonSets' 0.43 core.
        var ranking = Fixture.Estimator.Rank(Scenario.Default);

        Assert.Equal(Fixture.Region, ranking.Region);
        Assert.Equal("test-snapshot", ranking.SnapshotId);
        // EKS on Fargate and ECS on Fargate have no instance type to rank.
        Assert.Equal([PathIds.Ec2, PathIds.Eks, PathIds.EcsEc2], ranking.Paths.Select(p => p.Path));
        Assert.Equal(["ec2InstanceType", "eksNodeInstanceType", "ecsInstanceType"], ranking.Paths.Select(p => p.MachineTypeField));
        Assert.Equal(PricedNames, Rows(ranking, PathIds.Ec2).Select(r => r.InstanceType).Order(StringComparer.Ordinal));
        Assert.Equal(PricedNames.Except(["t2.medium", "t3.medium"]), Rows(ranking, PathIds.Eks).Select(r => r.InstanceType).Order(StringComparer.Ordinal));
        // ECS reserves no CPU: a 20 % baseline of 2 vCPU (0.4 core) still leaves 0.4 − 0.25 − 0.1 = 0.05 core after the
        // host agents and the ECS agent, and every fixture type has at least 3 ENIs (2 awsvpc tasks), so every priced type ranks.
        Assert.Equal(PricedNames, Rows(ranking, PathIds.EcsEc2).Select(r => r.InstanceType).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Rank_DefaultScenario_SortedByMonthlyCostThenName()
    {
        var ranking = Fixture.Estimator.Rank(Scenario.Default);

        foreach (var list in ranking.Paths.Select(p => p.Rows))
        {
            for (var i = 1; i < list.Count; i++)
            {
                var (a, b) = (list[i - 1], list[i]);
                Assert.True(a.MonthlyUsd < b.MonthlyUsd
                    || (a.MonthlyUsd == b.MonthlyUsd && string.CompareOrdinal(a.InstanceType, b.InstanceType) < 0),
                    $"{a.InstanceType} ${a.MonthlyUsd} before {b.InstanceType} ${b.MonthlyUsd}");
            }
        }
    }

    [Fact]
    public void Rank_EachEntry_MatchesTheEstimateForThatType()
    {
        var ranking = Fixture.Estimator.Rank(Scenario.Default);

        foreach (var entry in Rows(ranking, PathIds.Ec2))
        {
            var ec2 = Fixture.Estimate(Scenario.Default with { Ec2InstanceType = entry.InstanceType })[PathIds.Ec2];
            Assert.Equal(ec2.MonthlyUsd, entry.MonthlyUsd);
            Assert.Equal(ec2.Machines, entry.Machines);
            Assert.Equal(ec2.ConnectionsPerVm, entry.ConnectionsPerVm);
            Assert.Equal(ec2.UsdPer10kConnections, entry.UsdPer10kConnections);
        }

        foreach (var entry in Rows(ranking, PathIds.Eks))
        {
            var eks = Fixture.Estimate(Scenario.Default with { EksNodeInstanceType = entry.InstanceType })[PathIds.Eks];
            Assert.Equal(eks.MonthlyUsd, entry.MonthlyUsd);
            Assert.Equal(eks.Machines, entry.Machines);
        }
    }

    [Fact]
    public void Rank_Entry_CarriesTheTypesSpecsAndOnDemandPrice()
    {
        var c7g = Assert.Single(Rows(Fixture.Estimator.Rank(Scenario.Default), PathIds.Ec2), r => r.InstanceType == "c7g.xlarge");

        Assert.Equal("c7g", c7g.Family);
        Assert.Equal(Catalog.CpuArchitecture.Arm64, c7g.Architecture);
        Assert.Equal(7, c7g.Generation);
        Assert.False(c7g.Burstable);
        Assert.Equal(4, c7g.Vcpu);
        Assert.Equal(8192, c7g.MemoryMiB);
        Assert.Equal(0.145m, c7g.OnDemandUsdPerHour);
    }

    [Fact]
    public void Rank_LargeBeamBase_LeavesOutTypesThatCannotHoldAVm()
    {
        // 5,000 MiB of BEAM base at 70 %: EC2 needs (visible − 300 OS − 250 agents) × 0.7 > 5,000, i.e. more than
        // 7,143 MiB. t3.medium and t2.medium (4096 − 308 − 550 = 3,238 MiB) cannot, nor can any 8 GiB type
        // (at most 8192 − 615 − 550 = 7,027 MiB). EKS one pod per node: 8 GiB nodes leave ≤ 6,549 MiB after DaemonSets.
        var scenario = Scenario.Default with { BeamBaseMemoryMiB = 5_000 };

        var ranking = Fixture.Estimator.Rank(scenario);

        string[] small = ["t2.medium", "t3.medium"];
        Assert.Equal(PricedNames.Except(small).Except(["c5.xlarge", "c7g.xlarge", "m5.large", "m6i.large", "t3.large"]),
            Rows(ranking, PathIds.Ec2).Select(r => r.InstanceType).Order(StringComparer.Ordinal));
        string[] eightGib = ["c5.xlarge", "c7g.xlarge", "m5.large", "m6i.large", "t3.large"];
        Assert.Equal(PricedNames.Except(small).Except(eightGib), Rows(ranking, PathIds.Eks).Select(r => r.InstanceType).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Rank_Fargate_HasNoEksNodeRanking()
    {
        // EC2 against EKS on Fargate (EKS on nodes hidden): only EC2 has instance types to rank.
        var scenario = Scenario.Default with { HiddenPaths = Fixture.OnlyEc2AndFargate, PodLayout = PodLayout.FixedPodSize };

        var ranking = Fixture.Estimator.Rank(scenario);

        Assert.DoesNotContain(ranking.Paths, p => p.Path == PathIds.Eks);
        Assert.NotEmpty(Rows(ranking, PathIds.Ec2));
        Assert.Equal([PathIds.Ec2], ranking.Paths.Select(p => p.Path));
    }

    [Fact]
    public void Rank_OnlyFargateShown_RanksNothing()
    {
        var scenario = Scenario.Default with { HiddenPaths = PathList.Of([PathIds.Ec2, PathIds.Eks, PathIds.EcsEc2]) };

        Assert.Empty(Fixture.Estimator.Rank(scenario).Paths);
    }

    [Fact]
    public void Rank_OtherRegion_OnlyItsPricedTypes()
    {
        var ranking = Fixture.Estimator.Rank(Scenario.Default with { Region = Fixture.OtherRegion });

        Assert.Equal(["m6i.large"], Rows(ranking, PathIds.Ec2).Select(r => r.InstanceType));
    }

    [Fact]
    public void Rank_InvalidScenario_Throws()
    {
        Assert.Throws<ArgumentException>(() => Fixture.Estimator.Rank(Scenario.Default with { Region = "mars-1" }));
    }
}
