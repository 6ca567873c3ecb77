using CostCalc.Domain.Estimation;
using CostCalc.Domain.Scenarios;
using CostCalc.Domain.Tests.TestSupport;

namespace CostCalc.Domain.Tests.Estimation;

/// <summary>
/// A fourth path defined in test code only: 3 machines whatever the load, $100 of compute and $20 of
/// storage a month. If the estimate, projection, verdict and validation carry it like the built-in
/// paths, nothing downstream of the plan knows how many paths there are.
/// <para>
/// Figures for the built-in paths, the default scenario without growth (hand-worked in
/// <see cref="EstimatorTests"/> and <see cref="FargatePathTests"/>): ALB (0.0225 + 0.008 × 34.332275 LCU) × 730
/// = $216.925488; cross-AZ 3,341.6748 GB × $0.01 × 2 = $66.833496. EC2 3 × $0.096 × 730 + 3 × 20 GiB × $0.08
/// = $215.04 + shared = $498.798984; EKS on Fargate $127.5894 + $27.030075 + $73 + shared = $511.378459;
/// EKS = EC2 + $73 = $571.798984. The verdict tests leave internet egress out (no bytes to clients): the stub
/// does not pay it, and on the built-in paths it is the same amount everywhere.
/// </para>
/// </summary>
public class StubPathTests
{
    private const string Stub = "stub";

    private const decimal Ec2Monthly = 498.798984375m;

    private const decimal FargateMonthly = 511.378459375m;

    private static Estimator WithStub(decimal computeUsd = 100m, decimal storageUsd = 20m) => new(
        Fixture.Catalog,
        Fixture.Prices,
        [DeploymentPaths.Ec2, DeploymentPaths.Eks, DeploymentPaths.EksFargate, new DeploymentPath(Stub, "Stub path", (_, _, _) => new StubPlan(computeUsd, storageUsd))]);

    /// <summary>The three built-in paths the stub is compared with (EC2, EKS, EKS on Fargate), without the stub.</summary>
    private static Estimator WithoutStub { get; } = new(Fixture.Catalog, Fixture.Prices, [DeploymentPaths.Ec2, DeploymentPaths.Eks, DeploymentPaths.EksFargate]);

    private static Estimate EstimateWithStub(Scenario scenario) => WithStub().Estimate(scenario, Fixture.Today);

    /// <summary>3 VMs on 3 machines (as many as the default zones, so no zone warning), each holding a million connections.</summary>
    private sealed class StubPlan(decimal computeUsd, decimal storageUsd) : IPathPlan
    {
        public string MachineType => "stub box";

        public string MachineKind => "box";

        public PathSize Size(double connections) =>
            new(3, 3, 0, 1, new VmCapacity(1024, 1, 1, 1_000_000, null), 0);

        public void Cost(PathSize size, double connections, CostSheet sheet)
        {
            sheet.Add(CostKind.Compute, "Stub compute", computeUsd, $"{size.Machines} boxes", "test");
            sheet.Add(CostKind.Storage, "Stub storage", storageUsd, "flat", "test");
        }

        public ResourceSplit MemorySplit(PathSize size, double connections) => new("stub box", "MiB", [new("Everything", 1024)]);

        public ResourceSplit CpuSplit(PathSize size, double connections) => new("stub box", "millicores", [new("Everything", 1000)]);

        public IEnumerable<Warning> Warnings(PathSize size) => [];

        public Disruption Disruption(PathSize size) => new([], []);
    }

    [Fact]
    public void Estimate_StubPath_AppearsAfterTheBuiltInPathsWithItsLinesAndTotal()
    {
        var estimate = EstimateWithStub(Scenario.Default);

        Assert.Equal([PathIds.Ec2, PathIds.Eks, PathIds.EksFargate, Stub], estimate.Paths.Select(p => p.Id));
        var stub = estimate[Stub];
        Assert.Same(stub, estimate.Find(Stub));
        Assert.Equal("Stub path", stub.Name);
        Assert.Equal("stub box", stub.MachineType);
        Assert.Equal("box", stub.MachineKind);
        Assert.True(stub.Feasible);
        Assert.Equal(3, stub.Machines);
        Assert.Equal(3, stub.Vms);
        Assert.Equal(3, stub.MeshConnections);
        Assert.Equal([(CostKind.Compute, "Stub compute", 100m, "3 boxes"), (CostKind.Storage, "Stub storage", 20m, "flat")],
            stub.CostLines.Select(l => (l.Kind, l.Name, l.MonthlyUsd, l.Detail)));
        Assert.Equal(120m, stub.MonthlyUsd);

        // $120 for 100,000 connections = $12 per 10,000.
        Assert.Equal(12m, stub.UsdPer10kConnections);
        Assert.Empty(stub.Warnings);
    }

    [Fact]
    public void Estimate_StubPath_HasASeriesOf120AMonth()
    {
        // The default 3 %/month growth changes nothing for a path of fixed size and cost.
        var estimate = EstimateWithStub(Scenario.Default);

        var series = estimate.Projection[Stub];

        Assert.Equal(36, series.MonthlyUsd.Count);
        for (var m = 0; m < 36; m++)
        {
            Assert.Equal(120m, series.MonthlyUsd[m]);
            Assert.Equal(120m * (m + 1), series.CumulativeUsd[m]);
            Assert.Equal(3, series.Machines[m]);
            Assert.Equal(3, series.Vms[m]);
        }

        Assert.Equal(4_320m, series.CumulativeUsd[^1]);
    }

    [Fact]
    public void Estimate_StubPathCheapest_IsTheVerdictsCheapestPathAndNamedInTheSummary()
    {
        // Without growth: stub 36 × $120 = $4,320; EC2 36 × $498.798984 = $17,956.76, the next cheapest.
        // Saving 36 × ($498.798984 − $120) = $13,636.76 → "$13,637"; 378.798984 / 498.798984 = 75.9 % → "76 %".
        var estimate = EstimateWithStub(Scenario.Default with { GrowthPercentPerMonth = 0, ClientBytesPerConnectionPerSecond = 0 });
        var verdict = estimate.Verdict;

        Assert.Equal(Stub, verdict.CheapestPath);
        Assert.Equal(PathIds.Ec2, verdict.RunnerUpPath);
        Assert.Equal(Stub, verdict.Month1CheapestPath);
        Assert.Empty(verdict.FlipMonths);
        Assert.Equal(36 * (Ec2Monthly - 120m), verdict.HorizonSavingUsd, 6);
        Assert.Equal(75.942, verdict.HorizonSavingPercent, 3);
        Assert.Equal(
            "Stub path saves $13,637 (76 %) over 36 months against EC2, the next cheapest; no other path is cheaper in any month.",
            verdict.Summary);

        // Every path is compared with the stub, the reference.
        Assert.Equal([PathIds.Ec2, PathIds.Eks, PathIds.EksFargate, Stub], verdict.Comparisons.Select(c => c.Path));
        var stub = estimate.Comparison(Stub);
        Assert.Equal("Stub path", stub.Name);
        Assert.Equal(4_320m, stub.HorizonUsd);
        Assert.Equal(120m, stub.Month1Usd);
        Assert.Equal(0m, stub.HorizonDifferenceUsd);
        Assert.Equal(0m, stub.Month1DifferenceUsd);
        Assert.Null(stub.BreakEvenMonth);
        var ec2 = estimate.Comparison(PathIds.Ec2);
        Assert.Equal(Ec2Monthly - 120m, ec2.Month1DifferenceUsd!.Value, 6);
        Assert.Equal(36 * (Ec2Monthly - 120m), ec2.HorizonDifferenceUsd!.Value, 6);
        Assert.Null(ec2.BreakEvenMonth);
    }

    [Fact]
    public void Estimate_StubPathDearest_IsComparedButNotTheWinner()
    {
        // A $10,000 + $20 stub: EC2 wins; EKS on Fargate is the next cheapest at $12.579475 a month more,
        // 36 × $12.579475 = $452.86 → "$453"; 12.579475 / 511.378459 = 2.46 % → "2.5 %".
        var estimate = WithStub(computeUsd: 10_000m).Estimate(Scenario.Default with { GrowthPercentPerMonth = 0, ClientBytesPerConnectionPerSecond = 0 }, Fixture.Today);
        var verdict = estimate.Verdict;

        Assert.Equal(PathIds.Ec2, verdict.CheapestPath);
        Assert.Equal(PathIds.EksFargate, verdict.RunnerUpPath);
        Assert.Equal(
            "EC2 saves $453 (2.5 %) over 36 months against EKS on Fargate, the next cheapest; no other path is cheaper in any month.",
            verdict.Summary);
        Assert.Equal(36 * (FargateMonthly - Ec2Monthly), verdict.HorizonSavingUsd, 6);
        Assert.Equal((10_020m - Ec2Monthly) * 36, estimate.Comparison(Stub).HorizonDifferenceUsd!.Value, 6);
    }

    [Fact]
    public void Estimate_StubPathHidden_IsGoneEverywhere()
    {
        var scenario = Scenario.Default with { HiddenPaths = PathList.Of([Stub]) };

        var estimate = EstimateWithStub(scenario);
        var builtIn = WithoutStub.Estimate(Scenario.Default, Fixture.Today);

        Assert.Null(estimate.Find(Stub));
        Assert.Equal([PathIds.Ec2, PathIds.Eks, PathIds.EksFargate], estimate.Paths.Select(p => p.Id));
        Assert.DoesNotContain(estimate.Projection.Paths, p => p.Path == Stub);
        Assert.DoesNotContain(estimate.Verdict.Comparisons, c => c.Path == Stub);
        Assert.DoesNotContain("Stub", estimate.Verdict.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain(WithStub().Shown(scenario), p => p.Id == Stub);

        // What is left is the built-in estimate.
        Assert.Equal(builtIn.Paths.Select(p => (p.Id, p.MonthlyUsd)), estimate.Paths.Select(p => (p.Id, p.MonthlyUsd)));
        Assert.Equal(builtIn.Projection.Paths.Select(p => p.CumulativeUsd[^1]), estimate.Projection.Paths.Select(p => p.CumulativeUsd[^1]));
        Assert.Equal(builtIn.Verdict.CheapestPath, estimate.Verdict.CheapestPath);
        Assert.Equal(builtIn.Verdict.Summary, estimate.Verdict.Summary);
        Assert.Equal(builtIn.Warnings, estimate.Warnings);
    }

    [Fact]
    public void Estimate_OnlyTheStubShown_IsTheOnlyPath()
    {
        var scenario = Scenario.Default with { HiddenPaths = PathList.Of([PathIds.Ec2, PathIds.Eks, PathIds.EksFargate]) };

        var estimate = EstimateWithStub(scenario);

        Assert.Equal([Stub], estimate.Paths.Select(p => p.Id));
        Assert.Null(estimate.Verdict.CheapestPath);
        Assert.Equal("Stub path (the only path shown) costs $4,320 over 36 months.", estimate.Verdict.Summary);
    }

    [Fact]
    public void Validate_StubEstimator_KnowsTheStubIdButNoOther()
    {
        var estimator = WithStub();

        Assert.Equal([PathIds.Ec2, PathIds.Eks, PathIds.EksFargate, Stub], estimator.Paths.Select(p => p.Id));
        Assert.Empty(estimator.Validate(Scenario.Default with { HiddenPaths = PathList.Of([Stub]) }));
        Assert.Equal("hiddenPaths", Assert.Single(estimator.Validate(Scenario.Default with { HiddenPaths = PathList.Of(["gke"]) })).Field);
        var all = Scenario.Default with { HiddenPaths = PathList.Of([PathIds.Ec2, PathIds.Eks, PathIds.EksFargate, Stub]) };
        Assert.Equal("hiddenPaths", Assert.Single(estimator.Validate(all)).Field);
        Assert.Throws<ArgumentException>(() => estimator.Estimate(all, Fixture.Today));
    }

    [Fact]
    public void Describe_StubPlan_AtAnyConnectionCount_IsTheSamePathEstimate()
    {
        // Estimator.Describe is what the estimate uses for each path; it needs nothing but the plan.
        var stub = Estimator.Describe(Stub, "Stub path", new StubPlan(100m, 20m), 1_000_000);

        Assert.Equal(120m, stub.MonthlyUsd);
        Assert.Equal(1.2m, stub.UsdPer10kConnections);
        Assert.Equal("3 boxes", stub.CostLines[0].Detail);
    }

    [Fact]
    public void Rank_StubPath_HasNoInstanceTypeSoIsNotRanked()
    {
        var ranking = WithStub().Rank(Scenario.Default);

        Assert.Equal([PathIds.Ec2, PathIds.Eks], ranking.Paths.Select(p => p.Path));
    }
}
