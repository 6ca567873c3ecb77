namespace CostCalc.Domain.Scenarios;

/// <summary>
/// Short citations for every default and figure, shown beside inputs in the UI and the PDF. The
/// model document (docs/model.md) gives each in full; "assumption" marks a figure no public source
/// states, which users should replace with a measurement of their own.
/// </summary>
public static class Sources
{
    public const string WhatsApp2012 =
        "WhatsApp blog (Jan 2012): 2.28 M sockets on one 96 GiB server, ≈ 23–29 KB per connection including kernel and app state";
    public const string BeamReleaseFootprint =
        "Assumption — measure yours: a bare VM is ≈ 40 MB RSS; PromEx's Phoenix test app reports 55 MB allocated";
    public const string Assumption = "Assumption — replace with your own measurement";
    public const string CpuPerMessage =
        "Assumption — measure yours: application work per message; a local send itself is ≈ 0.1–0.4 µs";
    public const string DiscordRemoteSend = "Discord manifold README: a send/2 to a remote pid costs about 70 µs";
    public const string HoursPerMonth = "730 h = 8,760 / 12, the convention of AWS's calculator and Infracost";
    public const string KarpenterVmOverhead =
        "Karpenter vmMemoryOverheadPercent 0.075 (+64 MiB CMA on arm64): hidden from the OS on EC2 and EKS alike";
    public const string OsMemory = "Assumption — measure yours: the OS of a plain instance (systemd, journald, sshd, SSM agent)";
    public const string HostAgents =
        "Log and metrics agents on every machine: aws-for-fluent-bit 50m/50Mi + CloudWatch agent 200m/200Mi (aws/eks-charts values)";
    public const string KubeReserved =
        "EKS AMI nodeadm: kube-reserved memory 11 × maxPods + 255 MiB; CPU 6/1/0.5/0.25 % tiers";
    public const string Eviction = "EKS AMI nodeadm: evictionHard memory.available 100 MiB";
    public const string MaxPodsEni = "VPC CNI eni-max-pods.txt: ENIs × (IPv4 per ENI − 1) + 2";
    public const string MaxPodsPrefix = "Prefix delegation: ENIs × ((IPv4 − 1) × 16) + 2, capped at 110 (≤ 30 vCPU) or 250";
    public const string MaxPodsKubelet = "Kubelet default maxPods 110";
    public const string NodeComponents =
        "Kubernetes-only DaemonSets: aws-node 50m + kube-proxy 100m + ebs-csi-node 30m/104Mi (VPC CNI, EKS add-on, EBS CSI chart)";
    public const string ClusterAddOns = "CoreDNS 2 × 100m/70Mi (EKS add-on) + metrics-server 100m/200Mi (chart values)";
    public const string SystemNodes = "A small node group for add-ons; two nodes so CoreDNS survives losing one";
    public const string ControlPlane = "AWS: EKS $0.10 per cluster-hour in standard support, $0.60 in extended support";
    public const string SupportWindow =
        "EKS: 14 months of standard support per Kubernetes version, then 12 months of extended support at $0.60/h";
    public const string AutoMode = "EKS Auto Mode fee ≈ 12 % of on-demand per managed instance [secondary: eks-node-viewer, others]";
    public const string AutoModeFeeList = "EKS Auto Mode fee per instance type from the AmazonEKS price list of the snapshot in use";
    public const string Fargate =
        "EKS user guide: Fargate adds 256 MB and rounds up to a supported vCPU/GB shape; $0.04048/vCPU-h, $0.004445/GB-h";
    public const string Alb = "ALB $0.0225/h + $0.008/LCU-h; 1 LCU = 25 new conn/s, 3,000 active, 1 GB/h";
    public const string Nlb = "NLB $0.0225/h + $0.006/NLCU-h; 1 NLCU = 800 new TCP conn/s or 50 TLS, 100,000 active TCP or 3,000 TLS, 1 GB/h [secondary]";
    public const string ConnectionSetup = "Connection set-up ≈ 200 µs of CPU: WebSocket upgrade, socket connect and channel join (assumption: measure yours)";
    public const string ReconnectBackoff = "Phoenix JS client reconnects 10, 50, 100, 150, 200, 250, 500, 1,000, 2,000 ms after a drop, then every 5 s [verified: phoenixframework/phoenix socket.js]";
    public const string TlsHandshake = "Full TLS handshake ≈ 1 ms of CPU on the BEAM VM (assumption: measure yours; ECDSA keys and session resumption cost less)";
    public const string Nat = "NAT gateway $0.045/h + $0.045/GB processed; private subnets need one on every path";
    public const string CrossAz = "Cross-AZ transfer $0.01/GB in each direction";
    public const string InternetEgress =
        "Internet egress, us-east-1: $0.09/GB for the first 10 TB, $0.085 next 40 TB, $0.07 next 100 TB, $0.05 beyond; 100 GB/month free per account [secondary]";
    public const string ClientBytes =
        "Assumption — measure yours: server→client bytes per socket (pushes plus heartbeat replies; Phoenix's JS client sends a heartbeat every 30 s)";
    public const string Gp3 = "EBS gp3 per GB-month, regional price list";
    public const string EksRootVolume = "EKS managed node groups default to a 20 GiB root volume";
    public const string BurstableBaseline = "EC2 user guide: T-family baseline = credits per hour ÷ vCPUs ÷ 60";
    public const string CpuCredits = "EC2 user guide: unlimited-mode surplus credits $0.05 per vCPU-hour (T2/T3); T3a $0.05 and T4g $0.04 [secondary]";
    public const string SchedulersQuota =
        "OTP ≥ 23: schedulers online = CPU limit truncated to whole CPUs (at least 1); without a limit, one per node CPU";
    public const string BusyWait = "OTP erl +sbwt: schedulers spin before sleeping (default medium); spinning spends CFS quota";
    public const string Throttling = "Assumption — measure yours: CFS quota throttling of a BEAM VM under a CPU limit";
    public const string Mesh = "OTP kernel: full mesh n(n−1)/2 connections; tick every 15 s; dead peer found after 45–75 s";
    public const string PodStartup =
        "Kubernetes pod startup SLO p99 ≤ 5 s excl. image pull; crash back-off 10 s … 5 min; grace period 30 s";
    public const string HotCodeUpgrade =
        "Hot code loading keeps sockets, but Elixir's mix release does not ship relups: an option only with appup/relup work";
    public const string RollingUpdate = "A rolling update replaces every pod, closing each pod's connections once";
    public const string RollingRestart = "Each instance restarts once per deploy, closing its connections";
    public const string InstancePrices =
        "AWS Price List: Linux, shared-tenancy on-demand and no-upfront reserved prices per region, as of the snapshot date";
    public const string SpotAdvisor = "Spot ≈ on-demand × (1 − savings %) from the AWS Spot Advisor feed";
    public const string LoadShape =
        "Planning choice: peak hours at peak connections, the rest of the day at the off-peak share; 24 h = flat (peak all month)";
    public const string OffPeakLoad = "Assumption — measure yours: connections outside the peak hours as a share of peak";
    public const string Ramp = "Assumption — measure yours: minutes the load takes to climb from off-peak to peak and to fall back";
    public const string ScaleOut =
        "Scale-out: EC2 launch to SSH ≈ 25–30 s (brevdev/ec2-coldboot-research, daemonology.net 2021); Karpenter node Ready 60–100 s after launch (aws/karpenter-provider-aws #3102, #6128); Fargate node 30–45 s (aws/containers-roadmap #649) [secondary]";
    public const string ScaleInDrain =
        "Kubernetes terminationGracePeriodSeconds default 30 s; ALB deregistration delay default 300 s: the drain is the shorter one";
    public const string TargetUtilisation = "Planning choice: headroom for peaks and garbage collection";
    public const string Availability = "Spare machines (or VMs, per the spare policy) keep peak capacity through the loss of that many";
    public const string SparePolicy =
        "Planning choice: N+k machines (default), N+k BEAM VMs, or a whole zone: machines spread over the zones so that losing the largest still leaves the N peak needs";
    public const string InstanceRefresh =
        "AWS Managed Services refreshes Auto Scaling groups monthly with new AMIs (verified for AMS; monthly as general practice is secondary); each roll restarts every VM";
    public const string KubernetesReleaseCadence =
        "Kubernetes ships 3 minor releases a year (KEP-2572); EKS supports each 14 months in standard support, so 3 upgrades a year keep a cluster there";
    public const string AutoModeNodeLifetime =
        "EKS Auto Mode default node pools: nodes expire after 336 h (14 days) and drift to each new AMI, released roughly once a week";
    public const string FargatePatching =
        "EKS user guide: AWS periodically recycles Fargate pods to patch their OS (cadence not published); existing pods keep their kubelet until restarted";
    public const string SpotInterruptions =
        "Assumption — measure yours: share of spot machines reclaimed a month; the Spot Advisor gives m6i.large in us-east-1 the 10–15 % band";
    public const string YourDiscount =
        "Your own discount (assumption: 0 % = list price); applied after reserved/Savings Plan rates, as secondary sources describe EDP discounts (no AWS document states the order)";
    public const string YourSavingsPlan =
        "Your own Savings Plan discount off on-demand (assumption: 0 % = no stated rate, on-demand is used); AWS quotes up to 66 % for Compute Savings Plans";
    public const string YourRates = "Your own rates and costs (assumption: none = list prices); an override replaces the list rate before discounts";

    // Sensitivity bands (model.md §8.1): the low and high value the "what moves the answer" view tries.
    public const string SensitivityBand =
        "Sensitivity band (assumption): half and double the value; no public source gives this input's spread";
    public const string SensitivityMemoryPerConnection =
        "Sensitivity band ×0.5 / ×2: published figures run from ≈ 12 KB (Phoenix socket + channel, Jurić 2016) to ≈ 40 KB (a new LiveView process) per connection";
    public const string SensitivityPoints =
        "Sensitivity band (assumption): a plausible spread in percentage points around the value";
    public const string SensitivityOperations =
        "Sensitivity band (assumption): half and double the hours, and at least 20 h a month more, so hours left at 0 still move";
    public const string SensitivityPurchaseOption =
        "Purchase options tried: on-demand, 1-year standard reserved (no upfront) and spot, the three ways AWS sells instance hours";

    // Workload presets (model.md §8.2).
    public const string PresetPhoenixChat =
        "Phoenix, The Road to 2 Million Websocket Connections (2015): 2 M idle channel clients on one 128 GB / 40-core machine; ≈ 12 KB per socket + channel (Jurić 2016)";
    public const string PresetLiveView =
        "A LiveView process starts at ≈ 40 KB (Pragmatic Studio, LiveView course) [secondary]; an idle LiveView release ≈ 300 MB RSS (mrpopov.com) [secondary]";
    public const string PresetMqtt =
        "EMQX 10 M connection test: ≈ 9 GB used per node, 300 s keepalive; on 20 nodes of 16 cores / 32 GB (node count inferred from EMQX's 4.3 report) ≈ 18 KB per connection; EMQX 4.3 test: 50-byte payloads [secondary]";
    public const string PresetSmall =
        "Assumption: a small service whose peak fits one t3.medium (2 vCPU, 4 GiB) inside its 20 % CPU baseline";

    // Amazon ECS (docs/model.md §11)
    public const string EcsOrchestration =
        "ECS pricing page: no charge for ECS orchestration on EC2 or Fargate; you pay for the compute and resources used";
    public const string EcsReservedMemory =
        "ECS agent: ECS_RESERVED_MEMORY defaults to 0 MiB; an instance registers MemTotal − reserved MiB and vCPUs × 1,024 CPU units (aws/amazon-ecs-agent)";
    public const string EcsAgentFootprint =
        "Assumption — measure yours: memory and CPU of the ECS agent and dockerd/containerd on each instance (ECS reserves none; one 2019 report: dockerd > 60 MB)";
    public const string EcsOptimizedAmiVolume = "ECS-optimized AMI root volume 30 GiB (aws/amazon-ecs-ami variables.pkr.hcl block_device_size_gb)";
    public const string EcsTaskNetworking =
        "ECS developer guide: awsvpc gives every task an ENI, so ENIs − 1 tasks an instance (c5.large: 2); with awsvpcTrunking the type's listed limit (c5.large: 10); bridge and host use no task ENI";
    public const string EcsTaskSize =
        "ECS task definition: task-level CPU in units (1,024 = 1 vCPU) and memory in MiB, enforced as cgroup limits (ECS_ENABLE_TASK_CPU_MEM_LIMIT, default true)";
    public const string EcsRollingDeployment =
        "ECS rolling deployments: minimumHealthyPercent 100 % and maximumPercent 200 % by default; a task is deregistered from its target group before it is stopped, so its connections drop";
    public const string FargateEcs =
        "Fargate pricing: the same vCPU-hour and GB-hour rates for ECS and EKS; an ECS task is billed at its task size (no 256 MB added), 20 GiB ephemeral storage included";
    public const string FargateSpot =
        "Assumption — enter today's discount: AWS says only that Fargate Spot runs ECS tasks at up to 70 % off, with a 2-minute warning; its price is not fixed";
    public const string FargateTaskRetirement =
        "ECS developer guide, Fargate task maintenance: AWS replaces service tasks to patch them as a deployment does, new task first at 100 % minimum healthy (cadence not published)";
    public const string CloudMap =
        "AWS Cloud Map price list (AWSCloudMap): $0.10 per registered resource a month, $1.00 per million discovery API calls";
    public const string EcsScaleOut =
        "Scale-out on ECS: an instance launch (≈ 30 s, as EC2) or a Fargate task (≈ 45 s, as an EKS Fargate pod) + 10 s image pull + 10 s BEAM boot [secondary/assumption]";
}
