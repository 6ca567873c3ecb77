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
    /// EKS starts cheaper, its cost per connection is ≈ 5× EC2's, and 20 %/month growth makes it dearer.
    /// </summary>
    private static readonly Scenario Crossing = Scenario.Default with
    {
        PeakConnections = 10_000,
        GrowthPercentPerMonth = 20,
        HorizonMonths = 48,
        Fargate = true,
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

        Assert.Equal(months, projection.Count);
        Assert.Equal(Enumerable.Range(1, months), projection.Select(m => m.Month));
    }

    [Fact]
    public void Projection_EveryMonth_CumulativeIsRunningSumOfMonthly()
    {
        var projection = Fixture.Estimate(Scenario.Default).Projection;

        decimal ec2 = 0, eks = 0;
        foreach (var month in projection)
        {
            ec2 += month.Ec2MonthlyUsd!.Value;
            eks += month.EksMonthlyUsd!.Value;
            Assert.Equal(ec2, month.Ec2CumulativeUsd);
            Assert.Equal(eks, month.EksCumulativeUsd);
        }
    }

    [Fact]
    public void Projection_FirstMonth_IsThePeakEstimate()
    {
        var estimate = Fixture.Estimate(Scenario.Default);

        var first = estimate.Projection[0];

        Assert.Equal(100_000, first.Connections);
        Assert.Equal(estimate.Ec2.MonthlyUsd, first.Ec2MonthlyUsd);
        Assert.Equal(estimate.Eks.MonthlyUsd, first.EksMonthlyUsd);
        Assert.Equal(estimate.Ec2.Machines, first.Ec2Machines);
        Assert.Equal(estimate.Eks.Machines, first.EksMachines);
    }

    [Theory]
    [InlineData(3.0)]
    [InlineData(-5.0)]
    [InlineData(20.0)]
    public void Projection_Growth_CompoundsConnectionsMonthly(double growth)
    {
        var projection = Fixture.Estimate(Scenario.Default with { GrowthPercentPerMonth = growth, HorizonMonths = 24 }).Projection;

        foreach (var month in projection)
        {
            var expected = Math.Round(100_000 * Math.Pow(1 + (growth / 100), month.Month - 1));
            Assert.InRange(month.Connections, expected - 1, expected + 1);
        }
    }

    [Fact]
    public void Projection_Growth_MachinesNeverShrinkAsConnectionsGrow()
    {
        var projection = Fixture.Estimate(Crossing).Projection;

        for (var i = 1; i < projection.Count; i++)
        {
            Assert.True(projection[i].Ec2Machines >= projection[i - 1].Ec2Machines);
            Assert.True(projection[i].EksMachines >= projection[i - 1].EksMachines);
        }
    }

    [Fact]
    public void BreakEvenMonth_EksStartsCheaperButGrowsDearer_IsTheFirstMonthCumulativeCostsCross()
    {
        var estimate = Fixture.Estimate(Crossing);
        var projection = estimate.Projection;

        Assert.True(projection[0].EksMonthlyUsd < projection[0].Ec2MonthlyUsd, "EKS should start cheaper");
        Assert.True(projection[^1].EksMonthlyUsd > projection[^1].Ec2MonthlyUsd, "EKS should end dearer");
        Assert.NotNull(estimate.BreakEvenMonth);
        var month = estimate.BreakEvenMonth.Value;
        Assert.InRange(month, 2, Crossing.HorizonMonths);
        Assert.True(projection[month - 1].EksCumulativeUsd >= projection[month - 1].Ec2CumulativeUsd);
        Assert.True(projection[month - 2].EksCumulativeUsd < projection[month - 2].Ec2CumulativeUsd);
        Assert.Equal(DeploymentPath.Eks, estimate.CheaperPath);
    }

    [Fact]
    public void BreakEvenMonth_NoGrowthAndOnePathAlwaysCheaper_IsNull()
    {
        var estimate = Fixture.Estimate(Scenario.Default with { GrowthPercentPerMonth = 0 });

        Assert.All(estimate.Projection, m => Assert.True(m.EksCumulativeUsd > m.Ec2CumulativeUsd));
        Assert.Null(estimate.BreakEvenMonth);
    }

    [Fact]
    public void BreakEvenMonth_HorizonEndsBeforeTheCrossing_IsNull()
    {
        var estimate = Fixture.Estimate(Crossing with { HorizonMonths = 6 });

        Assert.Null(estimate.BreakEvenMonth);
    }
}
