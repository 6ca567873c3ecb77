using CostCalc.Domain.Prices;

namespace CostCalc.Domain.Scenarios;

/// <summary>
/// Every input of an estimate. Defaults are the ones users see first; <see cref="ScenarioFields"/>
/// gives each one's unit, allowed range and source.
/// </summary>
public sealed record Scenario
{
    // Workload
    public long PeakConnections { get; init; } = 100_000;
    public double MemoryPerConnectionKiB { get; init; } = 28;
    public double MessagesPerConnectionPerSecond { get; init; } = 0.2;
    public double CpuMicrosecondsPerMessage { get; init; } = 50;
    public double RemoteMessagePercent { get; init; } = 20;
    public double RemoteSendCpuMicroseconds { get; init; } = 70;
    public int BytesPerMessage { get; init; } = 512;

    /// <summary>Bytes a second each connection sends to its client over the internet (pushes and heartbeat replies).</summary>
    public double ClientBytesPerConnectionPerSecond { get; init; } = 100;
    public double NewConnectionsPerSecond { get; init; } = 20;

    /// <summary>CPU a BEAM VM spends accepting one connection (WebSocket upgrade, authentication, joins), TLS aside.</summary>
    public double ConnectionSetupCpuMicroseconds { get; init; } = 200;
    public int BeamBaseMemoryMiB { get; init; } = 100;
    public double GrowthPercentPerMonth { get; init; } = 3;

    // Daily load shape: peak hours at peak connections, the rest of the day at a share of them.
    /// <summary>Hours a day at peak connections; 24 is a flat day (peak all day, the estimate before load shapes).</summary>
    public double PeakHoursPerDay { get; init; } = 24;

    /// <summary>Connections outside the peak hours, as a share of peak connections.</summary>
    public double OffPeakLoadPercent { get; init; } = 30;

    /// <summary>Minutes the load takes to climb from off-peak to peak (and to fall back).</summary>
    public double RampMinutes { get; init; } = 60;

    // Common
    /// <summary>Paths left out of the comparison (ids such as "eks-fargate"); every path is shown by default.</summary>
    public PathList HiddenPaths { get; init; } = PathList.Empty;

    public string Region { get; init; } = "us-east-1";
    public int HorizonMonths { get; init; } = 36;
    public double TargetUtilisationPercent { get; init; } = 70;
    public int AvailabilityZones { get; init; } = 3;
    public int MinimumInstances { get; init; } = 2;
    public int SpareInstances { get; init; } = 1;

    /// <summary>What spare capacity is counted in: machines (N+k machines, the default), BEAM VMs (N+k VMs) or a whole zone.</summary>
    public SparePolicy SparePolicy { get; init; } = SparePolicy.Machines;
    public LoadBalancer LoadBalancer { get; init; } = LoadBalancer.Alb;

    /// <summary>CPU one full TLS handshake costs a BEAM VM, where the VMs terminate TLS (no load balancer, NLB over TCP).</summary>
    public double TlsHandshakeCpuMicroseconds { get; init; } = 1_000;
    public bool BurstableUnlimited { get; init; }
    public int NatGateways { get; init; }
    /// <summary>GB a month the NAT gateways process at peak load; scaled by the daily load shape.</summary>
    public double NatProcessedGbPerMonth { get; init; }

    /// <summary>Machines follow the daily load shape (EC2 Auto Scaling group, Karpenter/cluster autoscaler, more Fargate pods).</summary>
    public bool Autoscaling { get; init; }

    /// <summary>Seconds a VM being scaled in keeps its connections open so clients can leave on their own.</summary>
    public double ScaleInDrainSeconds { get; init; } = 30;

    // Host agents: log and metrics agents every machine runs, a process on EC2 and a DaemonSet pod on EKS.
    public int HostAgentCpuMillicores { get; init; } = 250;
    public int HostAgentMemoryMiB { get; init; } = 250;
    public int HostAgentPods { get; init; } = 2;

    // EC2 plan
    public string Ec2InstanceType { get; init; } = "m6i.large";
    public PurchaseOption Ec2PurchaseOption { get; init; } = PurchaseOption.OnDemand;
    public int Ec2RootVolumeGiB { get; init; } = 20;
    public int OsMemoryMiB { get; init; } = 300;
    public Ec2DeployMethod Ec2DeployMethod { get; init; } = Ec2DeployMethod.RollingRestart;

    // EKS plan
    public string EksNodeInstanceType { get; init; } = "m6i.large";
    public PurchaseOption EksPurchaseOption { get; init; } = PurchaseOption.OnDemand;
    public PodLayout PodLayout { get; init; } = PodLayout.OnePodPerNode;
    public int PodCpuRequestMillicores { get; init; } = 1000;
    public int PodCpuLimitMillicores { get; init; } = 1000;
    public int PodMemoryMiB { get; init; } = 3072;
    public double ThrottlingPenaltyPercent { get; init; }
    public MaxPodsMode MaxPodsMode { get; init; } = MaxPodsMode.Eni;
    public int FixedMaxPods { get; init; } = 110;
    public int NodeComponentCpuMillicores { get; init; } = 180;
    public int NodeComponentMemoryMiB { get; init; } = 104;
    public int NodeComponentPods { get; init; } = 3;
    public int ClusterAddOnCpuMillicores { get; init; } = 300;
    public int ClusterAddOnMemoryMiB { get; init; } = 340;
    public AddOnPlacement AddOnPlacement { get; init; } = AddOnPlacement.BeamNodes;
    public string SystemNodeInstanceType { get; init; } = "t3.medium";
    public int SystemNodeCount { get; init; } = 2;
    public int Clusters { get; init; } = 1;
    public SupportTier SupportTier { get; init; } = SupportTier.Standard;
    public bool AutoMode { get; init; }
    public int EksRootVolumeGiB { get; init; } = 20;

    // ECS plans (ECS on EC2, ECS on Fargate), docs/model.md §11
    public string EcsInstanceType { get; init; } = "m6i.large";
    public PurchaseOption EcsPurchaseOption { get; init; } = PurchaseOption.OnDemand;
    public EcsTaskLayout EcsTaskLayout { get; init; } = EcsTaskLayout.OneTaskPerInstance;
    public EcsNetworkMode EcsNetworkMode { get; init; } = EcsNetworkMode.Awsvpc;
    public EcsNodeDiscovery EcsNodeDiscovery { get; init; } = EcsNodeDiscovery.CloudMap;

    /// <summary>Task-level CPU in ECS CPU units (1,024 = 1 vCPU): fixed-size tasks on EC2, and every Fargate task.</summary>
    public int EcsTaskCpuUnits { get; init; } = 1024;

    /// <summary>Task-level memory in MiB: fixed-size tasks on EC2, and every Fargate task (rounded up to a Fargate size).</summary>
    public int EcsTaskMemoryMiB { get; init; } = 3072;

    /// <summary>The agent's ECS_RESERVED_MEMORY: MiB taken off what the instance registers for task placement (default 0).</summary>
    public int EcsReservedMemoryMiB { get; init; }

    /// <summary>Memory the ECS agent and the container runtime (dockerd, containerd) use on each instance, reserved or not.</summary>
    public int EcsAgentMemoryMiB { get; init; } = 200;

    /// <summary>CPU the ECS agent and the container runtime use on each instance (ECS reserves none).</summary>
    public int EcsAgentCpuMillicores { get; init; } = 100;

    /// <summary>The ECS-optimized AMI's root volume, 30 GiB by default.</summary>
    public int EcsRootVolumeGiB { get; init; } = 30;

    /// <summary>Rolling deployments: tasks that must stay healthy, as a share of the desired count (ECS default 100 %).</summary>
    public double EcsMinimumHealthyPercent { get; init; } = 100;

    /// <summary>Rolling deployments: tasks that may run at once, as a share of the desired count (ECS default 200 %).</summary>
    public double EcsMaximumPercent { get; init; } = 200;

    /// <summary>Fargate Spot's discount on ECS on Fargate; 0 runs regular Fargate (the default). No fixed price is published.</summary>
    public double FargateSpotDiscountPercent { get; init; }

    // Operations
    public double Ec2OperationsHoursPerMonth { get; init; }
    public double EksOperationsHoursPerMonth { get; init; }
    public double EcsOperationsHoursPerMonth { get; init; }
    public decimal OperationsUsdPerHour { get; init; } = 100;
    public int DeploysPerMonth { get; init; } = 8;

    /// <summary>OS/AMI patch rolls a year: an EC2 instance refresh, an EKS managed-node AMI update (restarts every VM).</summary>
    public double InstanceRefreshesPerYear { get; init; } = 12;

    /// <summary>Kubernetes minor-version upgrades a year that reach the nodes (EKS paths): each restarts every pod once.</summary>
    public double KubernetesUpgradesPerYear { get; init; } = 3;

    /// <summary>Share of spot machines reclaimed each month (only with a spot purchase option).</summary>
    public double SpotInterruptionPercentPerMonth { get; init; } = 10;

    // Your prices (docs/model.md §10): discounts per price family, the Savings Plan discount where the snapshot has
    // no SP rates, overrides of single rates, and costs of your own. All off by default: list prices.
    public double Ec2DiscountPercent { get; init; }
    public double FargateDiscountPercent { get; init; }
    public double EksFeeDiscountPercent { get; init; }
    public double LoadBalancingDiscountPercent { get; init; }
    public double DataTransferDiscountPercent { get; init; }

    /// <summary>Your Compute Savings Plan's discount off on-demand, used when the snapshot has no SP rate for the type.</summary>
    public double SavingsPlanDiscountPercent { get; init; }

    /// <summary>Rates replaced by yours, named as cost lines name them.</summary>
    public ItemList<RateOverride> RateOverrides { get; init; } = ItemList.Empty<RateOverride>();

    /// <summary>Costs AWS does not bill, per path: a monthly amount or an amount per machine a month.</summary>
    public ItemList<FixedCost> FixedCosts { get; init; } = ItemList.Empty<FixedCost>();

    public static Scenario Default { get; } = new();
}
