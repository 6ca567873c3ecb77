using CostCalc.Domain.Estimation;
using CostCalc.Domain.Scenarios;
using CostCalc.Domain.Tests.TestSupport;

namespace CostCalc.Domain.Tests.Estimation;

/// <summary>
/// The load balancer choice, worked by hand from the fixture's us-east-1 rates: ALB $0.0225/h + $0.008
/// per LCU-hour (1 LCU = 25 new connections/s, 3,000 active, 1 GB/h); NLB $0.0225/h + $0.006 per
/// NLCU-hour (TCP: 800 new/s, 100,000 active, 1 GB/h; TLS: 50 new/s, 3,000 active, 1 GB/h); 730 h.
/// </summary>
public class LoadBalancerTests
{
    /// <summary>One million idle WebSockets: no messages (no processed bytes), 20 new connections a second.</summary>
    private static readonly Scenario MillionIdle = Scenario.Default with
    {
        PeakConnections = 1_000_000,
        MessagesPerConnectionPerSecond = 0,
        MemoryPerConnectionKiB = 2,
    };

    [Fact]
    public void MillionIdleConnections_Alb_BillsTheActiveConnectionDimension()
    {
        // LCU = max(20/25 = 0.8, 1,000,000/3,000 = 333.333, 0) = 333.333;
        // (0.0225 + 0.008 × 333.333) × 730 = 16.425 + 1,946.667 = $1,963.09.
        var line = Fixture.Estimate(MillionIdle with { LoadBalancer = LoadBalancer.Alb })[PathIds.Ec2].Line(CostKind.LoadBalancer);

        Assert.Equal(1_963.09m, Math.Round(line.MonthlyUsd, 2));
        Assert.Equal("Application Load Balancer", line.Name);
        Assert.Equal("333.3 LCU at peak, set by active connections", line.Detail);
    }

    [Fact]
    public void MillionIdleConnections_NlbTcp_CostsAFraction()
    {
        // NLCU = max(20/800 = 0.025, 1,000,000/100,000 = 10, 0) = 10; (0.0225 + 0.006 × 10) × 730 = 0.0825 × 730 = $60.225.
        var line = Fixture.Estimate(MillionIdle with { LoadBalancer = LoadBalancer.Nlb })[PathIds.Ec2].Line(CostKind.LoadBalancer);

        Assert.Equal(60.225m, line.MonthlyUsd, 6);
        Assert.Equal("Network Load Balancer (TCP)", line.Name);
        Assert.Equal("10 NLCU at peak, set by active connections", line.Detail);
        Assert.Equal(Sources.Nlb, line.Source);
    }

    [Fact]
    public void MillionIdleConnections_NlbTls_LosesMostOfTheAdvantage()
    {
        // NLCU = max(20/50 = 0.4, 1,000,000/3,000 = 333.333, 0) = 333.333; (0.0225 + 0.006 × 333.333) × 730 = 2.0225 × 730 = $1,476.425.
        var line = Fixture.Estimate(MillionIdle with { LoadBalancer = LoadBalancer.NlbTls })[PathIds.Ec2].Line(CostKind.LoadBalancer);

        Assert.Equal(1_476.425m, Math.Round(line.MonthlyUsd, 3));
    }

    [Fact]
    public void NlbTcp_ManyNewConnections_BillsTheNewFlowDimension()
    {
        // 40,000 new connections/s ÷ 800 = 50 NLCU, more than 100,000 ÷ 100,000 = 1 active and the
        // 100,000 × 0.2 × 512 B × 3,600 ÷ 2³⁰ = 34.33 GB/h processed; (0.0225 + 0.006 × 50) × 730 = 0.3225 × 730 = $235.425.
        var line = Fixture.Estimate(Scenario.Default with { LoadBalancer = LoadBalancer.Nlb, NewConnectionsPerSecond = 40_000 })[PathIds.Eks]
            .Line(CostKind.LoadBalancer);

        Assert.Equal(235.425m, line.MonthlyUsd, 6);
        Assert.EndsWith("set by new connections", line.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void NoLoadBalancer_HasNoLine()
    {
        var estimate = Fixture.Estimate(Scenario.Default with { LoadBalancer = LoadBalancer.None });

        Assert.All(estimate.Paths, p => Assert.DoesNotContain(p.CostLines, l => l.Kind == CostKind.LoadBalancer));
    }

    [Theory]
    [InlineData(LoadBalancer.Nlb, 24.8)]
    [InlineData(LoadBalancer.None, 24.8)]
    [InlineData(LoadBalancer.Alb, 14.8)]
    [InlineData(LoadBalancer.NlbTls, 14.8)]
    public void TlsOnTheVms_CostsAHandshakeOfCpuPerNewConnection(LoadBalancer balancer, double microsecondsPerConnectionSecond)
    {
        // Messages: 0.2 msg/s × (50 µs + 0.2 remote × 70 µs) = 12.8 µs per connection-second. 1,000 new
        // connections/s among 100,000 connections = 0.01 set-ups per connection-second, × 200 µs = 2 µs on every
        // balancer: 14.8. Where TLS ends on the VMs each set-up also pays a 1,000 µs handshake, 0.01 × 1,000 = 10 µs
        // more: 24.8. An m6i.large VM keeps 2 − 0.25 (agents) = 1.75 cores; at 70 %: 1,225,000 µs/s ÷ 24.8 =
        // 49,395 connections (÷ 14.8 = 82,770).
        var scenario = Scenario.Default with { LoadBalancer = balancer, NewConnectionsPerSecond = 1_000 };
        var ec2 = Fixture.Estimate(scenario)[PathIds.Ec2];

        Assert.Equal(microsecondsPerConnectionSecond, BeamVm.CpuMicrosecondsPerConnectionSecond(scenario, 0.2), 9);
        Assert.Equal((long)Math.Floor(1_225_000 / microsecondsPerConnectionSecond), ec2.CpuBoundConnectionsPerVm);
    }

    [Fact]
    public void LoadBalancerLargestLine_Warns_AndSuggestsTheTcpNlb()
    {
        // 1 M idle connections at 2 KiB fit 3 m6i.large (3 × $0.096 × 730 = $210.24); the ALB's $1,963.09 and the
        // egress line (1 M × 100 B/s → 244,751.6 GB, $16,123.78) — so without client bytes the ALB is the largest line.
        var alb = Fixture.Estimate(MillionIdle with { ClientBytesPerConnectionPerSecond = 0 });
        var nlb = Fixture.Estimate(MillionIdle with { ClientBytesPerConnectionPerSecond = 0, LoadBalancer = LoadBalancer.Nlb });

        var warning = Assert.Single(alb.Warnings, w => w.Code == "load-balancer-largest");
        Assert.Null(warning.Path);  // every path: the same line
        Assert.Contains("TCP listener", warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(nlb.Warnings, w => w.Code == "load-balancer-largest");
        Assert.DoesNotContain(Fixture.Estimate(Scenario.Default).Warnings, w => w.Code == "load-balancer-largest");
    }

    [Fact]
    public void NewConnections_GrowWithConnections_InTheProjection()
    {
        // Month 2 at 3 % growth: 103,000 connections, new connections 20 × 1.03 = 20.6/s.
        var scenario = Scenario.Default;

        Assert.Equal(20.6, LoadBalancing.NewConnectionsPerSecond(scenario, 103_000), 9);
    }

    [Fact]
    public void Property_LoadBalancerLine_IsTheSameOnEveryPath()
    {
        var random = new Random(1203);
        for (var i = 0; i < 300; i++)
        {
            var estimate = Fixture.Estimate(RandomScenarios.Any(random));
            var amounts = estimate.Paths.Where(p => p.Feasible)
                .Select(p => p.CostLines.Where(l => l.Kind == CostKind.LoadBalancer).Sum(l => l.MonthlyUsd)).Distinct().ToList();
            Assert.True(amounts.Count <= 1, $"load balancer lines differ: {string.Join(", ", amounts)}");
        }
    }
}
