using CostCalc.Domain.Estimation;
using CostCalc.Domain.Prices;
using CostCalc.Domain.Scenarios;
using CostCalc.Domain.Tests.TestSupport;

namespace CostCalc.Domain.Tests.Estimation;

/// <summary>Warnings: each appears when its condition holds, and not otherwise.</summary>
public partial class EstimatorTests
{
    private static IReadOnlyList<string> Codes(Estimate estimate) => [.. estimate.Warnings.Select(w => w.Code)];

    [Fact]
    public void Estimate_DefaultScenario_WarnsOnlyOfReconnectStorms()
    {
        // 3 Kubernetes upgrades a year keep pace with 3 minor releases a year, so the cluster stays in standard
        // support for all 36 months (docs/model.md §6); the upgrades' restarts are counted as their own cause.
        // The warnings: Fargate's zone-by-zone patching leaves 2 one-vCPU pods 9.3 s of reconnects (§6.2), and an ECS
        // deployment at 100 % / 200 % moves all 100,000 clients onto the 3 new tasks at once (§11.6): 33,333 × 200 µs
        // = 6.67 core-s per task, on 1.65 − 0.428 = 1.222 spare cores on EC2 (5.5 s) and 0.572 on Fargate (11.7 s).
        var warnings = Fixture.Estimate(Scenario.Default).Warnings;
        Assert.Equal(
            [("reconnect-storm", PathIds.EksFargate), ("reconnect-storm", PathIds.EcsEc2), ("reconnect-storm", PathIds.EcsFargate)],
            warnings.Select(w => (w.Code, w.Path)));
        Assert.Single(Fixture.Estimate(Fixture.ThreePathDefault).Warnings);
    }

    [Fact]
    public void Estimate_OneUpgradeAYearOver36Months_WarnsThatStandardSupportLapsesWithTheExtendedPrice()
    {
        // By hand (docs/model.md §6): a minor every 4 months, version k in standard support to month 4k + 14.
        // One upgrade a year: at month 19 the cluster is on version ⌊19/12⌋ = 1, supported to month 18 → lapses in month 19.
        // 36 months need 3 a year (2 a year lapse in month 35: version ⌊35/6⌋ = 5, supported to 34).
        var estimate = Fixture.Estimate(Scenario.Default with { KubernetesUpgradesPerYear = 1 });

        var warning = Assert.Single(estimate.Warnings, w => w.Code != "reconnect-storm");
        Assert.Equal("standard-support-lapses", warning.Code);
        Assert.Contains("from month 19", warning.Message, StringComparison.Ordinal);
        Assert.Contains("at least 3 upgrades a year", warning.Message, StringComparison.Ordinal);
        // $0.60/h from the price book, × 730 h = $438.00 a month.
        Assert.Contains("$0.60/h", warning.Message, StringComparison.Ordinal);
        Assert.Contains("$438.00/month", warning.Message, StringComparison.Ordinal);
        // Both EKS paths raise it; the estimate lists it once, for no single path.
        Assert.Null(warning.Path);
        Assert.Contains(estimate[PathIds.Eks].Warnings, w => w.Code == "standard-support-lapses");
        Assert.Contains(estimate[PathIds.EksFargate].Warnings, w => w.Code == "standard-support-lapses");
    }

    [Fact]
    public void Estimate_ExtendedSupportTier_NeverWarnsAboutLapsingStandardSupport()
    {
        Assert.DoesNotContain("standard-support-lapses",
            Codes(Fixture.Estimate(Scenario.Default with { KubernetesUpgradesPerYear = 0, SupportTier = SupportTier.Extended })));
    }

    [Fact]
    public void Estimate_HorizonWithinStandardSupport_HasNoSupportWarning()
    {
        Assert.DoesNotContain(Fixture.Estimate(Scenario.Default with { HorizonMonths = 14 }).Warnings, w => w.Code.Contains("support", StringComparison.Ordinal));
    }

    [Fact]
    public void Estimate_BurstableEc2Instance_WarnsAboutBaseline()
    {
        var estimate = Fixture.Estimate(Scenario.Default with { Ec2InstanceType = "t3.medium" });

        var warning = Assert.Single(estimate.Warnings, w => w.Code == "ec2-burstable-baseline");
        Assert.Contains("t3.medium", warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("eks-burstable-baseline", Codes(estimate));
    }

    [Fact]
    public void Estimate_BurstableEksNode_WarnsAboutBaseline()
    {
        var estimate = Fixture.Estimate(Scenario.Default with { EksNodeInstanceType = "t3.large" });

        Assert.Contains("eks-burstable-baseline", Codes(estimate));
        Assert.DoesNotContain("ec2-burstable-baseline", Codes(estimate));
    }

    [Fact]
    public void Estimate_BurstableWithUnlimitedCredits_DoesNotWarnAboutBaseline()
    {
        var scenario = Scenario.Default with { Ec2InstanceType = "t3.medium", EksNodeInstanceType = "t3.large", BurstableUnlimited = true };

        var codes = Codes(Fixture.Estimate(scenario));

        Assert.DoesNotContain("ec2-burstable-baseline", codes);
        Assert.DoesNotContain("eks-burstable-baseline", codes);
    }

    [Theory]
    [InlineData(500, "busy-wait")]
    [InlineData(999, "busy-wait")]
    [InlineData(1500, "pod-cpu-limit-fractional")]
    public void Estimate_PodCpuLimitNotWholeCores_Warns(int limit, string code)
    {
        var scenario = Scenario.Default with
        {
            PodLayout = PodLayout.FixedPodSize, PodCpuRequestMillicores = Math.Min(limit, 1000), PodCpuLimitMillicores = limit,
        };

        Assert.Contains(code, Codes(Fixture.Estimate(scenario)));
    }

    [Theory]
    [InlineData(1000)]
    [InlineData(2000)]
    [InlineData(0)]
    public void Estimate_PodCpuLimitWholeCoresOrNone_DoesNotWarn(int limit)
    {
        var scenario = Scenario.Default with { PodLayout = PodLayout.FixedPodSize, PodCpuRequestMillicores = 1000, PodCpuLimitMillicores = limit };

        var codes = Codes(Fixture.Estimate(scenario));

        Assert.DoesNotContain("pod-cpu-limit-fractional", codes);
    }

    [Fact]
    public void Estimate_LimitBelowOneCoreWhenOnePodPerNode_DoesNotWarn()
    {
        // The pod limit is only used by the fixed pod size layout.
        var scenario = Scenario.Default with { PodLayout = PodLayout.OnePodPerNode, PodCpuRequestMillicores = 500, PodCpuLimitMillicores = 500 };

        Assert.DoesNotContain("pod-cpu-limit-below-one-scheduler", Codes(Fixture.Estimate(scenario)));
    }

    [Fact]
    public void Estimate_TodayFarAfterOldestPrice_SaysSoOnceAsAPriceNotice()
    {
        var estimate = Fixture.Estimator.Estimate(Scenario.Default, Fixture.Gp3AsOf.AddDays(Estimator.StalePriceDays + 1));

        var notice = Assert.IsType<string>(estimate.PriceNotice);
        Assert.Contains("EBS gp3", notice, StringComparison.Ordinal);
        Assert.Contains("2024-07-18", notice, StringComparison.Ordinal);
        Assert.DoesNotContain(estimate.Warnings, w => w.Message.Contains("days old", StringComparison.Ordinal));
    }

    [Fact]
    public void Estimate_TodayWithin180DaysOfOldestPrice_DoesNotWarn()
    {
        var estimate = Fixture.Estimator.Estimate(Scenario.Default, Fixture.Gp3AsOf.AddDays(Estimator.StalePriceDays));

        Assert.Null(estimate.PriceNotice);
    }

    [Fact]
    public void Estimate_MoreThan100Vms_WarnsAboutFullMesh()
    {
        var estimate = Fixture.Estimate(Scenario.Default with { MinimumInstances = 101, SpareInstances = 0 });

        var warning = Assert.Single(estimate.Warnings, w => w.Code == "full-mesh-large");
        Assert.Contains("5,050", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Estimate_Exactly100Vms_DoesNotWarnAboutFullMesh()
    {
        var estimate = Fixture.Estimate(Scenario.Default with { MinimumInstances = 100, SpareInstances = 0 });

        Assert.Equal(100, estimate[PathIds.Ec2].Vms);
        Assert.DoesNotContain("full-mesh-large", Codes(estimate));
    }

    [Fact]
    public void Estimate_ManyConnections_WarnsAboutFullMesh()
    {
        // 20 M connections at ≈ 110–118 k per m6i.large VM need well over 100 VMs.
        var estimate = Fixture.Estimate(Scenario.Default with { PeakConnections = 20_000_000 });

        Assert.True(estimate[PathIds.Ec2].Vms > 100, $"{estimate[PathIds.Ec2].Vms} VMs");
        Assert.Contains("full-mesh-large", Codes(estimate));
    }

    [Fact]
    public void Estimate_SpotOnEitherPath_WarnsSpotIsEstimated()
    {
        Assert.Contains("spot-estimate", Codes(Fixture.Estimate(Scenario.Default with { EksPurchaseOption = PurchaseOption.Spot })));
        Assert.Contains("spot-estimate", Codes(Fixture.Estimate(Scenario.Default with { Ec2PurchaseOption = PurchaseOption.Spot })));

        // Spot on both paths: one warning, not one per path.
        var both = Fixture.Estimate(Scenario.Default with { Ec2PurchaseOption = PurchaseOption.Spot, EksPurchaseOption = PurchaseOption.Spot });
        Assert.Single(both.Warnings, w => w.Code == "spot-estimate");
    }

    [Fact]
    public void Estimate_FewerMachinesThanZones_Warns()
    {
        // 1,000 connections fit one VM: 1 + 1 spare = 2 machines for 3 zones.
        var scenario = Scenario.Default with { PeakConnections = 1_000, MinimumInstances = 1, SpareInstances = 1, AvailabilityZones = 3 };

        Assert.Contains("fewer-machines-than-zones", Codes(Fixture.Estimate(scenario)));
    }

    [Fact]
    public void Estimate_ProjectionGrowsPastThePlausibleScale_Warns()
    {
        // 50 M connections growing 20 % a month pass 100 M connections within the horizon.
        var scenario = Scenario.Default with { PeakConnections = 50_000_000, GrowthPercentPerMonth = 20, HorizonMonths = 12 };

        Assert.Contains("beyond-plausible-scale", Codes(Fixture.Estimate(scenario)));
    }

    [Fact]
    public void Estimate_RegionWithoutOwnServicePrices_WarnsUsEast1Rates()
    {
        var scenario = Scenario.Default with { Region = Fixture.OtherRegion };

        var estimate = Fixture.Estimate(scenario);

        Assert.Contains("service-prices-us-east-1", Codes(estimate));
        Assert.Contains("gp3-us-east-1", Codes(estimate));
        Assert.Equal("Europe (Ireland)", estimate.RegionName);
        Assert.Equal(estimate[PathIds.Ec2].Machines * 0.107m * 730, estimate[PathIds.Ec2].Line(CostKind.Compute).MonthlyUsd);
    }

    [Fact]
    public void Estimate_PrefixDelegationOnNonNitro_WarnsAndKeepsEniMaxPods()
    {
        // t2.medium is Xen: prefix delegation is unavailable, so 17 pods (eni-max-pods.txt) − 5 DaemonSet pods.
        var scenario = Scenario.Default with
        {
            EksNodeInstanceType = "t2.medium", BurstableUnlimited = true, MaxPodsMode = MaxPodsMode.PrefixDelegation,
            PodLayout = PodLayout.FixedPodSize, PodCpuRequestMillicores = 1, PodCpuLimitMillicores = 1000, PodMemoryMiB = 200,
        };

        var estimate = Fixture.Estimate(scenario);

        Assert.Contains("prefix-delegation-needs-nitro", Codes(estimate));
        Assert.Equal(17 - 5, estimate[PathIds.Eks].VmsPerMachine);
    }

    [Fact]
    public void Estimate_PrefixDelegationOnNitro_DoesNotWarn()
    {
        var estimate = Fixture.Estimate(Scenario.Default with { MaxPodsMode = MaxPodsMode.PrefixDelegation });

        Assert.DoesNotContain("prefix-delegation-needs-nitro", Codes(estimate));
    }

    [Fact]
    public void Estimate_FixedPodsLimitedByMaxPods_WarnsMaxPodsBinds()
    {
        // c5.4xlarge fixed at 8 max pods − 5 DaemonSet pods = 3 slots; tiny pods fit 15 by CPU, 100+ by memory.
        var scenario = Scenario.Default with
        {
            EksNodeInstanceType = "c5.4xlarge", MaxPodsMode = MaxPodsMode.Fixed, FixedMaxPods = 8,
            PodLayout = PodLayout.FixedPodSize, PodCpuRequestMillicores = 1000, PodCpuLimitMillicores = 1000, PodMemoryMiB = 256,
        };

        var estimate = Fixture.Estimate(scenario);

        Assert.Equal(3, estimate[PathIds.Eks].VmsPerMachine);
        Assert.Contains("max-pods-binds", Codes(estimate));
    }

    [Theory]
    [InlineData(0, 0, null, true)]
    [InlineData(5, 0, null, false)]
    [InlineData(0, 5, null, false)]
    [InlineData(5, 0, "ec2", true)]   // EC2 hidden: its hours matter to no shown path
    public void OperationsNotice_OnlyWhenEveryShownPathsEffortIsZero(double ec2Hours, double eksHours, string? hidden, bool expected)
    {
        var scenario = Scenario.Default with
        {
            Ec2OperationsHoursPerMonth = ec2Hours,
            EksOperationsHoursPerMonth = eksHours,
            HiddenPaths = hidden is null ? PathList.Empty : PathList.Of([hidden]),
        };

        Assert.Equal(expected, Fixture.Estimate(scenario).OperationsNotice is not null);
    }
}
