using CostCalc.Domain.Estimation;
using CostCalc.Domain.Scenarios;
using CostCalc.Domain.Tests.TestSupport;

namespace CostCalc.Domain.Tests.Estimation;

/// <summary>The month-by-month projection and break-even month, through <see cref="Estimator"/>.</summary>
public class ProjectionTests
{
    /// <summary>
    /// EKS on Fargate with tiny pods (0.25 vCPU / 0.5 GB ≈ $9/month, ≈ 2,900 connections each) against
    /// EC2 m6i.large (≈ $70/month for ≈ 110,000 connections) that carries $1,000/month of operations:
    /// Fargate starts cheaper, its cost per connection is ≈ 5× EC2's, and 20 %/month growth makes it dearer.
    /// EKS on nodes is hidden, so exactly these two paths are compared.
    /// </summary>
    private static readonly Scenario Crossing = Scenario.Default with
    {
        PeakConnections = 10_000,
        GrowthPercentPerMonth = 20,
        HorizonMonths = 48,
        HiddenPaths = Fixture.OnlyEc2AndFargate,
        PodLayout = PodLayout.FixedPodSize,
        PodCpuRequestMillicores = 250,
        PodCpuLimitMillicores = 1000,
        PodMemoryMiB = 256,
        Ec2OperationsHoursPerMonth = 10,
        OperationsUsdPerHour = 100,
    };

    [Theory]
    [InlineData(1)]
    [InlineData(12)]
    [InlineData(36)]
    [InlineData(60)]
    public void Projection_Horizon_HasOneEntryPerMonthNumberedFromOne(int months)
    {
        var projection = Fixture.Estimate(Scenario.Default with { HorizonMonths = months }).Projection;

        // Index m is month m + 1, in every series.
        Assert.Equal(months, projection.Months);
        Assert.Equal(months, projection.Connections.Count);
        Assert.All(projection.Paths, p =>
        {
            Assert.Equal(months, p.Machines.Count);
            Assert.Equal(months, p.Vms.Count);
            Assert.Equal(months, p.MonthlyUsd.Count);
            Assert.Equal(months, p.CumulativeUsd.Count);
        });
    }

    [Fact]
    public void Projection_EveryMonth_CumulativeIsRunningSumOfMonthly()
    {
        var projection = Fixture.Estimate(Scenario.Default).Projection;

        Assert.Equal(5, projection.Paths.Count);
        foreach (var series in projection.Paths)
        {
            decimal total = 0;
            for (var m = 0; m < projection.Months; m++)
            {
                total += series.MonthlyUsd[m]!.Value;
                Assert.Equal(total, series.CumulativeUsd[m]);
            }
        }
    }

    [Fact]
    public void Projection_FirstMonth_IsThePeakEstimate()
    {
        var estimate = Fixture.Estimate(Scenario.Default);

        Assert.Equal(100_000, estimate.Projection.Connections[0]);
        foreach (var path in estimate.Paths)
        {
            var series = estimate.Projection[path.Id];
            Assert.Equal(path.MonthlyUsd, series.MonthlyUsd[0]);
            Assert.Equal(path.Machines, series.Machines[0]);
            Assert.Equal(path.Vms, series.Vms[0]);
        }
    }

    [Theory]
    [InlineData(3.0)]
    [InlineData(-5.0)]
    [InlineData(20.0)]
    public void Projection_Growth_CompoundsConnectionsMonthly(double growth)
    {
        var projection = Fixture.Estimate(Scenario.Default with { GrowthPercentPerMonth = growth, HorizonMonths = 24 }).Projection;

        for (var m = 0; m < projection.Months; m++)
        {
            var expected = Math.Round(100_000 * Math.Pow(1 + (growth / 100), m));
            Assert.InRange(projection.Connections[m], expected - 1, expected + 1);
        }
    }

    [Fact]
    public void Projection_Growth_MachinesNeverShrinkAsConnectionsGrow()
    {
        var projection = Fixture.Estimate(Crossing).Projection;

        foreach (var series in projection.Paths)
        {
            for (var m = 1; m < projection.Months; m++)
            {
                Assert.True(series.Machines[m] >= series.Machines[m - 1], $"{series.Path} month {m + 1}");
            }
        }
    }

    [Fact]
    public void BreakEvenMonth_EksStartsCheaperButGrowsDearer_IsTheFirstMonthCumulativeCostsCross()
    {
        var estimate = Fixture.Estimate(Crossing);
        var ec2 = estimate.Projection[PathIds.Ec2];
        var fargate = estimate.Projection[PathIds.EksFargate];

        Assert.True(fargate.MonthlyUsd[0] < ec2.MonthlyUsd[0], "EKS on Fargate should start cheaper");
        Assert.True(fargate.MonthlyUsd[^1] > ec2.MonthlyUsd[^1], "EKS on Fargate should end dearer");
        var breakEven = estimate.TwoPathBreakEvenMonth();
        Assert.NotNull(breakEven);
        var month = breakEven.Value;
        Assert.InRange(month, 2, Crossing.HorizonMonths);
        Assert.True(fargate.CumulativeUsd[month - 1] >= ec2.CumulativeUsd[month - 1]);
        Assert.True(fargate.CumulativeUsd[month - 2] < ec2.CumulativeUsd[month - 2]);
        Assert.Equal(PathIds.EksFargate, estimate.Verdict.Month1CheapestPath);
    }

    [Fact]
    public void BreakEvenMonth_NoGrowthAndOnePathAlwaysCheaper_IsNull()
    {
        // The three paths before ECS: EC2 is the cheapest of them every month (ECS on Fargate is cheaper still, EcsPathTests).
        var estimate = Fixture.Estimate(Fixture.ThreePathDefault with { GrowthPercentPerMonth = 0 });
        var ec2 = estimate.Projection[PathIds.Ec2];

        foreach (var other in estimate.Projection.Paths.Where(p => p.Path != PathIds.Ec2))
        {
            for (var m = 0; m < estimate.Projection.Months; m++)
            {
                Assert.True(other.CumulativeUsd[m] > ec2.CumulativeUsd[m], $"{other.Path} month {m + 1}");
            }
        }

        Assert.All(estimate.Verdict.Comparisons, c => Assert.Null(c.BreakEvenMonth));
    }

    [Fact]
    public void BreakEvenMonth_HorizonEndsBeforeTheCrossing_IsNull()
    {
        var estimate = Fixture.Estimate(Crossing with { HorizonMonths = 6 });

        Assert.Null(estimate.TwoPathBreakEvenMonth());
    }
}
