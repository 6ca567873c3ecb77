namespace CostCalc.Pricing.Snapshot;

/// <summary>A row of ec2-instance-types.csv, reduced to what the snapshot uses.</summary>
internal sealed record RawSpec(
    string Name,
    string Family,
    string Size,
    int Vcpu,
    int MemoryMiB,
    string Architectures,
    bool CurrentGeneration,
    bool Burstable,
    bool BareMetal,
    string Hypervisor,
    int MaxNetworkInterfaces,
    int Ipv4PerInterface);

/// <summary>A row of ec2-prices-linux-by-region.csv. Prices are the source text (empty when absent).</summary>
internal sealed record RawRegionPrice(
    string Region,
    string Location,
    string InstanceType,
    bool CurrentGeneration,
    string Vcpu,
    string MemoryGib,
    string OnDemand,
    string ReservedStandard1Year,
    string ReservedStandard3Year,
    string ReservedConvertible1Year,
    string ReservedConvertible3Year);

internal sealed record RawEniLimits(int MaxEnis, int Ipv4PerEni);

internal sealed record RawKarpenterLimits(int MaxEnis, int Ipv4PerEni, string Hypervisor, bool BareMetal);

/// <summary>The three gp3 rates of one region, as the source text.</summary>
internal sealed record RawGp3(string PerGbMonth, string PerIopsMonth, string PerGibpsMonth);

internal sealed record RawFact(string UsageType, string Usd, string Unit, string Confidence);

/// <summary>Everything the builder reads from the shared data folder, keyed for lookups.</summary>
internal sealed class RawData
{
    public required IReadOnlyDictionary<string, RawSpec> Specs { get; init; }

    public required IReadOnlyDictionary<string, RawEniLimits> EksAmiLimits { get; init; }

    public required IReadOnlyDictionary<string, RawKarpenterLimits> KarpenterLimits { get; init; }

    public required IReadOnlyDictionary<string, int> ListedMaxPods { get; init; }

    public required IReadOnlyList<RawRegionPrice> RegionPrices { get; init; }

    /// <summary>Karpenter's us-east-1 on-demand prices by type (source text).</summary>
    public required IReadOnlyDictionary<string, string> KarpenterUsEast1 { get; init; }

    /// <summary>Karpenter's USD GovCloud on-demand prices by (region, type) (source text).</summary>
    public required IReadOnlyDictionary<(string Region, string Type), string> KarpenterGovCloud { get; init; }

    /// <summary>Rows of the Karpenter GovCloud/China file that were skipped because they are not USD.</summary>
    public required int NonUsdRowsSkipped { get; init; }

    /// <summary>Linux spot savings % by (region, type) (source text).</summary>
    public required IReadOnlyDictionary<(string Region, string Type), string> SpotSavings { get; init; }

    public required IReadOnlyDictionary<string, RawGp3> Gp3 { get; init; }

    /// <summary>eks-and-related-pricing-facts.csv rows by usage type.</summary>
    public required IReadOnlyDictionary<string, RawFact> Facts { get; init; }
}
