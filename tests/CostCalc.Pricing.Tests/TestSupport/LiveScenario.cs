using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.Runtime;
using CostCalc.Pricing.Query;
using CostCalc.Pricing.Refresh;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CostCalc.Pricing.Tests.TestSupport;

/// <summary>
/// A fake AWS on 127.0.0.1 serving every file and API a refresh of us-east-1 and eu-west-1 reads,
/// in the real formats, plus the app's pricing services pointed at it with a temporary snapshot
/// directory. Prices are the embedded snapshot's (× the files' price factor).
/// </summary>
public sealed class LiveScenario : IAsyncDisposable
{
    public const string Ec2IndexPath = "/offers/v1.0/aws/AmazonEC2/current/region_index.json";
    public const string EksIndexPath = "/offers/v1.0/aws/AmazonEKS/current/region_index.json";
    public const string SpIndexPath = "/savingsPlan/v1.0/aws/AWSComputeSavingsPlan/current/region_index.json";
    public const string SpotAdvisorPath = "/spot-advisor-data.json";
    public const string QueryPath = "/pricing/";
    public const string Ec2ApiPath = "/ec2/";
    public static readonly string[] Regions = ["us-east-1", "eu-west-1"];
    private static readonly PriceListFiles DefaultFiles = new(Samples.Directory);
    private static readonly ConcurrentCache Cache = new();
    private ServiceProvider? _services;

    private LiveScenario(FakeAws aws, string directory)
    {
        Aws = aws;
        Directory = directory;
    }

    public FakeAws Aws { get; }

    /// <summary>The temporary snapshot directory.</summary>
    public string Directory { get; }

    /// <summary>Query API GetProducts page size (the client asks for 100).</summary>
    public int PageSize { get; set; } = 150;

    public PriceRefresher Refresher => Services.GetRequiredService<PriceRefresher>();

    public ServiceProvider Services => _services ??= Build(new Dictionary<string, string?>());

    public static string Ec2CsvPath(string region) => $"/offers/v1.0/aws/AmazonEC2/{PriceListFiles.Version}/{region}/index.csv";

    public static string SpCsvPath(string region) => $"/savingsPlan/v1.0/aws/AWSComputeSavingsPlan/{PriceListFiles.Version}/{region}/index.csv";

    public static string EksPath(string region) => $"/offers/v1.0/aws/AmazonEKS/20260707152351/{region}/index.json";

    public static async Task<LiveScenario> StartAsync(PriceListFiles? files = null)
    {
        var aws = await FakeAws.StartAsync();
        var scenario = new LiveScenario(aws, System.IO.Directory.CreateTempSubdirectory("costcalc-live-").FullName);
        scenario.ServeBulk(files ?? DefaultFiles);
        scenario.ServeQueryApi();
        scenario.ServeEc2Api();
        return scenario;
    }

    /// <summary>The services, configured with these settings on top of the scenario's.</summary>
    public ServiceProvider Build(IReadOnlyDictionary<string, string?> settings, string? directory = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Pricing:SnapshotDirectory"] = directory ?? Directory,
            ["Pricing:Refresh:Regions:0"] = Regions[0],
            ["Pricing:Refresh:Regions:1"] = Regions[1],
            ["Pricing:Refresh:ManualCooldown"] = "00:00:00",
            ["Pricing:Bulk:BaseUrl"] = Aws.BaseUrl.ToString(),
            ["Pricing:Bulk:SpotAdvisorUrl"] = new Uri(Aws.BaseUrl, SpotAdvisorPath).ToString(),
            ["Pricing:Bulk:FileTimeout"] = "00:00:30",
            ["Pricing:Query:Endpoint"] = new Uri(Aws.BaseUrl, QueryPath).ToString(),
            ["Pricing:Query:Ec2ServiceUrl"] = new Uri(Aws.BaseUrl, Ec2ApiPath).ToString(),
            ["Pricing:Query:MaxRequestsPerSecond"] = "1000",
            ["Pricing:Http:AttemptTimeout:Timeout"] = "00:00:01",
            ["Pricing:Http:TotalRequestTimeout:Timeout"] = "00:00:08",
            ["Pricing:Http:Retry:MaxRetryAttempts"] = "2",
            ["Pricing:Http:Retry:Delay"] = "00:00:00.010",
            ["Pricing:Http:CircuitBreaker:SamplingDuration"] = "00:00:10",
        };
        foreach (var (key, value) in settings)
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddSingleton(new AwsCredentialSource(() => new BasicAWSCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")));
        services.AddPriceRefresh(configuration.GetSection(PricingOptions.Section), Path.GetTempPath());
        return services.BuildServiceProvider();
    }

    public void UseSettings(IReadOnlyDictionary<string, string?> settings)
    {
        _services?.Dispose();
        _services = Build(settings);
    }

    public async ValueTask DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        await Aws.DisposeAsync();
        System.IO.Directory.Delete(Directory, recursive: true);
    }

    public void ServeEc2Csv(string region, PriceListFiles files) =>
        Aws.File(Ec2CsvPath(region), Cache.Get((files, region, "ec2"), () =>
        {
            var text = new StringWriter();
            files.WriteEc2Csv(text, Embedded.Snapshot, region);
            return Encoding.UTF8.GetBytes(text.ToString());
        }));

    private void ServeBulk(PriceListFiles files)
    {
        Aws.File("/offers/v1.0/aws/index.json", Samples.Text("bulk-offers-service-index-2025-09-12.json"));
        Aws.File(Ec2IndexPath, RegionIndex("AmazonEC2", PriceListFiles.Version));
        Aws.File(EksIndexPath, RegionIndex("AmazonEKS", "20260707152351"));
        Aws.File(SpIndexPath, new JsonObject
        {
            ["publicationDate"] = "2025-11-25T00:00:00Z",
            ["regions"] = new JsonArray([.. Regions.Select(r => (JsonNode)new JsonObject
            {
                ["regionCode"] = r,
                ["versionUrl"] = $"/savingsPlan/v1.0/aws/AWSComputeSavingsPlan/{PriceListFiles.Version}/{r}/index.json",
            })]),
        }.ToJsonString());
        Aws.File(SpotAdvisorPath, Samples.Text("spot-advisor-data-excerpt.json"));
        var eks = Samples.Text("bulk-offer-amazoneks-us-east-1-excerpt-RECONSTRUCTED.json");
        foreach (var region in Regions)
        {
            ServeEc2Csv(region, files);
            Aws.File(SpCsvPath(region), Cache.Get((files, region, "sp"), () =>
            {
                var text = new StringWriter();
                files.WriteSavingsPlanCsv(text, Embedded.Snapshot, region);
                return Encoding.UTF8.GetBytes(text.ToString());
            }));
            Aws.File(EksPath(region), region == "us-east-1" ? eks : eks.Replace("us-east-1", region, StringComparison.Ordinal).Replace("USE1-", "EU-", StringComparison.Ordinal));
        }
    }

    private static string RegionIndex(string offer, string version) => new JsonObject
    {
        ["formatVersion"] = "v1.0",
        ["publicationDate"] = "2025-11-25T00:00:00Z",
        ["regions"] = new JsonObject(Regions.Append("ap-east-2").Select(r => KeyValuePair.Create(r, (JsonNode?)new JsonObject
        {
            ["regionCode"] = r,
            ["currentVersionUrl"] = $"/offers/v1.0/aws/{offer}/{version}/{r}/index.json",
        }))),
    }.ToJsonString();

    private void ServeQueryApi() => Aws.Post(QueryPath, async (context, body) =>
    {
        using var request = JsonDocument.Parse(body);
        var root = request.RootElement;
        var target = context.Request.Headers["X-Amz-Target"].ToString();
        if (target != PricingQueryClient.TargetPrefix + "GetProducts")
        {
            context.Response.StatusCode = 400;
            await context.Response.WriteAsync("""{"__type":"com.amazonaws.pricing#InvalidParameterException","message":"unknown operation"}""");
            return;
        }

        var filters = root.GetProperty("Filters").EnumerateArray()
            .ToDictionary(f => f.GetProperty("Field").GetString()!, f => f.GetProperty("Value").GetString()!, StringComparer.Ordinal);
        var items = QueryItems.For(root.GetProperty("ServiceCode").GetString()!, filters);
        var start = root.TryGetProperty("NextToken", out var token) ? int.Parse(token.GetString()!, CultureInfo.InvariantCulture) : 0;
        var size = Math.Min(PageSize, root.GetProperty("MaxResults").GetInt32());
        var page = new JsonObject
        {
            ["FormatVersion"] = "aws_v1",
            ["PriceList"] = new JsonArray([.. items.Skip(start).Take(size).Select(i => (JsonNode)JsonValue.Create(i))]),
        };
        if (start + size < items.Count)
        {
            page["NextToken"] = (start + size).ToString(CultureInfo.InvariantCulture);
        }

        context.Response.ContentType = "application/x-amz-json-1.1";
        await context.Response.WriteAsync(page.ToJsonString());
    });

    private void ServeEc2Api() => Aws.Post(Ec2ApiPath, async (context, body) =>
    {
        var form = QueryHelpers.ParseQuery(body);
        var region = context.Request.Headers.Authorization.ToString().Split('/')[2];
        var start = form.TryGetValue("NextToken", out var token) ? int.Parse(token!, CultureInfo.InvariantCulture) : 0;
        context.Response.ContentType = "text/xml";
        await context.Response.WriteAsync(SpotHistory.Page(region, form["Action"]!, start));
    });

    /// <summary>Generated files by (files, region, kind), shared by the tests of one run.</summary>
    private sealed class ConcurrentCache
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<(PriceListFiles, string, string), Lazy<byte[]>> _files = new();

        public byte[] Get((PriceListFiles, string, string) key, Func<byte[]> make) =>
            _files.GetOrAdd(key, _ => new Lazy<byte[]>(make)).Value;
    }
}
