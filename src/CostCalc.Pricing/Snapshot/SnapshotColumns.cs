namespace CostCalc.Pricing.Snapshot;

// One column map per snapshot file: the index of each column, found by name once from the file's
// header, so a reader says csv[c.Family] rather than csv[c[1]]. A missing column throws naming the
// file and the column (CsvFile.Column); the columns that older files lack are -1 when absent. The
// names are those of SnapshotFormat's headers, in the same order (SnapshotColumnsTests checks).

/// <summary>The columns of instance-types.csv.</summary>
internal sealed class InstanceTypeColumns(CsvFile csv)
{
    public int Name { get; } = csv.Column("name");
    public int Family { get; } = csv.Column("family");
    public int Size { get; } = csv.Column("size");
    public int Vcpu { get; } = csv.Column("vcpu");
    public int MemoryMiB { get; } = csv.Column("memory_mib");
    public int Architecture { get; } = csv.Column("architecture");
    public int CurrentGeneration { get; } = csv.Column("current_generation");
    public int BareMetal { get; } = csv.Column("bare_metal");
    public int Nitro { get; } = csv.Column("nitro");
    public int BurstableBaselinePerVcpu { get; } = csv.Column("burstable_baseline_per_vcpu");
    public int MaxEnis { get; } = csv.Column("max_enis");
    public int Ipv4PerEni { get; } = csv.Column("ipv4_per_eni");
    public int ListedMaxPods { get; } = csv.Column("listed_max_pods");
}

/// <summary>The columns of prices.csv; the Compute Savings Plans rates are absent from files written before them.</summary>
internal sealed class PriceColumns(CsvFile csv)
{
    public int Region { get; } = csv.Column("region");
    public int InstanceType { get; } = csv.Column("instance_type");
    public int OnDemand { get; } = csv.Column("ondemand");
    public int Standard1 { get; } = csv.Column("ri_std_1y");
    public int Standard3 { get; } = csv.Column("ri_std_3y");
    public int Convertible1 { get; } = csv.Column("ri_conv_1y");
    public int Convertible3 { get; } = csv.Column("ri_conv_3y");
    public int SpotSavings { get; } = csv.Column("spot_savings_pct");
    public int OnDemandSource { get; } = csv.Column("ondemand_source");
    public int SavingsPlan1 { get; } = csv.OptionalColumn("sp_compute_1y");
    public int SavingsPlan3 { get; } = csv.OptionalColumn("sp_compute_3y");
}

/// <summary>The columns of regions.csv.</summary>
internal sealed class RegionColumns(CsvFile csv)
{
    public int Code { get; } = csv.Column("code");
    public int Name { get; } = csv.Column("name");
    public int Gp3PerGbMonth { get; } = csv.Column("gp3_per_gb_month");
    public int Gp3PerIopsMonth { get; } = csv.Column("gp3_per_iops_month");
    public int Gp3PerMiBpsMonth { get; } = csv.Column("gp3_per_mibps_month");
    public int Gp3Regional { get; } = csv.Column("gp3_regional");
    public int Origins { get; } = csv.Column("origins");
}

/// <summary>The columns of services.csv; the region is absent from files written before it (every row then applies everywhere).</summary>
internal sealed class ServiceColumns(CsvFile csv)
{
    public int Key { get; } = csv.Column("key");
    public int Usd { get; } = csv.Column("usd");
    public int Unit { get; } = csv.Column("unit");
    public int Confidence { get; } = csv.Column("confidence");
    public int Source { get; } = csv.Column("source");
    public int Region { get; } = csv.OptionalColumn("region");
}

/// <summary>The columns of sources.csv.</summary>
internal sealed class SourceColumns(CsvFile csv)
{
    public int Code { get; } = csv.Column("code");
    public int What { get; } = csv.Column("what");
    public int Source { get; } = csv.Column("source");
    public int AsOf { get; } = csv.Column("as_of");
}

/// <summary>The columns of auto-mode-fees.csv.</summary>
internal sealed class AutoModeFeeColumns(CsvFile csv)
{
    public int Region { get; } = csv.Column("region");
    public int InstanceType { get; } = csv.Column("instance_type");
    public int UsdPerHour { get; } = csv.Column("usd_per_hour");
    public int Source { get; } = csv.Column("source");
}
