using CostCalc.Domain.Estimation;
using CostCalc.Domain.Scenarios;
using CostCalc.Domain.Tests.TestSupport;

namespace CostCalc.Domain.Tests.Estimation;

/// <summary>
/// Reconnect storms (docs/model.md §6.2), worked by hand. Defaults: 100,000 connections on 3 VMs per path,
/// CPU per connection-second 0.2 × (50 + 0.2 × 70) + 20 ÷ 100,000 × 200 = 12.84 µs, one reconnect 200 µs
/// (behind the ALB; 1,200 µs with TLS on the VMs). A wave of one VM is 33,333.3 connections.
/// </summary>
public class ReconnectStormTests
{
    [Fact]
    public void Default_Ec2_OneInstanceDown_IsAbsorbedInThreeSeconds()
    {
        // Deploys restart 1 instance; 2 are left. Each then carries 50,000 × 12.84 µs = 0.642 cores of its 1.75:
        // 1.108 spare. Set-ups: 16,666.7 × 200 µs = 3.3333 core-seconds → 3.0084 s, inside the 4.26 s back-off.
        var storm = Fixture.Estimate(Scenario.Default)[PathIds.Ec2].Disruption.Storm!;

        Assert.Equal(DropCauses.Deploys, storm.Cause);
        Assert.Equal(1, storm.VmsAtOnce);
        Assert.Equal(33_333, storm.Connections);
        Assert.Equal(2, storm.SurvivingVms);
        Assert.Equal(1.75 - 0.642, storm.SpareCoresPerVm, 9);
        Assert.Equal(3.3333333333 / 1.108, storm.SecondsToAbsorb!.Value, 6);
        Assert.False(storm.Slow);
    }

    [Fact]
    public void Default_Eks_RollingUpdateSurge_TakesReconnectsToo()
    {
        // maxUnavailable ⌊25 % × 3⌋ → 1 pod, maxSurge ⌈0.75⌉ = 1 new pod first: 3 pods take the 33,333.3.
        // Each carries 33,333.3 × 12.84 µs = 0.428 of 1.5 cores: 1.072 spare; 11,111.1 × 200 µs = 2.2222 core-s → 2.0730 s.
        var storm = Fixture.Estimate(Scenario.Default)[PathIds.Eks].Disruption.Storm!;

        Assert.Equal(DropCauses.Deploys, storm.Cause);
        Assert.Equal(3, storm.SurvivingVms);
        Assert.Equal(2.2222222222 / 1.072, storm.SecondsToAbsorb!.Value, 6);
        Assert.False(storm.Slow);
    }

    [Fact]
    public void Default_Fargate_PatchingOneZone_IsSlowerThanTheBackoff_AndWarns()
    {
        // AWS recycles Fargate pods zone by zone: ⌈3 ÷ 3⌉ = 1 pod, none started first, 2 left. Each carries
        // 50,000 × 12.84 µs = 0.642 of its 1 vCPU: 0.358 spare; 3.3333 core-s ÷ 0.358 = 9.311 s > 4.26 s.
        var estimate = Fixture.Estimate(Scenario.Default);
        var storm = estimate[PathIds.EksFargate].Disruption.Storm!;

        Assert.Equal(DropCauses.Patching, storm.Cause);
        Assert.Equal(2, storm.SurvivingVms);
        Assert.Equal(3.3333333333 / 0.358, storm.SecondsToAbsorb!.Value, 6);
        Assert.True(storm.Slow);
        var warning = Assert.Single(estimate.Warnings, w => w.Code == "reconnect-storm" && w.Path == PathIds.EksFargate);
        Assert.Contains("9.3 s", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TlsOnTheVms_MakesTheSameWaveSixTimesSlower()
    {
        // NLB over TCP: 1,000 µs handshake + 200 µs set-up per reconnect; CPU per connection-second 12.8 + 0.24 = 13.04.
        // EC2: 2 instances left carry 50,000 × 13.04 µs = 0.652 cores: 1.098 spare; 16,666.7 × 1,200 µs = 20 core-s → 18.215 s.
        var estimate = Fixture.Estimate(Scenario.Default with { LoadBalancer = LoadBalancer.Nlb });
        var storm = estimate[PathIds.Ec2].Disruption.Storm!;

        Assert.Equal(1_200, storm.CpuMicrosecondsPerReconnect);
        Assert.Equal(20.0 / 1.098, storm.SecondsToAbsorb!.Value, 6);
        Assert.Contains(estimate.Warnings, w => w.Code == "reconnect-storm" && w.Path == PathIds.Ec2);
    }

    [Fact]
    public void NoSpareVm_NeverAbsorbs()
    {
        // Utilisation 100 %, no spare: a VM holds ⌊1.75 × 10⁶ ÷ 12.84⌋ = 136,292 by CPU, so 200,000 need 2 VMs. With
        // one down, the other would carry 200,000 × 12.84 µs = 2.568 cores of 1.75 and cannot hold them at all.
        var scenario = Scenario.Default with { TargetUtilisationPercent = 100, PeakConnections = 200_000, SpareInstances = 0 };
        var storm = Fixture.Estimate(scenario)[PathIds.Ec2].Disruption.Storm!;

        Assert.Equal(1, storm.SurvivingVms);
        Assert.Null(storm.SecondsToAbsorb);
        Assert.False(storm.SurvivorsHoldThem);
        Assert.True(storm.Slow);
        Assert.Contains("cannot hold every connection", storm.Fact.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void HotCodeUpgrades_LeaveTheRefreshAsTheLargestWave()
    {
        // Deploys keep their sockets (wave 0); the monthly instance refresh still replaces ⌊10 % × 3⌋ → 1 instance.
        var storm = Fixture.Estimate(Scenario.Default with { Ec2DeployMethod = Ec2DeployMethod.HotCodeUpgrade })[PathIds.Ec2].Disruption.Storm!;

        Assert.Equal(DropCauses.Patching, storm.Cause);
        Assert.Equal(1, storm.VmsAtOnce);
    }

    [Fact]
    public void NothingRestarts_NoStorm()
    {
        var scenario = Scenario.Default with
        {
            Ec2DeployMethod = Ec2DeployMethod.HotCodeUpgrade,
            InstanceRefreshesPerYear = 0,
        };

        var ec2 = Fixture.Estimate(scenario)[PathIds.Ec2];

        Assert.Null(ec2.Disruption.Storm);
        Assert.DoesNotContain(ec2.Disruption.Facts, f => f.Name == "Reconnect storm");
    }

    [Fact]
    public void Waves_FollowTheDocumentedDefaults()
    {
        // 40 pods on 10 nodes (4 each): a rolling update ⌊25 % × 40⌋ = 10 down, ⌈10⌉ = 10 surged; 10 % of the nodes
        // ⌊1⌋ = 1 node = 4 pods; one zone of 3: ⌈40 ÷ 3⌉ = 14.
        var size = new PathSize(40, 10, 0, 4, new VmCapacity(1024, 1, 1, 1000, null), 0.2);

        Assert.Equal(10, RestartWaves.RollingUpdate(size));
        Assert.Equal(10, RestartWaves.RollingUpdateSurge(size));
        Assert.Equal(4, RestartWaves.ShareOfMachines(size, RestartWaves.InstanceRefreshShare));
        Assert.Equal(4, RestartWaves.OneMachine(size));
        Assert.Equal(14, RestartWaves.OneZone(Scenario.Default, size));
    }

    [Fact]
    public void Property_Storm_IsNeverNegative_AndNeverWiderThanThePath()
    {
        var random = new Random(4242);
        for (var i = 0; i < 300; i++)
        {
            var scenario = RandomScenarios.Any(random);
            foreach (var path in Fixture.Estimate(scenario).Paths.Where(p => p.Feasible))
            {
                if (path.Disruption.Storm is not { } storm)
                {
                    continue;
                }

                Assert.True(storm.SecondsToAbsorb is null or >= 0, $"{path.Id}: {storm}");
                Assert.True(storm.Connections >= 0 && storm.SpareCoresPerVm >= 0, $"{path.Id}: {storm}");
                Assert.True(storm.VmsAtOnce <= path.Vms, $"{path.Id}: {storm.VmsAtOnce} of {path.Vms} VMs");
            }
        }
    }
}
