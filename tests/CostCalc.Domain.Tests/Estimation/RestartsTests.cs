using CostCalc.Domain.Estimation;
using CostCalc.Domain.Prices;
using CostCalc.Domain.Scenarios;
using CostCalc.Domain.Tests.TestSupport;

namespace CostCalc.Domain.Tests.Estimation;

/// <summary>Connections dropped by cause: deploys, patch rolls, Kubernetes upgrades, Auto Mode, spot (docs/model.md §6).</summary>
public class RestartsTests
{
    private static (long Dropped, long Restarts, double Events) Of(PathEstimate path, string cause) =>
        path.Disruption.Find(cause) is { } c ? (c.ConnectionsDroppedPerMonth, c.VmRestartsPerMonth, c.EventsPerMonth) : (-1, -1, -1);

    [Fact]
    public void Default_DropsPerCause_HandWorked()
    {
        // 100,000 connections, 3 VMs on every path; 8 deploys a month, 12 patch rolls a year, 3 upgrades a year.
        // EC2: deploys 8 × 100,000 = 800,000 (8 × 3 = 24 restarts); instance refresh 12/12 = 1 a month → 100,000 (3).
        // EKS on nodes and on Fargate: deploys the same; upgrades 3/12 = 0.25 a month → 25,000 (0.75 → 1 restart);
        // patch rolls 12 − 3 = 9 a year (an upgrade brings its own AMI) = 0.75 a month → 75,000 (2.25 → 2).
        // Totals: 900,000 dropped and 27 restarts a month on every path.
        var estimate = Fixture.Estimate(Scenario.Default);

        var ec2 = estimate[PathIds.Ec2];
        Assert.Equal([DropCauses.Deploys, DropCauses.Patching], ec2.Disruption.Causes.Select(c => c.Cause));
        Assert.Equal((800_000, 24, 8.0), Of(ec2, DropCauses.Deploys));
        Assert.Equal((100_000, 3, 1.0), Of(ec2, DropCauses.Patching));
        foreach (var id in new[] { PathIds.Eks, PathIds.EksFargate })
        {
            var eks = estimate[id];
            Assert.Equal([DropCauses.Deploys, DropCauses.Patching, DropCauses.KubernetesUpgrades], eks.Disruption.Causes.Select(c => c.Cause));
            Assert.Equal((800_000, 24, 8.0), Of(eks, DropCauses.Deploys));
            Assert.Equal((25_000, 1, 0.25), Of(eks, DropCauses.KubernetesUpgrades));
            Assert.Equal((75_000, 2, 0.75), Of(eks, DropCauses.Patching));
        }

        Assert.All(estimate.Paths, p => Assert.Equal(900_000, p.Disruption.ConnectionsDroppedPerMonth));
        Assert.All(estimate.Paths, p => Assert.Equal(27, p.Disruption.VmRestartsPerMonth));
    }

    [Fact]
    public void AutoMode_WeeklyAmiDriftReplacesPatchRolls()
    {
        // 52 weekly AMIs a year less the 3 upgrades = 49 rolls a year = 4.0833 a month → 408,333 dropped, 12.25 → 12 restarts.
        var eks = Fixture.Estimate(Scenario.Default with { AutoMode = true })[PathIds.Eks];

        Assert.Equal(-1, Of(eks, DropCauses.Patching).Dropped);
        var (dropped, restarts, events) = Of(eks, DropCauses.AutoModeReplacement);
        Assert.Equal(408_333, dropped);
        Assert.Equal(12, restarts);
        Assert.Equal(49.0 / 12, events, 9);
    }

    [Fact]
    public void Spot_EachReclaimedMachineDropsItsConnections()
    {
        // 10 % of 3 instances a month = 0.3 reclaims; each holds a third of 100,000 → 10,000 dropped, 0.3 → 0 restarts.
        var estimate = Fixture.Estimate(Scenario.Default with { Ec2PurchaseOption = PurchaseOption.Spot, SpotInterruptionPercentPerMonth = 10 });

        var (dropped, restarts, events) = Of(estimate[PathIds.Ec2], DropCauses.SpotInterruptions);
        Assert.Equal((10_000, 0), (dropped, restarts));
        Assert.Equal(0.3, events, 9);
        Assert.Equal(-1, Of(estimate[PathIds.Eks], DropCauses.SpotInterruptions).Dropped);
        Assert.True(ScenarioFields.Find("spotInterruptionPercentPerMonth")!.Matters(estimate.Scenario));
        Assert.False(ScenarioFields.Find("spotInterruptionPercentPerMonth")!.Matters(Scenario.Default));
    }

    [Theory]
    // Standard support over the horizon (docs/model.md §6): a minor every 4 months, version k supported to month 4k + 14,
    // upgrades evenly spaced. 14 months: none needed. 18: one a year (month 18 on version 1, supported to 18).
    // 19: one a year lapses in month 19 (version 1, to 18), so 2. 24: 2 a year reach version ⌊24/6⌋ = 4 (to 30).
    // 34: 2 a year, month 34 on version ⌊34/6⌋ = 5, supported to 34. 36: 2 a year lapse in month 35 (version 5), so 3.
    [InlineData(14, 0)]
    [InlineData(18, 1)]
    [InlineData(19, 2)]
    [InlineData(24, 2)]
    [InlineData(34, 2)]
    [InlineData(36, 3)]
    [InlineData(60, 3)]
    public void MinimumUpgradesPerYear_AgainstTheSupportWindow(int horizon, int minimum)
    {
        Assert.Equal(minimum, KubernetesSupport.MinimumUpgradesPerYear(horizon));
    }

    [Theory]
    [InlineData(0, 36, 15)]  // version 0 is supported to month 14
    [InlineData(1, 36, 19)]  // version 1 (month 12) to 18
    [InlineData(2, 36, 35)]  // version 5 (month 30) to 34
    [InlineData(3, 60, null)]
    [InlineData(12, 60, null)] // more upgrades than releases: never past the newest minor, never out of support
    public void MonthLeavingStandardSupport_HandWorked(double perYear, int horizon, int? month)
    {
        Assert.Equal(month, KubernetesSupport.MonthLeavingStandardSupport(perYear, horizon));
    }

    [Theory]
    [MemberData(nameof(PropertyCases.Seeds), MemberType = typeof(PropertyCases))]
    public void Drops_AreNeverNegative_AndTotalsAreTheSumOfCauses(int seed)
    {
        var scenario = RandomScenarios.Any(new Random(seed));

        foreach (var path in Fixture.Estimate(scenario).Paths)
        {
            Assert.All(path.Disruption.Causes, c =>
            {
                Assert.True(c.ConnectionsDroppedPerMonth >= 0, $"{path.Name} {c.Cause}: {c.ConnectionsDroppedPerMonth}");
                Assert.True(c.VmRestartsPerMonth >= 0, $"{path.Name} {c.Cause}: {c.VmRestartsPerMonth}");
                Assert.True(c.EventsPerMonth >= 0, $"{path.Name} {c.Cause}: {c.EventsPerMonth}");
            });
            Assert.Equal(path.Disruption.Causes.Sum(c => c.ConnectionsDroppedPerMonth), path.Disruption.ConnectionsDroppedPerMonth);
            Assert.Contains(path.Disruption.Causes, c => c.Cause == DropCauses.Deploys);
        }
    }

    [Theory]
    [MemberData(nameof(PropertyCases.Seeds), MemberType = typeof(PropertyCases))]
    public void Drops_GrowWithDeploysAndUpgrades(int seed)
    {
        var random = new Random(seed);
        var scenario = RandomScenarios.Any(random);
        var moreDeploys = scenario with { DeploysPerMonth = scenario.DeploysPerMonth + random.Next(1, 20) };
        var moreUpgrades = scenario with { KubernetesUpgradesPerYear = Math.Min(12, scenario.KubernetesUpgradesPerYear + RandomScenarios.Between(random, 0.5, 6)) };
        var morePatches = scenario with { InstanceRefreshesPerYear = scenario.InstanceRefreshesPerYear + RandomScenarios.Between(random, 0.5, 30) };

        var before = Fixture.Estimate(scenario);
        foreach (var more in new[] { moreDeploys, moreUpgrades, morePatches })
        {
            foreach (var (a, b) in before.Paths.Zip(Fixture.Estimate(more).Paths))
            {
                Assert.True(b.Disruption.ConnectionsDroppedPerMonth >= a.Disruption.ConnectionsDroppedPerMonth,
                    $"{a.Name}: {a.Disruption.ConnectionsDroppedPerMonth} → {b.Disruption.ConnectionsDroppedPerMonth}");
            }
        }

        // Deploys that close connections add exactly deploys × peak.
        foreach (var (a, b) in before.Paths.Zip(Fixture.Estimate(moreDeploys).Paths))
        {
            if (a.Disruption.Find(DropCauses.Deploys)!.ConnectionsDroppedPerMonth > 0)
            {
                Assert.True(b.Disruption.ConnectionsDroppedPerMonth > a.Disruption.ConnectionsDroppedPerMonth, a.Name);
            }
        }
    }
}
