using System.Net;
using CostCalc.Pricing.Live;
using CostCalc.Pricing.Refresh;
using CostCalc.Pricing.Store;
using CostCalc.Web.Pricing;
using CostCalc.Web.Tests.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;

namespace CostCalc.Web.Tests.Pricing;

/// <summary>The app with a price source that answers from memory: a refresh of us-east-1 as if from the Query API.</summary>
public sealed class RefreshingFactory : CostCalcFactory
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Pricing:Refresh:Regions:0"] = "us-east-1",
        ["Pdf:Gate:PerClientLimit"] = "10000",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IPriceSource>(new InMemoryQuerySource()));
    }

    /// <summary>us-east-1 at the embedded snapshot's prices, published on <see cref="AsOf"/>.</summary>
    private sealed class InMemoryQuerySource : IPriceSource
    {
        public static readonly DateOnly AsOf = new(2026, 11, 25);

        public Task<FetchedPrices> FetchAsync(IReadOnlyList<string> regions, IProgress<RefreshProgress>? progress, CancellationToken cancellationToken)
        {
            var book = SnapshotStore.EmbeddedSnapshotInstance.Prices.Find("us-east-1")!;
            var instances = book.InstanceTypeNames.Select(n => (Name: n, Price: book.Find(n)!)).ToDictionary(
                t => t.Name,
                t => new Ec2Rates(t.Price.OnDemandUsdPerHour, t.Price.ReservedStandard1YearUsdPerHour, t.Price.ReservedStandard3YearUsdPerHour,
                    t.Price.ReservedConvertible1YearUsdPerHour, t.Price.ReservedConvertible3YearUsdPerHour),
                StringComparer.Ordinal);
            var region = new FetchedRegion("us-east-1", null, new PriceFileInfo("in-memory Query API answer", "1", AsOf), instances,
                null, null, null, null, null, null);
            return Task.FromResult(new FetchedPrices(PriceSourceKind.Query, [region]));
        }
    }
}

/// <summary>
/// One holder of the snapshot in use: after a refresh swaps it, every reader (the services, the API, the
/// calculator page, the PDFs) sees the new snapshot, with no event to bring copies in step.
/// </summary>
public sealed class SnapshotSwapTests(RefreshingFactory factory) : IClassFixture<RefreshingFactory>
{
    [Fact]
    public async Task AfterARefresh_EveryReaderSeesTheNewSnapshotAndItsKind()
    {
        using var client = factory.CreateClient();
        var services = factory.Services;
        var before = services.GetRequiredService<CurrentSnapshot>().Value;
        Assert.Equal(PriceSourceKind.Embedded, before.Manifest.Kind);
        var savedBefore = await SaveReportAsync(client);

        var attempt = await services.GetRequiredService<PriceRefresher>().RefreshAsync("test", CancellationToken.None);

        Assert.True(attempt.Succeeded, attempt.Error);
        var id = attempt.SnapshotId!;
        var now = services.GetRequiredService<CurrentSnapshot>().Value;
        Assert.NotSame(before, now);
        Assert.Equal((id, id, PriceSourceKind.Query), (now.Manifest.Id, now.Prices.SnapshotId, now.Manifest.Kind));
        Assert.Same(now, services.GetRequiredService<PriceRefresher>().Current);
        Assert.Same(now, services.GetRequiredService<CurrentPrices>().Snapshot);
        Assert.Same(now.Estimator, services.GetRequiredService<CurrentPrices>().Estimator);

        var status = (await (await client.GetAsync("/api/pricing/status")).ReadJsonAsync()).GetProperty("status");
        Assert.Equal((id, "query API"), (status.GetProperty("snapshotId").GetString(), status.GetProperty("source").GetString()));

        var estimate = await (await client.PostRawAsync("/api/estimate", "{}")).ReadJsonAsync();
        Assert.Equal(id, estimate.GetProperty("snapshotId").GetString());

        var regions = await (await client.GetAsync("/api/regions")).ReadJsonAsync();
        var usEast1 = regions.EnumerateArray().Single(r => r.GetProperty("code").GetString() == "us-east-1");
        Assert.Equal("2026-11-25", usEast1.GetProperty("pricesAsOf").GetString());

        Assert.Contains("query API", await client.GetStringAsync("/"), StringComparison.Ordinal);

        Assert.Contains(Squeeze($"query API · snapshot {id}"), await PdfTextAsync(client, "/api/estimate.pdf"), StringComparison.Ordinal);
        var savedAfter = await SaveReportAsync(client);
        Assert.Contains(Squeeze($"query API · snapshot {id}"), await PdfTextAsync(client, $"/r/{savedAfter}.pdf"), StringComparison.Ordinal);

        // A report saved before the refresh keeps the kind of the snapshot it was priced with.
        Assert.Contains(Squeeze($"embedded snapshot · snapshot {before.Manifest.Id}"), await PdfTextAsync(client, $"/r/{savedBefore}.pdf"), StringComparison.Ordinal);
    }

    private static async Task<string> SaveReportAsync(HttpClient client)
    {
        using var response = await client.PostRawAsync("/api/reports", "{}");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.ReadJsonAsync()).GetProperty("id").GetString()!;
    }

    private static async Task<string> PdfTextAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        return Squeeze(string.Concat(pdf.GetPages().Select(p => p.Text)));
    }

    private static string Squeeze(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}
