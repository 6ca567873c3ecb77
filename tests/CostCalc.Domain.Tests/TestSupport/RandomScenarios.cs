using CostCalc.Domain.Estimation;
using CostCalc.Domain.Prices;
using CostCalc.Domain.Scenarios;

namespace CostCalc.Domain.Tests.TestSupport;

/// <summary>Valid random scenarios over the fixture's instance types, drawn from a seeded <see cref="Random"/>.</summary>
public static class RandomScenarios
{
    /// <summary>A workload (memory, CPU, distribution) within the fields' ranges, paths left at their defaults.</summary>
    public static Scenario Workload(Random random) => new()
    {
        PeakConnections = random.NextInt64(1, 3_000_001),
        MemoryPerConnectionKiB = Between(random, 0.5, 200),
        MessagesPerConnectionPerSecond = random.Next(10) == 0 ? 0 : Between(random, 0.001, 5),
        CpuMicrosecondsPerMessage = Between(random, 0, 500),
        RemoteMessagePercent = Between(random, 0, 100),
        RemoteSendCpuMicroseconds = Between(random, 0, 300),
        BytesPerMessage = random.Next(0, 10_001),
        NewConnectionsPerSecond = Between(random, 0, 2_000),
        BeamBaseMemoryMiB = random.Next(0, 600),
        GrowthPercentPerMonth = Between(random, -10, 10),
        TargetUtilisationPercent = Between(random, 10, 100),
        AvailabilityZones = random.Next(1, 7),
        MinimumInstances = random.Next(1, 8),
        SpareInstances = random.Next(0, 4),
        HorizonMonths = 1,
    };

    /// <summary>
    /// A full scenario: a random workload, random choices on every path, and now and then some paths
    /// hidden (never all of them).
    /// </summary>
    public static Scenario Any(Random random)
    {
        var priced = Fixture.PricedTypes;
        var layout = random.Next(2) == 0 ? PodLayout.FixedPodSize : PodLayout.OnePodPerNode;
        var request = random.Next(100, 4_001);
        var autoMode = random.Next(3) == 0;
        return Workload(random) with
        {
            LoadBalancer = Pick<LoadBalancer>(random),
            TlsHandshakeCpuMicroseconds = random.Next(0, 5_000),
            BurstableUnlimited = random.Next(2) == 0,
            Ec2InstanceType = priced[random.Next(priced.Count)].Name,
            Ec2PurchaseOption = Pick<PurchaseOption>(random),
            OsMemoryMiB = random.Next(0, 1_000),
            Ec2DeployMethod = Pick<Ec2DeployMethod>(random),
            EksNodeInstanceType = priced[random.Next(priced.Count)].Name,
            EksPurchaseOption = Pick<PurchaseOption>(random),
            PodLayout = layout,
            PodCpuRequestMillicores = request,
            PodCpuLimitMillicores = random.Next(3) == 0 ? 0 : request + (random.Next(3) * 500),
            PodMemoryMiB = random.Next(256, 16_385),
            ThrottlingPenaltyPercent = random.Next(3) == 0 ? Between(random, 0, 50) : 0,
            MaxPodsMode = Pick<MaxPodsMode>(random),
            FixedMaxPods = random.Next(8, 251),
            HostAgentCpuMillicores = random.Next(0, 400),
            HostAgentMemoryMiB = random.Next(0, 400),
            HostAgentPods = random.Next(0, 4),
            NodeComponentCpuMillicores = random.Next(0, 300),
            NodeComponentMemoryMiB = random.Next(0, 300),
            NodeComponentPods = random.Next(0, 5),
            // Auto Mode has no add-on node group of its own (the validator refuses one).
            AddOnPlacement = autoMode ? AddOnPlacement.BeamNodes : Pick<AddOnPlacement>(random),
            SystemNodeInstanceType = priced[random.Next(priced.Count)].Name,
            SystemNodeCount = random.Next(2, 4),
            ClusterAddOnCpuMillicores = random.Next(0, 500),
            ClusterAddOnMemoryMiB = random.Next(0, 500),
            Clusters = random.Next(1, 4),
            SupportTier = Pick<SupportTier>(random),
            AutoMode = autoMode,
            NatGateways = random.Next(0, 4),
            NatProcessedGbPerMonth = random.Next(2) == 0 ? 0 : Between(random, 0, 5_000),
            EksRootVolumeGiB = random.Next(1, 100),
            Ec2RootVolumeGiB = random.Next(1, 100),
            Ec2OperationsHoursPerMonth = random.Next(2) == 0 ? 0 : Between(random, 0, 40),
            EksOperationsHoursPerMonth = random.Next(2) == 0 ? 0 : Between(random, 0, 40),
            HiddenPaths = Hidden(random),
            SparePolicy = Pick<SparePolicy>(random),
            InstanceRefreshesPerYear = random.Next(3) == 0 ? 0 : Between(random, 0, 60),
            KubernetesUpgradesPerYear = Between(random, 0, 12),
            SpotInterruptionPercentPerMonth = Between(random, 0, 100),
            DeploysPerMonth = random.Next(0, 100),
            ConnectionSetupCpuMicroseconds = random.Next(4) == 0 ? 0 : Between(random, 0, 2_000),
        } is var drawn && Ecs(drawn, random) is var scenario && scenario.SparePolicy == SparePolicy.Zone && scenario.AvailabilityZones < 2
            ? scenario with { AvailabilityZones = 2 + random.Next(5) }
            : scenario;
    }

    /// <summary>
    /// The user's prices (docs/model.md §10) drawn at random: discounts, an EKS control-plane override and fixed
    /// costs on a path, each present about half the time.
    /// </summary>
    public static Scenario YourPrices(Scenario scenario, Random random)
    {
        double Discount() => random.Next(2) == 0 ? 0 : Between(random, 0, 40);
        string[] paths = [PathIds.Ec2, PathIds.Eks, PathIds.EksFargate, PathIds.EcsEc2, PathIds.EcsFargate];
        return scenario with
        {
            Ec2DiscountPercent = Discount(),
            FargateDiscountPercent = Discount(),
            EksFeeDiscountPercent = Discount(),
            SavingsPlanDiscountPercent = Discount(),
            RateOverrides = random.Next(2) == 0 ? ItemList.Empty<RateOverride>()
                : ItemList.Of(new RateOverride(PriceRates.ControlPlane, UsdPerHour: (decimal)Between(random, 0.05, 0.2))),
            FixedCosts = random.Next(2) == 0 ? ItemList.Empty<FixedCost>() : ItemList.Of(
                new FixedCost("Support", paths[random.Next(paths.Length)], UsdPerMonth: random.Next(0, 5_000)),
                new FixedCost("Agent licence", paths[random.Next(paths.Length)], UsdPerMachineMonth: random.Next(0, 50))),
        };
    }

    /// <summary>Random ECS inputs (docs/model.md §11), kept to what the validator accepts.</summary>
    public static Scenario Ecs(Scenario scenario, Random random)
    {
        var priced = Fixture.PricedTypes;
        var type = priced[random.Next(priced.Count)];
        var mode = Pick<EcsNetworkMode>(random);
        var maximum = Between(random, 100, 200);
        var minimum = random.Next(3) == 0 ? Between(random, 0, 100) : 100;
        return scenario with
        {
            EcsInstanceType = type.Name,
            EcsPurchaseOption = Pick<PurchaseOption>(random),
            EcsTaskLayout = Pick<EcsTaskLayout>(random),
            EcsNetworkMode = mode == EcsNetworkMode.AwsvpcTrunking && Domain.Capacity.EcsTaskNetwork.TrunkingLimit(type) is null ? EcsNetworkMode.Awsvpc : mode,
            EcsNodeDiscovery = Pick<EcsNodeDiscovery>(random),
            EcsTaskCpuUnits = random.Next(128, 4_097),
            EcsTaskMemoryMiB = random.Next(256, 16_385),
            EcsReservedMemoryMiB = random.Next(2) == 0 ? 0 : random.Next(0, 500),
            EcsAgentMemoryMiB = random.Next(0, 400),
            EcsAgentCpuMillicores = random.Next(0, 300),
            EcsRootVolumeGiB = random.Next(1, 100),
            EcsMinimumHealthyPercent = minimum,
            EcsMaximumPercent = minimum >= 100 && maximum <= 100 ? 200 : maximum,
            FargateSpotDiscountPercent = random.Next(3) == 0 ? Between(random, 0, 70) : 0,
            EcsOperationsHoursPerMonth = random.Next(2) == 0 ? 0 : Between(random, 0, 40),
        };
    }

    /// <summary>
    /// Every built-in path shown three times in four; otherwise a random set of paths hidden, always
    /// keeping one path (picked first) shown.
    /// </summary>
    public static PathList Hidden(Random random)
    {
        if (random.Next(4) != 0)
        {
            return PathList.Empty;
        }

        string[] all = [PathIds.Ec2, PathIds.Eks, PathIds.EksFargate, PathIds.EcsEc2, PathIds.EcsFargate];
        var kept = all[random.Next(all.Length)];
        var hidden = new List<string>();
        foreach (var id in all)
        {
            if (id != kept && random.Next(2) == 0)
            {
                hidden.Add(id);
            }
        }

        return PathList.Of(hidden);
    }

    /// <summary>Memory and CPU of one BEAM VM, as a path would hand them to <see cref="BeamVm"/>.</summary>
    public static VmResources Vm(Random random)
    {
        var cores = Between(random, 0.1, 64);
        return new VmResources(Between(random, 256, 400_000), cores, Math.Max(1, (int)cores));
    }

    public static double Between(Random random, double min, double max) => min + (random.NextDouble() * (max - min));

    public static T Pick<T>(Random random)
        where T : struct, Enum
    {
        var values = Enum.GetValues<T>();
        return values[random.Next(values.Length)];
    }
}
