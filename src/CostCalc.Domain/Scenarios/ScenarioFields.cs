namespace CostCalc.Domain.Scenarios;

/// <summary>The numeric inputs of a <see cref="Scenario"/>, in the order the calculator shows them.</summary>
public static class ScenarioFields
{
    private static readonly string[] Ec2 = [PathIds.Ec2];
    private static readonly string[] Eks = [PathIds.Eks];
    private static readonly string[] EksAny = [PathIds.Eks, PathIds.EksFargate];
    private static readonly string[] Spot = [PathIds.Ec2, PathIds.Eks, PathIds.EcsEc2, PathIds.EcsFargate];
    private static readonly string[] Ec2Instances = [PathIds.Ec2, PathIds.EcsEc2];
    private static readonly string[] EcsEc2 = [PathIds.EcsEc2];
    private static readonly string[] EcsFargate = [PathIds.EcsFargate];
    private static readonly string[] EcsAny = [PathIds.EcsEc2, PathIds.EcsFargate];
    private static readonly string[] Fargate = [PathIds.EksFargate, PathIds.EcsFargate];

    /// <summary>The unit of the operations-effort inputs.</summary>
    public const string HoursPerMonth = "h/month";

    public static IReadOnlyList<ScenarioField> All { get; } =
    [
        new("peakConnections", FieldGroup.Workload, "Peak concurrent connections", "connections", 1, 100_000_000, Sources.Assumption, s => s.PeakConnections, (s, v) => s with { PeakConnections = (long)v }) { WholeNumber = true, Sensitivity = SensitivityRange.Times(0.5, 2, Sources.SensitivityBand) },
        new("memoryPerConnectionKiB", FieldGroup.Workload, "Memory per connection", "KiB", 0.5, 10_240, Sources.WhatsApp2012, s => s.MemoryPerConnectionKiB, (s, v) => s with { MemoryPerConnectionKiB = v }) { Sensitivity = SensitivityRange.Times(0.5, 2, Sources.SensitivityMemoryPerConnection) },
        new("messagesPerConnectionPerSecond", FieldGroup.Workload, "Messages per connection", "msg/s", 0, 1_000, Sources.Assumption, s => s.MessagesPerConnectionPerSecond, (s, v) => s with { MessagesPerConnectionPerSecond = v }) { Sensitivity = SensitivityRange.Times(0.5, 2, Sources.SensitivityBand) },
        new("cpuMicrosecondsPerMessage", FieldGroup.Workload, "CPU per message", "µs", 0, 1_000_000, Sources.CpuPerMessage, s => s.CpuMicrosecondsPerMessage, (s, v) => s with { CpuMicrosecondsPerMessage = v }) { Sensitivity = SensitivityRange.Times(0.5, 2, Sources.SensitivityBand) },
        new("remoteMessagePercent", FieldGroup.Workload, "Messages to processes on another VM", "%", 0, 100, Sources.Assumption, s => s.RemoteMessagePercent, (s, v) => s with { RemoteMessagePercent = v }) { Sensitivity = SensitivityRange.Plus(20, 20, "points", Sources.SensitivityPoints) },
        new("remoteSendCpuMicroseconds", FieldGroup.Workload, "Extra CPU per remote message", "µs", 0, 100_000, Sources.DiscordRemoteSend, s => s.RemoteSendCpuMicroseconds, (s, v) => s with { RemoteSendCpuMicroseconds = v }),
        new("bytesPerMessage", FieldGroup.Workload, "Bytes per message", "B", 0, 10_000_000, Sources.Assumption, s => s.BytesPerMessage, (s, v) => s with { BytesPerMessage = (int)v }) { WholeNumber = true },
        new("clientBytesPerConnectionPerSecond", FieldGroup.Workload, "Bytes to clients per connection", "B/s", 0, 10_000_000, Sources.ClientBytes, s => s.ClientBytesPerConnectionPerSecond, (s, v) => s with { ClientBytesPerConnectionPerSecond = v }) { Sensitivity = SensitivityRange.Times(0.5, 2, Sources.SensitivityBand) },
        new("newConnectionsPerSecond", FieldGroup.Workload, "New connections", "conn/s", 0, 1_000_000, Sources.Assumption, s => s.NewConnectionsPerSecond, (s, v) => s with { NewConnectionsPerSecond = v }),
        new("connectionSetupCpuMicroseconds", FieldGroup.Workload, "CPU per connection set-up (TLS aside)", "µs", 0, 1_000_000, Sources.ConnectionSetup, s => s.ConnectionSetupCpuMicroseconds, (s, v) => s with { ConnectionSetupCpuMicroseconds = v }),
        new("beamBaseMemoryMiB", FieldGroup.Workload, "BEAM base memory per VM", "MiB", 0, 1_048_576, Sources.BeamReleaseFootprint, s => s.BeamBaseMemoryMiB, (s, v) => s with { BeamBaseMemoryMiB = (int)v }) { WholeNumber = true, Sensitivity = SensitivityRange.Times(0.5, 2, Sources.SensitivityBand) },
        new("growthPercentPerMonth", FieldGroup.Workload, "Connection growth", "%/month", -50, 20, Sources.Assumption, s => s.GrowthPercentPerMonth, (s, v) => s with { GrowthPercentPerMonth = v }) { Sensitivity = SensitivityRange.Plus(3, 3, "points", Sources.SensitivityPoints) },
        new("peakHoursPerDay", FieldGroup.Workload, "Peak hours per day (24 = flat)", "h/day", 1, 24, Sources.LoadShape, s => s.PeakHoursPerDay, (s, v) => s with { PeakHoursPerDay = v }),
        new("offPeakLoadPercent", FieldGroup.Workload, "Off-peak load (share of peak connections)", "%", 0, 100, Sources.OffPeakLoad, s => s.OffPeakLoadPercent, (s, v) => s with { OffPeakLoadPercent = v }) { InUse = Shaped },
        new("rampMinutes", FieldGroup.Workload, "Ramp between off-peak and peak", "min", 0, 720, Sources.Ramp, s => s.RampMinutes, (s, v) => s with { RampMinutes = v }) { InUse = Shaped },
        new("horizonMonths", FieldGroup.Common, "Horizon", "months", 1, 60, Sources.Assumption, s => s.HorizonMonths, (s, v) => s with { HorizonMonths = (int)v }) { WholeNumber = true },
        new("targetUtilisationPercent", FieldGroup.Common, "Target utilisation", "%", 10, 100, Sources.TargetUtilisation, s => s.TargetUtilisationPercent, (s, v) => s with { TargetUtilisationPercent = v }) { Sensitivity = SensitivityRange.Plus(20, 15, "points", Sources.SensitivityPoints) },
        new("availabilityZones", FieldGroup.Common, "Availability zones", "AZs", 1, 6, Sources.Availability, s => s.AvailabilityZones, (s, v) => s with { AvailabilityZones = (int)v }) { WholeNumber = true },
        new("minimumInstances", FieldGroup.Common, "Minimum BEAM VMs per path", "VMs", 1, 10_000, Sources.Availability, s => s.MinimumInstances, (s, v) => s with { MinimumInstances = (int)v }) { WholeNumber = true },
        new("spareInstances", FieldGroup.Common, "Spare machines or VMs (N+k)", "spares", 0, 1_000, Sources.Availability, s => s.SpareInstances, (s, v) => s with { SpareInstances = (int)v }) { WholeNumber = true, InUse = s => s.SparePolicy != SparePolicy.Zone },
        new("tlsHandshakeCpuMicroseconds", FieldGroup.Common, "CPU per TLS handshake on the VMs", "µs", 0, 1_000_000, Sources.TlsHandshake, s => s.TlsHandshakeCpuMicroseconds, (s, v) => s with { TlsHandshakeCpuMicroseconds = v }) { InUse = s => s.LoadBalancer.VmsTerminateTls() },
        new("natGateways", FieldGroup.Common, "NAT gateways", "gateways", 0, 100, Sources.Nat, s => s.NatGateways, (s, v) => s with { NatGateways = (int)v }) { WholeNumber = true },
        new("natProcessedGbPerMonth", FieldGroup.Common, "NAT data processed (at peak load)", "GB/month", 0, 10_000_000, Sources.Nat, s => s.NatProcessedGbPerMonth, (s, v) => s with { NatProcessedGbPerMonth = v }),
        new("scaleInDrainSeconds", FieldGroup.Common, "Scale-in drain time", "s", 0, 3_600, Sources.ScaleInDrain, s => s.ScaleInDrainSeconds, (s, v) => s with { ScaleInDrainSeconds = v }) { InUse = s => Shaped(s) && s.Autoscaling },
        new("hostAgentCpuMillicores", FieldGroup.Common, "Host agents' CPU per machine", "millicores", 0, 64_000, Sources.HostAgents, s => s.HostAgentCpuMillicores, (s, v) => s with { HostAgentCpuMillicores = (int)v }) { WholeNumber = true },
        new("hostAgentMemoryMiB", FieldGroup.Common, "Host agents' memory per machine", "MiB", 0, 262_144, Sources.HostAgents, s => s.HostAgentMemoryMiB, (s, v) => s with { HostAgentMemoryMiB = (int)v }) { WholeNumber = true },
        new("hostAgentPods", FieldGroup.Common, "Host agents (DaemonSet pods on EKS)", "agents", 0, 50, Sources.HostAgents, s => s.HostAgentPods, (s, v) => s with { HostAgentPods = (int)v }) { WholeNumber = true },
        new("ec2RootVolumeGiB", FieldGroup.Ec2, "Root volume per instance (gp3)", "GiB", 1, 16_384, Sources.Gp3, s => s.Ec2RootVolumeGiB, (s, v) => s with { Ec2RootVolumeGiB = (int)v }) { WholeNumber = true, Paths = Ec2 },
        new("osMemoryMiB", FieldGroup.Ec2, "OS memory per instance", "MiB", 0, 65_536, Sources.OsMemory, s => s.OsMemoryMiB, (s, v) => s with { OsMemoryMiB = (int)v }) { WholeNumber = true, Paths = Ec2Instances },
        new("podCpuRequestMillicores", FieldGroup.Eks, "Pod CPU request (fixed pods, Fargate)", "millicores", 1, 192_000, Sources.SchedulersQuota, s => s.PodCpuRequestMillicores, (s, v) => s with { PodCpuRequestMillicores = (int)v }) { WholeNumber = true, Paths = EksAny, InUse = UsesPodSize },
        new("podCpuLimitMillicores", FieldGroup.Eks, "Pod CPU limit (0 = none)", "millicores", 0, 192_000, Sources.SchedulersQuota, s => s.PodCpuLimitMillicores, (s, v) => s with { PodCpuLimitMillicores = (int)v }) { WholeNumber = true, Paths = Eks, InUse = s => s.PodLayout == PodLayout.FixedPodSize },
        new("podMemoryMiB", FieldGroup.Eks, "Pod memory (fixed pods, Fargate)", "MiB", 64, 24_576_000, Sources.Assumption, s => s.PodMemoryMiB, (s, v) => s with { PodMemoryMiB = (int)v }) { WholeNumber = true, Paths = EksAny, InUse = UsesPodSize },
        new("throttlingPenaltyPercent", FieldGroup.Eks, "CPU throttling penalty", "%", 0, 90, Sources.Throttling, s => s.ThrottlingPenaltyPercent, (s, v) => s with { ThrottlingPenaltyPercent = v }) { Paths = Eks, InUse = s => s.PodLayout == PodLayout.FixedPodSize },
        new("fixedMaxPods", FieldGroup.Eks, "Max pods (fixed mode)", "pods", 1, 1_000, Sources.MaxPodsKubelet, s => s.FixedMaxPods, (s, v) => s with { FixedMaxPods = (int)v }) { WholeNumber = true, Paths = Eks, InUse = s => s.MaxPodsMode == MaxPodsMode.Fixed && !s.AutoMode },
        new("nodeComponentCpuMillicores", FieldGroup.Eks, "Kubernetes node DaemonSets' CPU requests", "millicores", 0, 64_000, Sources.NodeComponents, s => s.NodeComponentCpuMillicores, (s, v) => s with { NodeComponentCpuMillicores = (int)v }) { WholeNumber = true, Paths = Eks, InUse = NotAutoMode },
        new("nodeComponentMemoryMiB", FieldGroup.Eks, "Kubernetes node DaemonSets' memory requests", "MiB", 0, 262_144, Sources.NodeComponents, s => s.NodeComponentMemoryMiB, (s, v) => s with { NodeComponentMemoryMiB = (int)v }) { WholeNumber = true, Paths = Eks, InUse = NotAutoMode },
        new("nodeComponentPods", FieldGroup.Eks, "Kubernetes node DaemonSet pods", "pods", 0, 50, Sources.NodeComponents, s => s.NodeComponentPods, (s, v) => s with { NodeComponentPods = (int)v }) { WholeNumber = true, Paths = Eks, InUse = NotAutoMode },
        new("clusterAddOnCpuMillicores", FieldGroup.Eks, "Cluster add-on CPU requests", "millicores", 0, 1_000_000, Sources.ClusterAddOns, s => s.ClusterAddOnCpuMillicores, (s, v) => s with { ClusterAddOnCpuMillicores = (int)v }) { WholeNumber = true, Paths = EksAny, InUse = UsesClusterAddOns },
        new("clusterAddOnMemoryMiB", FieldGroup.Eks, "Cluster add-on memory requests", "MiB", 0, 4_194_304, Sources.ClusterAddOns, s => s.ClusterAddOnMemoryMiB, (s, v) => s with { ClusterAddOnMemoryMiB = (int)v }) { WholeNumber = true, Paths = EksAny, InUse = UsesClusterAddOns },
        new("systemNodeCount", FieldGroup.Eks, "System nodes (own node group)", "nodes", 2, 100, Sources.SystemNodes, s => s.SystemNodeCount, (s, v) => s with { SystemNodeCount = (int)v }) { WholeNumber = true, Paths = Eks, InUse = s => s.AddOnPlacement == AddOnPlacement.SystemNodes && !s.AutoMode },
        new("clusters", FieldGroup.Eks, "Clusters", "clusters", 1, 100, Sources.ControlPlane, s => s.Clusters, (s, v) => s with { Clusters = (int)v }) { WholeNumber = true, Paths = EksAny },
        new("eksRootVolumeGiB", FieldGroup.Eks, "Root volume per node (gp3)", "GiB", 1, 16_384, Sources.EksRootVolume, s => s.EksRootVolumeGiB, (s, v) => s with { EksRootVolumeGiB = (int)v }) { WholeNumber = true, Paths = Eks },
        new("ec2OperationsHoursPerMonth", FieldGroup.Operations, "EC2 operations effort", HoursPerMonth, 0, 10_000, Sources.Assumption, s => s.Ec2OperationsHoursPerMonth, (s, v) => s with { Ec2OperationsHoursPerMonth = v }) { Paths = Ec2, Sensitivity = SensitivityRange.HalfOrDouble(20, HoursPerMonth, Sources.SensitivityOperations) },
        new("eksOperationsHoursPerMonth", FieldGroup.Operations, "EKS operations effort (nodes and Fargate)", HoursPerMonth, 0, 10_000, Sources.Assumption, s => s.EksOperationsHoursPerMonth, (s, v) => s with { EksOperationsHoursPerMonth = v }) { Paths = EksAny, Sensitivity = SensitivityRange.HalfOrDouble(20, HoursPerMonth, Sources.SensitivityOperations) },
        new("operationsUsdPerHour", FieldGroup.Operations, "Engineer cost", "USD/h", 0, 10_000, Sources.Assumption, s => (double)s.OperationsUsdPerHour, (s, v) => s with { OperationsUsdPerHour = (decimal)v }),
        new("deploysPerMonth", FieldGroup.Operations, "Deploys", "deploys/month", 0, 10_000, Sources.Assumption, s => s.DeploysPerMonth, (s, v) => s with { DeploysPerMonth = (int)v }) { WholeNumber = true },
        new("instanceRefreshesPerYear", FieldGroup.Operations, "OS/AMI patch rolls (instance refresh, node AMI update)", "rolls/year", 0, 365, Sources.InstanceRefresh, s => s.InstanceRefreshesPerYear, (s, v) => s with { InstanceRefreshesPerYear = v }),
        new("kubernetesUpgradesPerYear", FieldGroup.Operations, "Kubernetes minor upgrades reaching the nodes", "upgrades/year", 0, 12, Sources.KubernetesReleaseCadence, s => s.KubernetesUpgradesPerYear, (s, v) => s with { KubernetesUpgradesPerYear = v }) { Paths = EksAny },
        new("ec2DiscountPercent", FieldGroup.YourPrices, "EC2 compute discount (instances, nodes, CPU credits)", "%", 0, 100, Sources.YourDiscount, s => s.Ec2DiscountPercent, (s, v) => s with { Ec2DiscountPercent = v }) { Paths = Spot },
        new("fargateDiscountPercent", FieldGroup.YourPrices, "Fargate discount", "%", 0, 100, Sources.YourDiscount, s => s.FargateDiscountPercent, (s, v) => s with { FargateDiscountPercent = v }) { Paths = Fargate },
        new("eksFeeDiscountPercent", FieldGroup.YourPrices, "EKS fee discount (control plane, Auto Mode fee)", "%", 0, 100, Sources.YourDiscount, s => s.EksFeeDiscountPercent, (s, v) => s with { EksFeeDiscountPercent = v }) { Paths = EksAny },
        new("loadBalancingDiscountPercent", FieldGroup.YourPrices, "Load-balancing discount (ALB, NLB)", "%", 0, 100, Sources.YourDiscount, s => s.LoadBalancingDiscountPercent, (s, v) => s with { LoadBalancingDiscountPercent = v }) { InUse = s => s.LoadBalancer != LoadBalancer.None },
        new("dataTransferDiscountPercent", FieldGroup.YourPrices, "Data-transfer discount (internet egress, cross-AZ)", "%", 0, 100, Sources.YourDiscount, s => s.DataTransferDiscountPercent, (s, v) => s with { DataTransferDiscountPercent = v }),
        new("savingsPlanDiscountPercent", FieldGroup.YourPrices, "Your Savings Plan discount off on-demand (where the snapshot has no SP rates)", "%", 0, 100, Sources.YourSavingsPlan, s => s.SavingsPlanDiscountPercent, (s, v) => s with { SavingsPlanDiscountPercent = v }) { Paths = Spot, InUse = UsesSavingsPlan },
        new("spotInterruptionPercentPerMonth", FieldGroup.Operations, "Spot machines reclaimed", "%/month", 0, 100, Sources.SpotInterruptions, s => s.SpotInterruptionPercentPerMonth, (s, v) => s with { SpotInterruptionPercentPerMonth = v }) { Paths = Spot, InUse = UsesSpot },

        // ECS on EC2 and ECS on Fargate (docs/model.md §11)
        new("ecsTaskCpuUnits", FieldGroup.Ecs, "Task CPU (fixed-size tasks on EC2, Fargate tasks)", "CPU units", 128, 196_608, Sources.EcsTaskSize, s => s.EcsTaskCpuUnits, (s, v) => s with { EcsTaskCpuUnits = (int)v }) { WholeNumber = true, Paths = EcsAny, InUse = UsesTaskSize },
        new("ecsTaskMemoryMiB", FieldGroup.Ecs, "Task memory (fixed-size tasks on EC2, Fargate tasks)", "MiB", 128, 24_576_000, Sources.Assumption, s => s.EcsTaskMemoryMiB, (s, v) => s with { EcsTaskMemoryMiB = (int)v }) { WholeNumber = true, Paths = EcsAny, InUse = UsesTaskSize },
        new("ecsReservedMemoryMiB", FieldGroup.Ecs, "ECS_RESERVED_MEMORY (taken off what an instance registers)", "MiB", 0, 262_144, Sources.EcsReservedMemory, s => s.EcsReservedMemoryMiB, (s, v) => s with { EcsReservedMemoryMiB = (int)v }) { WholeNumber = true, Paths = EcsEc2 },
        new("ecsAgentMemoryMiB", FieldGroup.Ecs, "ECS agent and container runtime memory per instance", "MiB", 0, 65_536, Sources.EcsAgentFootprint, s => s.EcsAgentMemoryMiB, (s, v) => s with { EcsAgentMemoryMiB = (int)v }) { WholeNumber = true, Paths = EcsEc2 },
        new("ecsAgentCpuMillicores", FieldGroup.Ecs, "ECS agent and container runtime CPU per instance", "millicores", 0, 64_000, Sources.EcsAgentFootprint, s => s.EcsAgentCpuMillicores, (s, v) => s with { EcsAgentCpuMillicores = (int)v }) { WholeNumber = true, Paths = EcsEc2 },
        new("ecsRootVolumeGiB", FieldGroup.Ecs, "Root volume per container instance (gp3)", "GiB", 1, 16_384, Sources.EcsOptimizedAmiVolume, s => s.EcsRootVolumeGiB, (s, v) => s with { EcsRootVolumeGiB = (int)v }) { WholeNumber = true, Paths = EcsEc2 },
        new("ecsMinimumHealthyPercent", FieldGroup.Ecs, "Deployments: minimum healthy tasks", "%", 0, 100, Sources.EcsRollingDeployment, s => s.EcsMinimumHealthyPercent, (s, v) => s with { EcsMinimumHealthyPercent = v }) { Paths = EcsAny },
        new("ecsMaximumPercent", FieldGroup.Ecs, "Deployments: maximum tasks running", "%", 100, 200, Sources.EcsRollingDeployment, s => s.EcsMaximumPercent, (s, v) => s with { EcsMaximumPercent = v }) { Paths = EcsAny },
        new("fargateSpotDiscountPercent", FieldGroup.Ecs, "Fargate Spot discount (0 = regular Fargate)", "%", 0, 70, Sources.FargateSpot, s => s.FargateSpotDiscountPercent, (s, v) => s with { FargateSpotDiscountPercent = v }) { Paths = EcsFargate },
        new("ecsOperationsHoursPerMonth", FieldGroup.Operations, "ECS operations effort", HoursPerMonth, 0, 10_000, Sources.Assumption, s => s.EcsOperationsHoursPerMonth, (s, v) => s with { EcsOperationsHoursPerMonth = v }) { Paths = EcsAny },
    ];

    /// <summary>The day has off-peak hours: the off-peak load, ramp and autoscaling matter.</summary>
    public static bool Shaped(Scenario s) => s.PeakHoursPerDay < 24;

    /// <summary>Pods of a fixed size run on EKS nodes with that layout, and on Fargate always.</summary>
    private static bool UsesPodSize(Scenario s) =>
        (s.PodLayout == PodLayout.FixedPodSize && !s.HiddenPaths.Contains(PathIds.Eks)) || !s.HiddenPaths.Contains(PathIds.EksFargate);

    /// <summary>Auto Mode runs Kubernetes' node components outside pods and sets max pods itself (model.md §1.2, §2.5).</summary>
    internal static bool NotAutoMode(Scenario s) => !s.AutoMode;

    /// <summary>
    /// The add-ons' requests (CoreDNS × 2 and metrics-server) size the add-on pods on EC2 nodes, except
    /// under Auto Mode (only metrics-server, at its chart's requests), and on Fargate always.
    /// </summary>
    private static bool UsesClusterAddOns(Scenario s) =>
        (!s.AutoMode && !s.HiddenPaths.Contains(PathIds.Eks)) || !s.HiddenPaths.Contains(PathIds.EksFargate);
    /// <summary>Spot interruptions matter when a path that runs on instances buys them on spot.</summary>
    private static bool UsesSpot(Scenario s) =>
        (s.Ec2PurchaseOption == Prices.PurchaseOption.Spot && !s.HiddenPaths.Contains(PathIds.Ec2))
        || (s.EksPurchaseOption == Prices.PurchaseOption.Spot && !s.HiddenPaths.Contains(PathIds.Eks))
        || (s.EcsPurchaseOption == Prices.PurchaseOption.Spot && !s.HiddenPaths.Contains(PathIds.EcsEc2))
        || (s.FargateSpotDiscountPercent > 0 && !s.HiddenPaths.Contains(PathIds.EcsFargate));

    /// <summary>A task size matters to fixed-size tasks on ECS on EC2, and to ECS on Fargate always.</summary>
    private static bool UsesTaskSize(Scenario s) =>
        (s.EcsTaskLayout == EcsTaskLayout.FixedTaskSize && !s.HiddenPaths.Contains(PathIds.EcsEc2)) || !s.HiddenPaths.Contains(PathIds.EcsFargate);

    /// <summary>A path that runs on instances buys them under a Savings Plan.</summary>
    private static bool UsesSavingsPlan(Scenario s) =>
        (IsSavingsPlan(s.Ec2PurchaseOption) && !s.HiddenPaths.Contains(PathIds.Ec2))
        || (IsSavingsPlan(s.EksPurchaseOption) && !s.HiddenPaths.Contains(PathIds.Eks));

    private static bool IsSavingsPlan(Prices.PurchaseOption option) =>
        option is Prices.PurchaseOption.SavingsPlan1Year or Prices.PurchaseOption.SavingsPlan3Year;

    public static ScenarioField? Find(string name) =>
        All.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));
}
