namespace CostCalc.Domain.Scenarios;

/// <summary>
/// Short citations for every default and figure, shown beside inputs in the UI and the PDF.
/// The full references are in shared/docs/DOMAIN.md (section numbers given).
/// </summary>
public static class Sources
{
    public const string WhatsApp2012 =
        "WhatsApp 2012: 2.28 M sockets on one 96 GiB server ≈ 23–29 KB per connection incl. kernel and app state (DOMAIN §4.1)";
    public const string BeamReleaseFootprint =
        "Bare BEAM ≈ 40 MB RSS measured (OTP 25); a Phoenix/cowboy release is typically 60–150 MB [unverified] (DOMAIN §4.2)";
    public const string Assumption = "Workload assumption: replace with your own measurement";
    public const string DiscordRemoteSend = "Discord manifold README: a remote send/2 costs about 70 µs/op (DOMAIN §4.5)";
    public const string LocalSend = "OTP 25 measured: local send+receive ≈ 0.1–0.36 µs; application work dominates (DOMAIN §4.5)";
    public const string HoursPerMonth = "730 h = 8,760 / 12, the cost tools' convention (DOMAIN §5.5)";
    public const string KarpenterVmOverhead =
        "Karpenter vmMemoryOverheadPercent 0.075 (+64 MiB CMA on arm64), common to EC2 and EKS (DOMAIN §2.3)";
    public const string OsMemory = "Linux OS, sshd, agents on a plain instance: ≈ 300 MiB [unverified] (DOMAIN §3)";
    public const string KubeReserved =
        "EKS AMI nodeadm: kube-reserved memory 11 × maxPods + 255 MiB; CPU 6/1/0.5/0.25 % tiers (DOMAIN §2.1)";
    public const string Eviction = "EKS AMI evictionHard memory.available 100 MiB (DOMAIN §2.1)";
    public const string MaxPodsEni = "VPC CNI eni-max-pods.txt: ENIs × (IPv4 per ENI − 1) + 2 (DOMAIN §2.2)";
    public const string MaxPodsPrefix =
        "Prefix delegation: ENIs × ((IPv4 − 1) × 16) + 2, capped at 110 (≤ 30 vCPU) or 250 (DOMAIN §2.2)";
    public const string MaxPodsKubelet = "Kubelet default maxPods 110 (DOMAIN §2.2)";
    public const string DaemonSets =
        "aws-node 50m + kube-proxy 100m + ebs-csi-node 30m/104Mi + fluent-bit 50m/50Mi + CloudWatch agent 200m/200Mi (DOMAIN §2.5)";
    public const string ClusterAddOns = "CoreDNS 2 × 100m/70Mi + metrics-server 100m/200Mi (DOMAIN §2.5)";
    public const string ControlPlane = "EKS $0.10/cluster-hour standard, $0.60 in extended support (DOMAIN §1.1)";
    public const string ApiDefaultsExtended = "Clusters created by API/IaC default to the EXTENDED upgrade policy (DOMAIN §1.1)";
    public const string AutoMode = "EKS Auto Mode fee ≈ 12 % of on-demand per managed instance [secondary] (DOMAIN §1.2)";
    public const string Fargate =
        "Fargate adds 256 MB and rounds up to a supported vCPU/GB shape; $0.04048/vCPU-h, $0.004445/GB-h (DOMAIN §1.3)";
    public const string Alb = "ALB $0.0225/h + $0.008/LCU-h; 1 LCU = 25 new conn/s, 3,000 active, 1 GB/h (DOMAIN §1.4)";
    public const string Nat = "NAT gateway $0.045/h + $0.045/GB (DOMAIN §1.4)";
    public const string CrossAz = "Cross-AZ transfer $0.01/GB in each direction (DOMAIN §1.4)";
    public const string Gp3 = "EBS gp3 per GB-month, regional price list (DOMAIN §1.4)";
    public const string EksRootVolume = "EKS managed node groups default to a 20 GiB root volume";
    public const string BurstableBaseline = "T-family baseline = credits per hour ÷ vCPUs ÷ 60 (DOMAIN §5.2)";
    public const string CpuCredits = "Unlimited-mode surplus credits $0.05 per vCPU-hour [secondary] (DOMAIN §5.3)";
    public const string SchedulersQuota =
        "OTP ≥ 23 sets schedulers online from the CPU quota, truncated, at least 1 (DOMAIN §4.3)";
    public const string Throttling = "CFS quota throttling with busy-waiting schedulers (DOMAIN §4.4)";
    public const string Mesh = "Erlang full mesh: n(n−1)/2 connections; tick every 15 s; dead peer found after 45–75 s (DOMAIN §4.6)";
    public const string PodStartup =
        "Kubernetes pod startup SLO p99 ≤ 5 s excl. image pull; crash back-off 10 s … 5 min; grace period 30 s (DOMAIN §6)";
    public const string HotCodeUpgrade = "BEAM hot code loading keeps processes and sockets across a release upgrade";
    public const string RollingUpdate = "A rolling update replaces every pod, closing each pod's connections once";
    public const string SpotAdvisor = "Spot ≈ on-demand × (1 − savings %) from the AWS Spot Advisor feed (PRICING §5.4)";
    public const string TargetUtilisation = "Headroom for peaks and GC; a planning choice";
    public const string Availability = "Spread over availability zones; N+1 keeps capacity through one instance loss";
}
