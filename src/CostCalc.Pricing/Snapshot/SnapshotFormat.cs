namespace CostCalc.Pricing.Snapshot;

/// <summary>
/// The snapshot's files and header rows, written by <see cref="SnapshotBuilder"/> and by a refresh.
/// Column order is the writers'; readers find columns by name, through one column map per file
/// (e.g. PriceColumns), which also says which columns older files may lack.
/// </summary>
public static class SnapshotFormat
{
    public const string InstanceTypesFile = "instance-types.csv";
    public const string PricesFile = "prices.csv";
    public const string RegionsFile = "regions.csv";
    public const string ServicesFile = "services.csv";
    public const string SourcesFile = "sources.csv";

    /// <summary>
    /// EKS Auto Mode fees per instance type from a region's AmazonEKS price list. Optional: snapshots
    /// without per-type fees (the embedded one, and any written before the file existed) have no such
    /// file, and the fee is then the share of on-demand in services.csv.
    /// </summary>
    public const string AutoModeFeesFile = "auto-mode-fees.csv";

    /// <summary>The files every snapshot has.</summary>
    public static IReadOnlyList<string> FileNames { get; } =
        [InstanceTypesFile, PricesFile, RegionsFile, ServicesFile, SourcesFile];

    /// <summary>The files a snapshot may lack (an opener throws <see cref="FileNotFoundException"/> for them).</summary>
    public static IReadOnlyList<string> OptionalFileNames { get; } = [AutoModeFeesFile];

    public static IReadOnlyList<string> InstanceTypeHeader { get; } =
    [
        "name", "family", "size", "vcpu", "memory_mib", "architecture", "current_generation", "bare_metal",
        "nitro", "burstable_baseline_per_vcpu", "max_enis", "ipv4_per_eni", "listed_max_pods",
    ];

    public static IReadOnlyList<string> PriceHeader { get; } =
    [
        "region", "instance_type", "ondemand", "ri_std_1y", "ri_std_3y", "ri_conv_1y", "ri_conv_3y",
        "spot_savings_pct", "ondemand_source", "sp_compute_1y", "sp_compute_3y",
    ];

    public static IReadOnlyList<string> RegionHeader { get; } =
    [
        "code", "name", "gp3_per_gb_month", "gp3_per_iops_month", "gp3_per_mibps_month", "gp3_regional", "origins",
    ];

    /// <summary>A row with an empty region applies to every region without a row of its own.</summary>
    public static IReadOnlyList<string> ServiceHeader { get; } = ["key", "usd", "unit", "confidence", "source", "region"];

    public static IReadOnlyList<string> SourceHeader { get; } = ["code", "what", "source", "as_of"];

    /// <summary>usd_per_hour is the fee per instance-hour; source is a sources.csv code (what, where from, date).</summary>
    public static IReadOnlyList<string> AutoModeFeeHeader { get; } = ["region", "instance_type", "usd_per_hour", "source"];

    /// <summary>Keys of services.csv, one per <see cref="Domain.Prices.ServicePrices"/> rate.</summary>
    public static class ServiceKeys
    {
        public const string EksClusterHour = "eks_cluster_hour";
        public const string EksExtendedSupportHour = "eks_extended_support_hour";
        public const string FargateVcpuHour = "fargate_vcpu_hour";
        public const string FargateGbHour = "fargate_gb_hour";
        public const string AutoModeFeeShare = "auto_mode_fee_share";
        public const string AlbHour = "alb_hour";
        public const string AlbLcuHour = "alb_lcu_hour";
        public const string NlbHour = "nlb_hour";
        public const string NlbNlcuHour = "nlb_nlcu_hour";
        public const string NatHour = "nat_hour";
        public const string NatGb = "nat_gb";
        public const string CrossAzGbEachDirection = "cross_az_gb_each_direction";
        public const string CpuCreditVcpuHour = "cpu_credit_vcpu_hour";
        public const string CpuCreditGravitonVcpuHour = "cpu_credit_graviton_vcpu_hour";
        public const string EgressFirst10TbGb = "internet_egress_first_10tb_gb";
        public const string EgressNext40TbGb = "internet_egress_next_40tb_gb";
        public const string EgressNext100TbGb = "internet_egress_next_100tb_gb";
        public const string EgressOver150TbGb = "internet_egress_over_150tb_gb";
        public const string EgressFreeGbMonth = "internet_egress_free_gb_month";
    }

    /// <summary>The sources.csv code describing instance-types.csv.</summary>
    public const string CatalogSourceCode = "C";

    /// <summary>The region whose service rates the snapshot holds; other regions reuse them.</summary>
    public const string ServiceRegion = "us-east-1";
}
