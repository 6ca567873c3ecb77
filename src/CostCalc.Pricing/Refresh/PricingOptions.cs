namespace CostCalc.Pricing.Refresh;

/// <summary>The "Pricing" configuration section (appsettings.json).</summary>
public sealed class PricingOptions
{
    public const string Section = "Pricing";

    /// <summary>Where refreshed snapshots are kept, one folder per id; relative paths are under the content root.</summary>
    public string SnapshotDirectory { get; set; } = "data/snapshots";

    public RefreshOptions Refresh { get; set; } = new();

    public BulkOptions Bulk { get; set; } = new();

    public QueryOptions Query { get; set; } = new();

    public ValidationOptions Validation { get; set; } = new();
}

public sealed class RefreshOptions
{
    /// <summary>Refresh on a schedule. Off by default: the embedded snapshot needs no network.</summary>
    public bool ScheduleEnabled { get; set; }

    public TimeSpan Interval { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Wait after start-up before the first scheduled refresh.</summary>
    public TimeSpan InitialDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>"bulk" (keyless), "query" (AWS credentials), or "auto" (query when credentials resolve, else bulk).</summary>
    public string Source { get; set; } = "bulk";

    /// <summary>Regions to refresh; empty = every region of the snapshot in use. Others keep their prices.</summary>
    public string[] Regions { get; set; } = [];

    /// <summary>Allow refreshes from the /pricing page and the API.</summary>
    public bool ManualEnabled { get; set; } = true;

    /// <summary>A manual refresh is refused this soon after the previous attempt started.</summary>
    public TimeSpan ManualCooldown { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The whole refresh, all regions.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromHours(2);

    /// <summary>Key required in the X-CostCalc-Admin-Key header of POST /api/pricing/refresh; unset = endpoint disabled.</summary>
    public string? AdminKey { get; set; }
}

public sealed class BulkOptions
{
    public Uri BaseUrl { get; set; } = new("https://pricing.us-east-1.amazonaws.com");

    public Uri SpotAdvisorUrl { get; set; } = new("https://spot-bid-advisor.s3.amazonaws.com/spot-advisor-data.json");

    /// <summary>One file, headers and body; a stalled download fails after this.</summary>
    public TimeSpan FileTimeout { get; set; } = TimeSpan.FromMinutes(15);

    public bool SavingsPlans { get; set; } = true;

    public bool Eks { get; set; } = true;

    public bool SpotAdvisor { get; set; } = true;
}

public sealed class QueryOptions
{
    /// <summary>Null = https://api.pricing.&lt;EndpointRegion&gt;.amazonaws.com/.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>us-east-1, eu-central-1 or ap-south-1 (any serves every region); also the signing region.</summary>
    public string EndpointRegion { get; set; } = "us-east-1";

    /// <summary>AWS allows bursts of 10 and 5 per second (Price List documentation); stay below.</summary>
    public double MaxRequestsPerSecond { get; set; } = 4;

    /// <summary>Use DescribeSpotPriceHistory for spot when credentials resolve (query/auto sources).</summary>
    public bool SpotPriceHistory { get; set; } = true;

    /// <summary>Overrides the EC2 endpoint for DescribeSpotPriceHistory (tests).</summary>
    public Uri? Ec2ServiceUrl { get; set; }
}

public sealed class ValidationOptions
{
    /// <summary>A refreshed region must keep at least this share of its previous instance types.</summary>
    public double MinInstanceTypeShare { get; set; } = 0.8;

    public int MinInstanceTypes { get; set; } = 20;

    /// <summary>Types that must stay priced wherever the previous snapshot priced them; null = the defaults below.</summary>
    public string[]? ReferenceInstanceTypes { get; set; }

    /// <summary>The median new/old on-demand ratio of a region must lie within [1/x, x].</summary>
    public double MaxMedianChange { get; set; } = 1.5;

    /// <summary>A type whose price moved beyond [1/x, x] counts as an outlier.</summary>
    public double MaxTypeChange { get; set; } = 4;

    /// <summary>At most this share of a region's common types may be outliers.</summary>
    public double MaxOutlierShare { get; set; } = 0.05;

    public static IReadOnlyList<string> DefaultReferenceInstanceTypes { get; } =
        ["m5.large", "m6i.large", "c6i.large", "r6i.large", "m6g.large", "t3.medium"];

    public IReadOnlyList<string> ReferenceTypes => ReferenceInstanceTypes ?? DefaultReferenceInstanceTypes;
}
