using CostCalc.Domain.Estimation;
using CostCalc.Domain.Prices;
using CostCalc.Domain.Scenarios;
using CostCalc.Domain.Tests.TestSupport;

namespace CostCalc.Domain.Tests.Estimation;

/// <summary>Service prices of model.md §1 as they reach the cost lines.</summary>
public partial class EstimatorTests
{
    [Theory]
    // clusters × (0.10 | 0.60) × 730 (model.md §1.1): $73.00 and $438.00 for one cluster.
    [InlineData(1, SupportTier.Standard, "73.00")]
    [InlineData(1, SupportTier.Extended, "438.00")]
    [InlineData(3, SupportTier.Standard, "219.00")]
    [InlineData(2, SupportTier.Extended, "876.00")]
    public void Estimate_ControlPlane_IsClustersTimesHourlyRateTimes730(int clusters, SupportTier tier, string expected)
    {
        var eks = Fixture.Estimate(Scenario.Default with { Clusters = clusters, SupportTier = tier })[PathIds.Eks];

        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), eks.Line(CostKind.ControlPlane).MonthlyUsd);
    }

    [Theory]
    // model.md §2.4 "$/month (730 h)" column: one instance at the §5.4 on-demand price.
    [InlineData("t3.medium", "30.37")]
    [InlineData("t3.large", "60.74")]
    [InlineData("m5.large", "70.08")]
    [InlineData("m6i.large", "70.08")]
    [InlineData("c5.xlarge", "124.10")]
    [InlineData("c7g.xlarge", "105.85")]
    [InlineData("c5.4xlarge", "496.40")]
    public void Estimate_OneInstance_ComputeMatchesDomainMonthlyColumn(string name, string monthly)
    {
        var scenario = Scenario.Default with { PeakConnections = 1, MinimumInstances = 1, SpareInstances = 0, Ec2InstanceType = name };

        var ec2 = Fixture.Estimate(scenario)[PathIds.Ec2];

        Assert.Equal(1, ec2.Machines);
        Assert.Equal(decimal.Parse(monthly, System.Globalization.CultureInfo.InvariantCulture), decimal.Round(ec2.Line(CostKind.Compute).MonthlyUsd, 2));
    }

    [Fact]
    public void Estimate_MillionIdleWebSockets_AlbMatchesDomainClaim()
    {
        // model.md §1.4: "1 M idle WebSockets ≈ 333 LCU ≈ $2.67/h ≈ $1,947/month". The doc's figures are the
        // LCU charge alone (333.3 × $0.008 = $2.667/h × 730 = $1,946.67); the line adds the $0.0225/h ALB hour.
        var scenario = Scenario.Default with
        {
            PeakConnections = 1_000_000, MessagesPerConnectionPerSecond = 0, NewConnectionsPerSecond = 0,
        };

        var alb = Fixture.Estimate(scenario)[PathIds.Ec2].Line(CostKind.LoadBalancer);

        var lcuMonthly = alb.MonthlyUsd - (0.0225m * 730);
        Assert.InRange(lcuMonthly / 730, 2.665m, 2.675m);
        Assert.InRange(lcuMonthly, 1_946.5m, 1_947.5m);
        Assert.Equal((0.0225m + (0.008m * 1_000_000m / 3_000m)) * 730, alb.MonthlyUsd, 6);
        Assert.Contains("333.3 LCU", alb.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Estimate_NewConnectionsDominate_AlbUsesNewConnectionDimension()
    {
        // 25,000 new connections/s = 1,000 LCU, more than 1,000 / 3,000 active.
        var scenario = Scenario.Default with
        {
            PeakConnections = 1_000, MessagesPerConnectionPerSecond = 0, NewConnectionsPerSecond = 25_000,
        };

        var alb = Fixture.Estimate(scenario)[PathIds.Eks].Line(CostKind.LoadBalancer);

        Assert.Equal((0.0225m + (0.008m * 1_000m)) * 730, alb.MonthlyUsd, 6);
    }

    [Fact]
    public void Estimate_ProcessedBytesDominate_AlbUsesGbPerHourDimension()
    {
        // 1,000 connections × 10 msg/s × 100,000 B × 3,600 s / 2³⁰ = 3,352.69 GB/h = LCU.
        var scenario = Scenario.Default with
        {
            PeakConnections = 1_000, MessagesPerConnectionPerSecond = 10, BytesPerMessage = 100_000, NewConnectionsPerSecond = 0,
            RemoteMessagePercent = 0,
        };

        var alb = Fixture.Estimate(scenario)[PathIds.Ec2].Line(CostKind.LoadBalancer);

        var lcu = 1_000d * 10 * 100_000 * 3_600 / (1024d * 1024 * 1024);
        Assert.Equal((0.0225m + (0.008m * (decimal)lcu)) * 730, alb.MonthlyUsd, 6);
    }

    [Fact]
    public void Estimate_NoLoadBalancer_HasNoAlbLine()
    {
        var estimate = Fixture.Estimate(Scenario.Default with { LoadBalancer = LoadBalancer.None });

        Assert.False(estimate[PathIds.Ec2].HasLine(CostKind.LoadBalancer));
        Assert.False(estimate[PathIds.Eks].HasLine(CostKind.LoadBalancer));
        Assert.False(estimate[PathIds.EksFargate].HasLine(CostKind.LoadBalancer));
        Assert.Equal(estimate[PathIds.Ec2].MonthlyUsd, estimate.Projection[PathIds.Ec2].MonthlyUsd[0]);
    }

    [Fact]
    public void Estimate_OneIdleNatGateway_Costs32Dollars85()
    {
        // model.md §1.4: an idle gateway ≈ $32.85/month (0.045 × 730).
        var eks = Fixture.Estimate(Scenario.Default with { NatGateways = 1 })[PathIds.Eks];

        Assert.Equal(32.85m, eks.Line(CostKind.NatGateway).MonthlyUsd);
    }

    [Fact]
    public void Estimate_NatGatewaysWithTraffic_AddsPerGbProcessing()
    {
        // 3 gateways × 32.85 + 1,000 GB × 0.045.
        var eks = Fixture.Estimate(Scenario.Default with { NatGateways = 3, NatProcessedGbPerMonth = 1_000 })[PathIds.Eks];

        Assert.Equal((3 * 32.85m) + 45m, eks.Line(CostKind.NatGateway).MonthlyUsd);
    }

    [Fact]
    public void Estimate_AutoModeOnM5Large_FeeIs0_01152PerNodeHour()
    {
        // model.md §1.2: m5.large 0.12 × $0.096 = $0.01152/h per Auto Mode-managed instance.
        var scenario = Scenario.Default with { EksNodeInstanceType = "m5.large", AutoMode = true };

        var eks = Fixture.Estimate(scenario)[PathIds.Eks];

        Assert.Equal(eks.Machines * 0.01152m * 730, eks.Line(CostKind.AutoModeFee).MonthlyUsd);
    }

    [Fact]
    public void Estimate_AutoModeOnSpotNodes_FeeStaysOnOnDemandPrice()
    {
        var scenario = Scenario.Default with { EksNodeInstanceType = "m5.large", AutoMode = true, EksPurchaseOption = PurchaseOption.Spot };

        var eks = Fixture.Estimate(scenario)[PathIds.Eks];

        Assert.Equal(eks.Machines * 0.01152m * 730, eks.Line(CostKind.AutoModeFee).MonthlyUsd);
        Assert.Equal(eks.Machines * 0.03264m * 730, eks.Line(CostKind.Compute).MonthlyUsd);
    }

    [Fact]
    public void Estimate_FargatePods_PricedPerRoundedVcpuAndGb()
    {
        // EKS user guide: 1 vCPU + 8 GB → +256 MB → 2 vCPU / 9 GB → 2 × 0.04048 + 9 × 0.004445 = $0.120965/h
        // per pod. Add-ons (300 m / 340 MiB over 3 pods → 100 m / 114 MiB) → 0.25 vCPU / 0.5 GB = $0.0123425/h
        // each, in a line of their own.
        var scenario = Scenario.Default with
        {
            HiddenPaths = Fixture.OnlyEc2AndFargate, PodLayout = PodLayout.FixedPodSize, PodCpuRequestMillicores = 1000,
            PodCpuLimitMillicores = 1000, PodMemoryMiB = 8192,
        };

        var fargate = Fixture.Estimate(scenario)[PathIds.EksFargate];

        var podPerHour = (2 * 0.04048m) + (9 * 0.004445m);
        var addOnPerHour = (0.25m * 0.04048m) + (0.5m * 0.004445m);
        Assert.Equal(0.120965m, podPerHour);
        Assert.Equal(fargate.Machines * podPerHour * 730, fargate.Line(CostKind.Compute).MonthlyUsd);
        Assert.Equal(3 * addOnPerHour * 730, fargate.Line(CostKind.SystemNodes).MonthlyUsd);
        Assert.Contains("2 vCPU / 9 GB", fargate.Line(CostKind.Compute).Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(PurchaseOption.OnDemand, "0.096")]
    [InlineData(PurchaseOption.ReservedStandard1Year, "0.06")]
    [InlineData(PurchaseOption.ReservedConvertible3Year, "0.049")]
    [InlineData(PurchaseOption.Spot, "0.03264")]
    public void Estimate_Ec2PurchaseOption_PricesComputeAtThatRate(PurchaseOption option, string usdPerHour)
    {
        var scenario = Scenario.Default with { Ec2InstanceType = "m5.large", Ec2PurchaseOption = option };

        var ec2 = Fixture.Estimate(scenario)[PathIds.Ec2];

        var rate = decimal.Parse(usdPerHour, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(ec2.Machines * rate * 730, ec2.Line(CostKind.Compute).MonthlyUsd);
    }

    [Fact]
    public void Estimate_PurchaseOptionWithoutOffer_FallsBackToOnDemandAndWarns()
    {
        var scenario = Scenario.Default with
        {
            Ec2InstanceType = "c7g.xlarge", Ec2PurchaseOption = PurchaseOption.ReservedStandard3Year,
            EksNodeInstanceType = "c7g.xlarge", EksPurchaseOption = PurchaseOption.ReservedConvertible1Year,
        };

        var estimate = Fixture.Estimate(scenario);

        Assert.Equal(estimate[PathIds.Ec2].Machines * 0.145m * 730, estimate[PathIds.Ec2].Line(CostKind.Compute).MonthlyUsd);
        Assert.Equal(estimate[PathIds.Eks].Machines * 0.145m * 730, estimate[PathIds.Eks].Line(CostKind.Compute).MonthlyUsd);
        Assert.Contains(estimate.Warnings, w => w.Code == "ec2-price-fallback");
        Assert.Contains(estimate.Warnings, w => w.Code == "eks-price-fallback");
    }

    [Fact]
    public void Estimate_OperationsHours_AddAnOperationsLineAtTheHourlyRate()
    {
        var scenario = Scenario.Default with { Ec2OperationsHoursPerMonth = 12, EksOperationsHoursPerMonth = 4.5, OperationsUsdPerHour = 120 };

        var estimate = Fixture.Estimate(scenario);

        Assert.Equal(1_440m, estimate[PathIds.Ec2].Line(CostKind.Operations).MonthlyUsd);
        Assert.Equal(540m, estimate[PathIds.Eks].Line(CostKind.Operations).MonthlyUsd);
        // EKS operations effort covers the cluster whatever runs its pods: Fargate pays it too.
        Assert.Equal(540m, estimate[PathIds.EksFargate].Line(CostKind.Operations).MonthlyUsd);
    }

    [Fact]
    public void Estimate_OneAvailabilityZone_HasNoCrossAzCost()
    {
        var estimate = Fixture.Estimate(Scenario.Default with { AvailabilityZones = 1 });

        Assert.All(estimate.Paths, p => Assert.Equal(0m, p.Line(CostKind.CrossAzTransfer).MonthlyUsd));
        Assert.Equal(5, estimate.Paths.Count);
    }

    [Fact]
    public void Estimate_RootVolumes_PricedPerGbMonthPerMachine()
    {
        var estimate = Fixture.Estimate(Scenario.Default with { Ec2RootVolumeGiB = 50, EksRootVolumeGiB = 100 });

        Assert.Equal(estimate[PathIds.Ec2].Machines * 50 * 0.08m, estimate[PathIds.Ec2].Line(CostKind.Storage).MonthlyUsd);
        Assert.Equal(estimate[PathIds.Eks].Machines * 100 * 0.08m, estimate[PathIds.Eks].Line(CostKind.Storage).MonthlyUsd);
    }

    [Theory]
    [MemberData(nameof(PropertyCases.Seeds), MemberType = typeof(PropertyCases))]
    public void Estimate_RandomScenario_CostLinesSumToTheMonthlyTotalOfTheProjection(int seed)
    {
        // The lines (display) and the projection (amounts by kind) are priced separately: they must agree.
        var scenario = RandomScenarios.Any(new Random(seed)) with { HorizonMonths = 2 };

        var estimate = Fixture.Estimate(scenario);

        foreach (var path in estimate.Paths)
        {
            var month1 = estimate.Projection[path.Id].MonthlyUsd[0];
            Assert.Equal(path.CostLines.Sum(l => l.MonthlyUsd), path.MonthlyUsd);
            Assert.Equal(path.Feasible ? path.MonthlyUsd : null, month1);
            Assert.All(path.CostLines, l => Assert.True(l.MonthlyUsd >= 0, $"{path.Id} {l.Name} {l.MonthlyUsd}"));
            Assert.Equal(path.CostLines.Count, path.CostLines.Select(l => l.Kind).Distinct().Count());
        }
    }
}
