using CostCalc.Domain.Prices;
using CostCalc.Pricing.Refresh;
using CostCalc.Pricing.Store;
using CostCalc.Pricing.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace CostCalc.Pricing.Tests.Live;

/// <summary>Refreshes against a fake AWS on 127.0.0.1 serving real-format files; nothing reaches the internet.</summary>
public sealed class LiveRefreshTests
{
    [Fact]
    public async Task BulkRefresh_ValidFiles_SwapsInTheNewSnapshotWithSavingsPlansAndEksRates()
    {
        await using var scenario = await LiveScenario.StartAsync();
        var refresher = scenario.Refresher;

        var attempt = await refresher.RefreshAsync("test", CancellationToken.None);

        Assert.True(attempt.Succeeded, attempt.Error);
        Assert.Matches(@"^bulk-\d{4}-\d{2}-\d{2}T\d{6}Z$", attempt.SnapshotId);
        var current = refresher.Current.Prices;
        Assert.Equal(attempt.SnapshotId, current.SnapshotId);
        Assert.Equal("bulk price list", current.Source);
        Assert.Equal(PriceSourceKind.Bulk, refresher.Current.Manifest.Kind);
        Assert.Same(refresher.Current, scenario.Services.GetRequiredService<CurrentSnapshot>().Value);
        var m5 = current.Find("eu-west-1")!.Find("m5.large")!;
        var before = Embedded.Snapshot.Prices.Find("eu-west-1")!.Find("m5.large")!;
        Assert.Equal(before.OnDemandUsdPerHour, m5.OnDemandUsdPerHour);
        Assert.Equal(PriceListFiles.SavingsPlanRate(before.OnDemandUsdPerHour, "1"), m5.UsdPerHour(PurchaseOption.SavingsPlan1Year));
        Assert.Equal(PriceListFiles.SavingsPlanRate(before.OnDemandUsdPerHour, "3"), m5.UsdPerHour(PurchaseOption.SavingsPlan3Year));
        var usEast1 = current.Find("us-east-1")!;
        Assert.Equal(0.01152m / 0.096m, usEast1.Services.AutoModeFeeShareOfOnDemand);
        // The offer's per-type fee is kept as it is (the sample's m5.large row), with the EKS offer as its origin.
        var fee = usEast1.FindAutoModeFee("m5.large")!;
        Assert.Equal(0.01152m, fee.UsdPerHour);
        Assert.StartsWith("EKS control plane", fee.Origin.What, StringComparison.Ordinal);
        Assert.Empty(current.Find("ap-south-1")!.AutoModeFeeTypes);
        Assert.Equal(0.60m, usEast1.Services.EksExtendedSupportUsdPerHour);
        Assert.Contains(usEast1.Origins, o => o.Source.Contains("AmazonEC2 offer 20251125000000", StringComparison.Ordinal));
        Assert.Equal(new DateOnly(2025, 11, 25), usEast1.Origins.First(o => o.What == "EC2 on-demand").AsOf);
        Assert.Equal(Embedded.Snapshot.Prices.Find("ap-south-1")!.Origins, current.Find("ap-south-1")!.Origins);
        Assert.True(refresher.Status.LastAttempt!.Succeeded);
        Assert.Equal(attempt.SnapshotId, refresher.Status.SnapshotId);
    }

    [Fact]
    public async Task BulkRefresh_Persisted_IsLoadedAfterARestartAndFoundById()
    {
        await using var scenario = await LiveScenario.StartAsync();
        var attempt = await scenario.Refresher.RefreshAsync("test", CancellationToken.None);
        Assert.True(attempt.Succeeded, attempt.Error);

        await using var restarted = scenario.Build(new Dictionary<string, string?>());
        var afterRestart = restarted.GetRequiredService<PriceRefresher>();

        Assert.Equal(attempt.SnapshotId, afterRestart.Current.Prices.SnapshotId);
        Assert.Equal("persisted snapshot " + attempt.SnapshotId, afterRestart.Status.LoadedFrom);
        Assert.Equal(scenario.Refresher.Current.Prices.Find("us-east-1")!.Find("c6i.large"), afterRestart.Current.Prices.Find("us-east-1")!.Find("c6i.large"));
        Assert.Equal(0.01152m, afterRestart.Current.Prices.Find("us-east-1")!.FindAutoModeFee("m5.large")!.UsdPerHour);
        Assert.Equal(PriceSourceKind.Bulk, afterRestart.Current.Manifest.Kind);
        Assert.Equal("bulk price list", afterRestart.Current.Prices.Source);
        var store = restarted.GetRequiredService<SnapshotStore>();
        var manifest = store.FindManifest(attempt.SnapshotId!)!;
        Assert.Equal((PriceSourceKind.Bulk, Embedded.Snapshot.Prices.SnapshotId), (manifest.Kind, manifest.BasedOn));
        Assert.Same(SnapshotStore.EmbeddedManifest, store.FindManifest(Embedded.Snapshot.Prices.SnapshotId));
        Assert.Equal(PriceSourceKind.Embedded, SnapshotStore.EmbeddedManifest.Kind);
        Assert.Empty(Directory.EnumerateDirectories(scenario.Directory, ".tmp-*"));
    }

    [Fact]
    public async Task BulkRefresh_Twice_BuildsOnThePreviousRefreshWithUniqueIds()
    {
        await using var scenario = await LiveScenario.StartAsync();
        var first = await scenario.Refresher.RefreshAsync("one", CancellationToken.None);
        var second = await scenario.Refresher.RefreshAsync("two", CancellationToken.None);

        Assert.True(second.Succeeded, second.Error);
        Assert.NotEqual(first.SnapshotId, second.SnapshotId);
        var manifests = scenario.Services.GetRequiredService<SnapshotStore>().List();
        Assert.Equal([second.SnapshotId, first.SnapshotId], manifests.Select(m => m.Id));
        Assert.Equal(first.SnapshotId, manifests[0].BasedOn);
    }

    [Fact]
    public async Task QueryRefresh_PaginatesSignsWithSigV4AndUsesSpotPriceHistory()
    {
        await using var scenario = await LiveScenario.StartAsync();
        scenario.PageSize = 40;
        scenario.UseSettings(new Dictionary<string, string?> { ["Pricing:Refresh:Source"] = "query" });

        var attempt = await scenario.Refresher.RefreshAsync("test", CancellationToken.None);

        Assert.True(attempt.Succeeded, attempt.Error);
        Assert.StartsWith("query-", attempt.SnapshotId, StringComparison.Ordinal);
        Assert.Equal((PriceSourceKind.Query, "query API"), (scenario.Refresher.Current.Manifest.Kind, scenario.Refresher.Status.Source));
        Assert.Equal(PriceSourceKind.Query, scenario.Services.GetRequiredService<SnapshotStore>().FindManifest(attempt.SnapshotId!)!.Kind);
        var queries = scenario.Aws.Requests.Where(r => r.Path == LiveScenario.QueryPath).ToList();
        var usEast1Types = Embedded.Snapshot.Prices.Find("us-east-1")!.InstanceTypeNames;
        var expectedPages = Pages(usEast1Types.Count(t => !t.Contains("metal", StringComparison.Ordinal)))
            + Pages(usEast1Types.Count(t => t.Contains("metal", StringComparison.Ordinal)));
        Assert.Equal(expectedPages, queries.Count(q => q.Body.Contains("\"us-east-1\"", StringComparison.Ordinal) && q.Body.Contains("AmazonEC2", StringComparison.Ordinal)));
        Assert.All(queries, q =>
        {
            Assert.Equal("AWSPriceListService.GetProducts", q.Headers["x-amz-target"]);
            Assert.Equal("application/x-amz-json-1.1", q.Headers["content-type"]);
            Assert.Matches(@"^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/\d{8}/us-east-1/pricing/aws4_request, SignedHeaders=([a-z0-9-]+;)*content-type;host;([a-z0-9-]+;)*x-amz-date;x-amz-target, Signature=[0-9a-f]{64}$", q.Headers["authorization"]);
        });
        Assert.Contains(queries, q => q.Body.Contains("\"NextToken\"", StringComparison.Ordinal));
        var spotCalls = scenario.Aws.Requests.Where(r => r.Path == LiveScenario.Ec2ApiPath).ToList();
        Assert.Equal(2 * 3, spotCalls.Count);
        Assert.All(spotCalls, c => Assert.Contains("/ec2/aws4_request", c.Headers["authorization"], StringComparison.Ordinal));
        var m5 = scenario.Refresher.Current.Prices.Find("us-east-1")!.Find("m5.large")!;
        Assert.Equal(0.096m, m5.OnDemandUsdPerHour);
        Assert.Equal(0.06m, m5.ReservedStandard1YearUsdPerHour);
        Assert.Equal((int)Math.Round(100 * (1 - (SpotHistory.ExpectedM5Large() / 0.096m)), MidpointRounding.AwayFromZero), m5.SpotSavingsPercent);
        Assert.Equal(PriceListFiles.SavingsPlanRate(0.096m, "1"), m5.SavingsPlan1YearUsdPerHour);

        int Pages(int items) => Math.Max(1, (items + scenario.PageSize - 1) / scenario.PageSize);
    }

    [Fact]
    public async Task QueryRefresh_ThrottledTwice_RetriesAndSucceeds()
    {
        await using var scenario = await LiveScenario.StartAsync();
        scenario.UseSettings(new Dictionary<string, string?> { ["Pricing:Refresh:Source"] = "query" });
        var throttled = new Fault.Status(400, """{"__type":"com.amazonaws.pricing#ThrottlingException","message":"Rate exceeded"}""");
        scenario.Aws.Fail(LiveScenario.QueryPath, throttled, throttled);

        var attempt = await scenario.Refresher.RefreshAsync("test", CancellationToken.None);

        Assert.True(attempt.Succeeded, attempt.Error);
    }

    [Fact]
    public async Task QueryRefresh_ThrottledEveryTime_FailsAndKeepsTheLastGoodPrices()
    {
        await using var scenario = await LiveScenario.StartAsync();
        scenario.UseSettings(new Dictionary<string, string?> { ["Pricing:Refresh:Source"] = "query" });
        var throttled = new Fault.Status(400, """{"__type":"com.amazonaws.pricing#ThrottlingException","message":"Rate exceeded"}""");
        scenario.Aws.Fail(LiveScenario.QueryPath, throttled, throttled, throttled);

        var attempt = await scenario.Refresher.RefreshAsync("test", CancellationToken.None);

        AssertFailedAndKept(scenario, attempt, "ThrottlingException");
        Assert.Equal(3, scenario.Aws.Count(LiveScenario.QueryPath));
    }

    [Fact]
    public async Task BulkRefresh_ServerErrorOnce_IsRetried()
    {
        await using var scenario = await LiveScenario.StartAsync();
        scenario.Aws.Fail(LiveScenario.Ec2CsvPath("us-east-1"), new Fault.Status(500));

        var attempt = await scenario.Refresher.RefreshAsync("test", CancellationToken.None);

        Assert.True(attempt.Succeeded, attempt.Error);
        Assert.Equal(2, scenario.Aws.Count(LiveScenario.Ec2CsvPath("us-east-1")));
    }

    [Fact]
    public async Task BulkRefresh_ServerErrorsPersist_FailsNamingTheFile()
    {
        await using var scenario = await LiveScenario.StartAsync();
        scenario.Aws.Fail(LiveScenario.Ec2CsvPath("eu-west-1"), new Fault.Status(500), new Fault.Status(503), new Fault.Status(500));

        var attempt = await scenario.Refresher.RefreshAsync("test", CancellationToken.None);

        AssertFailedAndKept(scenario, attempt, "HTTP 500");
        Assert.Contains(LiveScenario.Ec2CsvPath("eu-west-1"), attempt.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BulkRefresh_Timeouts_FailAfterRetries()
    {
        await using var scenario = await LiveScenario.StartAsync();
        var slow = new Fault.Delay(TimeSpan.FromSeconds(5));
        scenario.Aws.Fail(LiveScenario.Ec2IndexPath, slow, slow, slow);

        var attempt = await scenario.Refresher.RefreshAsync("test", CancellationToken.None);

        AssertFailedAndKept(scenario, attempt, "timed out");
    }

    [Fact]
    public async Task BulkRefresh_TruncatedDownloadEveryTime_Fails()
    {
        await using var scenario = await LiveScenario.StartAsync();
        var path = LiveScenario.Ec2CsvPath("us-east-1");
        scenario.Aws.Fail(path, new Fault.Truncate(), new Fault.Truncate(), new Fault.Truncate());

        var attempt = await scenario.Refresher.RefreshAsync("test", CancellationToken.None);

        AssertFailedAndKept(scenario, attempt, path);
    }

    [Fact]
    public async Task BulkRefresh_MalformedRegionIndex_Fails()
    {
        await using var scenario = await LiveScenario.StartAsync();
        scenario.Aws.File(LiveScenario.Ec2IndexPath, """{"regions": {"us-east-1": {"regionCode": "us-east-1"}""");

        var attempt = await scenario.Refresher.RefreshAsync("test", CancellationToken.None);

        AssertFailedAndKept(scenario, attempt, LiveScenario.Ec2IndexPath);
    }

    [Fact]
    public async Task BulkRefresh_FileTruncatedAtTheSource_FailsAsMalformed()
    {
        await using var scenario = await LiveScenario.StartAsync();
        var path = LiveScenario.Ec2CsvPath("eu-west-1");
        var text = new StringWriter();
        new PriceListFiles(Samples.Directory).WriteEc2Csv(text, Embedded.Snapshot, "eu-west-1");
        var whole = text.ToString();
        scenario.Aws.File(path, whole[..(whole.Length / 3)]);

        var attempt = await scenario.Refresher.RefreshAsync("test", CancellationToken.None);

        AssertFailedAndKept(scenario, attempt, "truncated");
    }

    [Fact]
    public async Task BulkRefresh_FileMissingReferenceInstanceTypes_FailsValidation()
    {
        await using var scenario = await LiveScenario.StartAsync();
        scenario.ServeEc2Csv("eu-west-1", new PriceListFiles(Samples.Directory) { Omit = new HashSet<string> { "m5.large", "c6i.large" } });

        var attempt = await scenario.Refresher.RefreshAsync("test", CancellationToken.None);

        AssertFailedAndKept(scenario, attempt, "eu-west-1: reference instance types missing: m5.large c6i.large");
    }

    [Fact]
    public async Task BulkRefresh_PricesTripled_FailsTheRatioCheck()
    {
        await using var scenario = await LiveScenario.StartAsync();
        scenario.ServeEc2Csv("us-east-1", new PriceListFiles(Samples.Directory) { PriceFactor = 3 });

        var attempt = await scenario.Refresher.RefreshAsync("test", CancellationToken.None);

        AssertFailedAndKept(scenario, attempt, "us-east-1: on-demand prices moved by a median factor of 3");
    }

    [Fact]
    public async Task BulkRefresh_HalfTheInstanceTypesGone_FailsValidation()
    {
        await using var scenario = await LiveScenario.StartAsync();
        var types = Embedded.Snapshot.Prices.Find("us-east-1")!.InstanceTypeNames;
        var omit = types.Where((_, i) => i % 2 == 0 && !ValidationOptions.DefaultReferenceInstanceTypes.Contains(types[i])).ToHashSet();
        scenario.ServeEc2Csv("us-east-1", new PriceListFiles(Samples.Directory) { Omit = omit });

        var attempt = await scenario.Refresher.RefreshAsync("test", CancellationToken.None);

        AssertFailedAndKept(scenario, attempt, "(an implausible drop)");
    }

    [Fact]
    public async Task RequestRefresh_WhileRunningOrTooSoon_IsRefused()
    {
        await using var scenario = await LiveScenario.StartAsync();
        scenario.UseSettings(new Dictionary<string, string?> { ["Pricing:Refresh:ManualCooldown"] = "01:00:00" });
        var refresher = scenario.Refresher;

        Assert.Equal(ManualRefresh.Started, refresher.RequestRefresh("page"));
        var second = refresher.RequestRefresh("page");
        var attempt = await refresher.RefreshAsync("join", CancellationToken.None);

        Assert.Contains(second, new[] { ManualRefresh.AlreadyRunning, ManualRefresh.TooSoon });
        Assert.Equal("page", attempt.Trigger);
        Assert.Equal(ManualRefresh.TooSoon, refresher.RequestRefresh("page"));
    }

    private static void AssertFailedAndKept(LiveScenario scenario, RefreshAttempt attempt, string reason)
    {
        Assert.False(attempt.Succeeded);
        Assert.Contains(reason, attempt.Error, StringComparison.Ordinal);
        var status = scenario.Refresher.Status;
        Assert.Equal(Embedded.Snapshot.Prices.SnapshotId, scenario.Refresher.Current.Prices.SnapshotId);
        Assert.Equal(Embedded.Snapshot.Prices.SnapshotId, status.SnapshotId);
        Assert.Equal(attempt.Error, status.LastError);
        Assert.Equal(attempt.FinishedAt, status.LastFailureAt);
        Assert.False(status.Refreshing);
        Assert.Empty(Directory.EnumerateFileSystemEntries(scenario.Directory));
    }
}
