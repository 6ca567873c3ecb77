using CostCalc.Domain.Estimation;
using CostCalc.Domain.Scenarios;
using CostCalc.Domain.Tests.TestSupport;

namespace CostCalc.Domain.Tests.Estimation;

/// <summary>
/// The daily load shape (docs/model.md §7.10), worked by hand from the fixture's prices: ALB $0.0225/h + $0.008 per
/// LCU-hour, cross-AZ $0.01/GB each way, the egress ladder of <see cref="InternetEgressTests"/>, m6i.large $0.096/h,
/// gp3 $0.08/GB-month. A month is 730 h = 30.42 days of 24 h.
/// </summary>
public class LoadShapeTests
{
    private const double Gb = 1024d * 1024 * 1024;

    /// <summary>8 peak hours, 30 % off-peak, 60-minute ramps: 8 h at 100 %, 2 h at 65 %, 14 h at 30 %.</summary>
    private static readonly Scenario EightHourPeak = Scenario.Default with { PeakHoursPerDay = 8, OffPeakLoadPercent = 30, RampMinutes = 60 };

    /// <summary>(8 × 1 + 2 × 0.65 + 14 × 0.3) ÷ 24 = 13.5 ÷ 24 = 0.5625.</summary>
    private const double EightHourAverageLoad = 0.5625;

    /// <summary>100,000 × 0.2 msg/s × 512 B × 3,600 s ÷ 2³⁰ = 34.332 GB/h → 34.332 LCU, above 33.3 (active) and 0.8 (new).</summary>
    private const double DefaultPeakLcu = 100_000.0 * 0.2 * 512 * 3600 / Gb;

    /// <summary>100,000 × 0.2 × (0.2 × 2/3 other zone) × 512 B × 2,628,000 s ÷ 2³⁰ = 3,341.67 GB a month on three machines.</summary>
    private const double DefaultCrossAzGb = 100_000.0 * 0.2 * (0.2 * 2 / 3) * 512 * 2_628_000 / Gb;

    [Fact]
    public void Estimate_DefaultScenario_TotalsAreTheFlatDayHandWorked()
    {
        // A 24-hour peak is today's estimate. Per path, by hand:
        //   EC2:   3 × $0.096 × 730 = $210.24 instances + 3 × 20 GiB × $0.08 = $4.80 volumes
        //   EKS:   the same nodes and volumes + $0.10 × 730 = $73 control plane
        //   Fargate: 3 pods × (1 × $0.04048 + 4 × $0.004445) × 730 = $127.5894, 3 add-on pods ×
        //            (0.25 × $0.04048 + 0.5 × $0.004445) × 730 = $27.030075, + $73 control plane
        //   every path: ALB (0.0225 + 0.008 × 34.332) × 730 = $216.93, cross-AZ 3,341.67 GB × $0.02 = $66.83,
        //               egress $2,123.09 (InternetEgressTests)
        var alb = (0.0225m + (0.008m * (decimal)DefaultPeakLcu)) * 730;
        var crossAz = (decimal)DefaultCrossAzGb * 0.02m;
        var shared = alb + crossAz + InternetEgressTests.DefaultEgressMonthly;
        var estimate = Fixture.Estimate(Scenario.Default);

        Assert.Equal(2_621.89m, Math.Round(210.24m + 4.80m + shared, 2));
        Assert.Equal(210.24m + 4.80m + shared, estimate[PathIds.Ec2].MonthlyUsd, 8);
        Assert.Equal(210.24m + 4.80m + 73m + shared, estimate[PathIds.Eks].MonthlyUsd, 8);
        Assert.Equal(127.5894m + 27.030075m + 73m + shared, estimate[PathIds.EksFargate].MonthlyUsd, 8);
        Assert.All(estimate.Paths, p => Assert.Null(p.Disruption.Find(DropCauses.ScaleIn)));
    }

    [Fact]
    public void Estimate_EightHourPeak_ShapedLinesFollowTheAverageLoadByHand()
    {
        var flat = Fixture.Estimate(Scenario.Default)[PathIds.Ec2];
        var day = Fixture.Estimate(EightHourPeak)[PathIds.Ec2];

        // Egress: 24,475.16 GB × 0.5625 = 13,767.28 GB; 13,667.28 billable → 10,240 × $0.09 + 3,427.28 × $0.085 = $1,212.92.
        var egressGb = InternetEgressTests.DefaultEgressGb * EightHourAverageLoad;
        Assert.Equal((10_240 * 0.09m) + ((decimal)(egressGb - 100 - 10_240) * 0.085m), day.Line(CostKind.InternetEgress).MonthlyUsd, 6);
        Assert.Equal(1_212.92m, Math.Round(day.Line(CostKind.InternetEgress).MonthlyUsd, 2));

        // ALB: the hourly fee all month; every LCU dimension scales with the load, so 0.008 × 34.332 × 0.5625 × 730.
        // Per period: 8 h × 34.332 + 2 h × 22.316 + 14 h × 10.300 LCU, the same sum.
        var alb = (0.0225m * 730) + (0.008m * (decimal)(DefaultPeakLcu * EightHourAverageLoad) * 730);
        Assert.Equal(alb, day.Line(CostKind.LoadBalancer).MonthlyUsd, 6);
        Assert.Equal(129.21m, Math.Round(day.Line(CostKind.LoadBalancer).MonthlyUsd, 2));

        // Cross-AZ on three machines all day: 3,341.67 GB × 0.5625 = 1,879.69 GB × $0.02 = $37.59.
        Assert.Equal((decimal)(DefaultCrossAzGb * EightHourAverageLoad) * 0.02m, day.Line(CostKind.CrossAzTransfer).MonthlyUsd, 6);
        Assert.Equal(37.59m, Math.Round(day.Line(CostKind.CrossAzTransfer).MonthlyUsd, 2));

        // Machines stay at the peak fleet without autoscaling: 3 × 730 instance-hours, the same volumes.
        Assert.Equal(210.24m, day.Line(CostKind.Compute).MonthlyUsd);
        Assert.Equal(4.80m, day.Line(CostKind.Storage).MonthlyUsd);
        Assert.Equal(flat.Line(CostKind.Compute).Detail, day.Line(CostKind.Compute).Detail);
        Assert.EndsWith("; peak 8 h/day, 30 % off-peak, 60-min ramps", day.Line(CostKind.InternetEgress).Detail);
        Assert.Contains("34.3 LCU at peak, set by processed bytes, 10.3 off-peak; peak 8 h/day", day.Line(CostKind.LoadBalancer).Detail);
        Assert.Equal(flat.MonthlyUsd - day.MonthlyUsd,
            (flat.Line(CostKind.InternetEgress).MonthlyUsd - day.Line(CostKind.InternetEgress).MonthlyUsd)
            + (flat.Line(CostKind.LoadBalancer).MonthlyUsd - day.Line(CostKind.LoadBalancer).MonthlyUsd)
            + (flat.Line(CostKind.CrossAzTransfer).MonthlyUsd - day.Line(CostKind.CrossAzTransfer).MonthlyUsd));
    }

    [Fact]
    public void Estimate_EightHourPeakNatGb_IsReadAtPeakLoad()
    {
        // 1,000 GB a month at peak × 0.5625 = 562.5 GB × $0.045 = $25.3125, + 1 gateway × $0.045 × 730 = $32.85.
        var line = Fixture.Estimate(EightHourPeak with { NatGateways = 1, NatProcessedGbPerMonth = 1_000 })[PathIds.Eks].Line(CostKind.NatGateway);

        Assert.Equal(32.85m + 25.3125m, line.MonthlyUsd, 8);
        Assert.Equal("1 gateway, 562.5 GB processed (1,000 GB/month at peak load; peak 8 h/day, 30 % off-peak, 60-min ramps)", line.Detail);
    }

    [Fact]
    public void Estimate_DefaultEightHourPeakAutoscaled_OffPeakFleetIsStillMinimumPlusSpare()
    {
        // Off-peak 30,000 connections: max(2, ⌈30,000 ÷ 95,404⌉) + 1 spare = 3, the peak fleet: nothing scales,
        // machine-hours stay 3 × 730 and no connection drops from scale-in.
        var shaped = Fixture.Estimate(EightHourPeak);
        var autoscaled = Fixture.Estimate(EightHourPeak with { Autoscaling = true });

        foreach (var path in autoscaled.Paths)
        {
            Assert.Equal(shaped[path.Id].MonthlyUsd, path.MonthlyUsd);
            Assert.Equal(shaped[path.Id].Disruption.ConnectionsDroppedPerMonth, path.Disruption.ConnectionsDroppedPerMonth);
            Assert.Contains("nothing is removed", path.Disruption.Find(DropCauses.ScaleIn)!.Detail);
            Assert.Equal(0, path.Disruption.Find(DropCauses.ScaleIn)!.ConnectionsDroppedPerMonth);
        }

        Assert.Equal(210.24m, autoscaled[PathIds.Ec2].Line(CostKind.Compute).MonthlyUsd);
    }

    /// <summary>1,000,000 connections, 8-hour peak, 30 % off-peak, 60-minute ramps, autoscaling.</summary>
    private static readonly Scenario MillionAutoscaled = EightHourPeak with { PeakConnections = 1_000_000, Autoscaling = true };

    [Fact]
    public void Estimate_MillionAutoscaledEc2_MachineHoursFollowTheDayPlusLeadAndDrain()
    {
        // CPU per connection-second 12.8 of messages + set-ups 20 new/s ÷ 1,000,000 × 200 µs = 0.004 → 12.804 µs:
        // ⌊1,225,000 ÷ 12.804⌋ = 95,673 connections per m6i.large VM (model.md §7.5). Peak ⌈1,000,000 ÷ 95,673⌉ = ⌈10.45⌉
        // = 11 + 1 spare = 12; ramps at 650,000: ⌈6.79⌉ = 7 + 1 = 8; off-peak at 300,000: ⌈3.14⌉ = 4 + 1 = 5. ΔN = 7 instances.
        // Lead 40 s (30 s launch + 10 s BEAM boot) and drain 30 s: 7 × 70 ÷ 3,600 = 0.1361 instance-hours a day.
        // A day: 8 × 12 + 2 × 8 + 14 × 5 + 0.1361 = 182.1361 h; × 730 ÷ 24 = 5,539.97 h × $0.096 = $531.84.
        var hours = ((8m * 12) + (2m * 8) + (14m * 5)) * 730 / 24;
        var extra = (decimal)(7 * 70 / 3600.0 * 730 / 24);
        var ec2 = Fixture.Estimate(MillionAutoscaled)[PathIds.Ec2];

        Assert.Equal(12, ec2.Machines);
        Assert.Equal((hours + extra) * 0.096m, ec2.Line(CostKind.Compute).MonthlyUsd, 8);
        Assert.Equal(531.84m, Math.Round(ec2.Line(CostKind.Compute).MonthlyUsd, 2));
        Assert.StartsWith("5,540 instance-hours of m6i.large at $0.096/h (On-demand): 12 at peak, 5 off-peak, autoscaled; peak 8 h/day", ec2.Line(CostKind.Compute).Detail);

        // Volumes go with their instances: 5,539.97 ÷ 730 = 7.589 average × 20 GiB × $0.08.
        Assert.Equal((hours + extra) / 730 * 20 * 0.08m, ec2.Line(CostKind.Storage).MonthlyUsd, 8);
    }

    [Fact]
    public void Estimate_MillionAutoscaledEks_NodesLeadByNodeReadyTime()
    {
        // ⌊1,050,000 ÷ 12.804⌋ = 82,005 connections per one-pod m6i.large node (model.md §7.5; 12.804 µs as for EC2).
        // Peak ⌈12.19⌉ = 13 + 1 = 14; ramps ⌈7.93⌉ = 8 + 1 = 9; off-peak ⌈3.66⌉ = 4 + 1 = 5. ΔN = 9 nodes. Lead 125 s (100 s node Ready + 10 s pull + 5 s pod start + 10 s boot),
        // drain 30 s: 9 × 155 ÷ 3,600 = 0.3875 node-hours a day. A day: 8 × 14 + 2 × 9 + 14 × 5 + 0.3875 = 200.3875 h;
        // × 730 ÷ 24 = 6,095.12 h × $0.096 = $585.13.
        var hours = ((8m * 14) + (2m * 9) + (14m * 5)) * 730 / 24;
        var extra = (decimal)(9 * 155 / 3600.0 * 730 / 24);
        var eks = Fixture.Estimate(MillionAutoscaled)[PathIds.Eks];

        Assert.Equal((hours + extra) * 0.096m, eks.Line(CostKind.Compute).MonthlyUsd, 8);
        Assert.Equal(585.13m, Math.Round(eks.Line(CostKind.Compute).MonthlyUsd, 2));
    }

    [Fact]
    public void Estimate_MillionAutoscaledFargate_PodsFollowTheDay()
    {
        // A 1 vCPU / 3,072 MiB pod: by CPU 1 × 10⁶ × 0.7 ÷ (0.2 × (50 + 0.2 × 70) + 20 ÷ 1,000,000 × 200) = ⌊700,000 ÷ 12.804⌋
        // = 54,670, by memory (3,072 × 0.7 − 100) × 1,024 ÷ 28 = 74,986 → 54,670. Peak ⌈18.29⌉ = 19 + 1 = 20; ramps ⌈11.89⌉ = 12 + 1 = 13;
        // off-peak ⌈5.49⌉ = 6 + 1 = 7. ΔN = 13. Lead 70 s (45 s node + 10 s pull + 5 s start + 10 s boot), drain 30 s.
        // A day: 8 × 20 + 2 × 13 + 14 × 7 + 13 × 100 ÷ 3,600 pod-hours at 1 × $0.04048 + 4 × $0.004445 = $0.05826/h.
        var hours = ((8m * 20) + (2m * 13) + (14m * 7)) * 730 / 24;
        var extra = (decimal)(13 * 100 / 3600.0 * 730 / 24);
        var fargate = Fixture.Estimate(MillionAutoscaled)[PathIds.EksFargate];

        Assert.Equal((hours + extra) * 0.05826m, fargate.Line(CostKind.Compute).MonthlyUsd, 8);
        // Add-on pods do not scale: 3 × 0.0123425 × 730.
        Assert.Equal(27.030075m, fargate.Line(CostKind.SystemNodes).MonthlyUsd);
    }

    [Fact]
    public void Estimate_RampLengthAndDrain_ChangeTheMachineHoursByHand()
    {
        // Without ramps: 8 × 12 + 16 × 5 + 7 × 70 ÷ 3,600 = 176.1361 h a day (the ramp's 2 h at 8 instances become off-peak at 5).
        var noRamp = Fixture.Estimate(MillionAutoscaled with { RampMinutes = 0 })[PathIds.Ec2];
        Assert.Equal((((8m * 12) + (16m * 5)) * 730 / 24 + (decimal)(7 * 70 / 3600.0 * 730 / 24)) * 0.096m,
            noRamp.Line(CostKind.Compute).MonthlyUsd, 8);

        // A 300 s drain: 7 × (40 + 300) ÷ 3,600 = 0.6611 h a day instead of 0.1361: + 0.525 h × 30.42 × $0.096 = + $1.5330.
        var longDrain = Fixture.Estimate(MillionAutoscaled with { ScaleInDrainSeconds = 300 })[PathIds.Ec2];
        var shortDrain = Fixture.Estimate(MillionAutoscaled)[PathIds.Ec2];
        Assert.Equal((decimal)(7 * 270 / 3600.0 * 730 / 24) * 0.096m,
            longDrain.Line(CostKind.Compute).MonthlyUsd - shortDrain.Line(CostKind.Compute).MonthlyUsd, 8);
    }

    [Fact]
    public void Estimate_MillionAutoscaledEc2_ScaleInDropsConnectionsByHand()
    {
        // 7 VMs removed a day, 1,000,000 ÷ 12 = 83,333.3 connections each; lifetime 1,000,000 ÷ 20/s = 50,000 s;
        // still open after a 30 s drain e^(−30 ÷ 50,000) = 0.99940; 582,983.4 a day × 30.4167 = 17,732,413 a month.
        // Deploys add 8 × 1,000,000 and the monthly instance refresh (12 a year) 1 × 1,000,000.
        // Restarts: 8 deploys × 12 VMs + 1 refresh × 12 VMs + 7 × 30.4167 = 96 + 12 + 213.
        var ec2 = Fixture.Estimate(MillionAutoscaled)[PathIds.Ec2];
        var expected = (long)Math.Round(7 * (1_000_000 / 12.0) * Math.Exp(-30 / 50_000.0) * 730 / 24);

        Assert.Equal(17_732_413, expected);
        Assert.Equal(8_000_000 + 1_000_000 + expected, ec2.Disruption.ConnectionsDroppedPerMonth);
        Assert.Equal(96 + 12 + 213, ec2.Disruption.VmRestartsPerMonth);
        var cause = ec2.Disruption.Find(DropCauses.ScaleIn)!;
        Assert.Equal(expected, cause.ConnectionsDroppedPerMonth);
        Assert.Equal(213, cause.VmRestartsPerMonth);
        Assert.StartsWith("7 VMs removed a day with 83,333 connections each; in the 30 s drain 0.06 % leave on their own", cause.Detail);
        Assert.Equal(Sources.ScaleInDrain, cause.Source);
        Assert.Contains(ec2.Disruption.Facts, f => f.Name == "Scale-out" && f.Value.Contains("≈ 40 s", StringComparison.Ordinal));
    }

    [Theory]
    // No drain: every connection on a removed VM drops. 3 VMs × (90,000 ÷ 6) = 45,000 a day.
    [InlineData(3, 90_000, 6, 0, 10, 45_000)]
    // No new connections: nobody leaves during the drain, lifetime is infinite.
    [InlineData(3, 90_000, 6, 300, 0, 45_000)]
    // 90,000 ÷ 10/s = 9,000 s lifetime; a 900 s drain keeps e^(−0.1) = 0.9048374 → 45,000 × 0.9048374 = 40,717.68.
    [InlineData(3, 90_000, 6, 900, 10, 40_717.68)]
    // Nothing removed, nothing dropped.
    [InlineData(0, 90_000, 6, 30, 10, 0)]
    public void ConnectionsDroppedPerDay_DrainAndLifetime_ByHand(long removed, double peak, long vms, double drain, double newPerSecond, double expected)
    {
        Assert.Equal(expected, ScaleIn.ConnectionsDroppedPerDay(removed, peak, vms, drain, newPerSecond), 2);
    }

    [Fact]
    public void ConnectionsDroppedPerMonth_IsADayTimesThirtyPointFourTwo()
    {
        // 45,000 a day × 730 ÷ 24 = 1,368,750.
        Assert.Equal(1_368_750, ScaleIn.ConnectionsDroppedPerMonth(3, 90_000, 6, 0, 10));
    }

    [Fact]
    public void Estimate_RampLongerThanTheOffPeakHours_IsCappedAtThem()
    {
        // 20 peak hours leave 4; two 180-minute ramps would take 6, so they take the 4 and no off-peak period is left:
        // 20 h at 100 % + 4 h at 65 % → average (20 + 2.6) ÷ 24 = 0.941667 of the flat egress GB.
        var path = Fixture.Estimate(Scenario.Default with { PeakHoursPerDay = 20, RampMinutes = 180 })[PathIds.Ec2];
        var gb = InternetEgressTests.DefaultEgressGb * (22.6 / 24);

        Assert.Equal((10_240 * 0.09m) + ((decimal)(gb - 100 - 10_240) * 0.085m), path.Line(CostKind.InternetEgress).MonthlyUsd, 6);
        Assert.EndsWith("peak 20 h/day, 30 % off-peak, 120-min ramps", path.Line(CostKind.InternetEgress).Detail);
    }
}
