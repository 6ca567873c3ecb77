namespace CostCalc.Pricing.Snapshot;

/// <summary>
/// Baseline CPU per vCPU of the burstable families (awsdocs/amazon-ec2-user-guide
/// burstable-credits-baseline-concepts.md: credits earned per hour ÷ vCPUs ÷ 60). t2.xlarge earns 54 credits/h over 4 vCPUs (22.5 %); t2.2xlarge 81 over 8 (16.875 %).
/// </summary>
internal static class BurstableBaselines
{
    private static readonly Dictionary<string, decimal> T3T3aT4g = new(StringComparer.Ordinal)
    {
        ["nano"] = 0.05m,
        ["micro"] = 0.1m,
        ["small"] = 0.2m,
        ["medium"] = 0.2m,
        ["large"] = 0.3m,
        ["xlarge"] = 0.4m,
        ["2xlarge"] = 0.4m,
    };

    private static readonly Dictionary<string, decimal> T2 = new(StringComparer.Ordinal)
    {
        ["nano"] = 0.05m,
        ["micro"] = 0.1m,
        ["small"] = 0.2m,
        ["medium"] = 0.2m,
        ["large"] = 0.3m,
        ["xlarge"] = 0.225m,
        ["2xlarge"] = 0.16875m,
    };

    /// <summary>The baseline fraction, or null when the type is not a known burstable size.</summary>
    public static decimal? Find(string family, string size)
    {
        var table = family switch
        {
            "t3" or "t3a" or "t4g" => T3T3aT4g,
            "t2" => T2,
            _ => null,
        };
        return table is not null && table.TryGetValue(size, out var baseline) ? baseline : null;
    }
}
