using CostCalc.Pricing.Live;
using CostCalc.Pricing.Refresh;
using CostCalc.Pricing.Snapshot;
using CostCalc.Pricing.Store;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CostCalc.Pricing.Tests;

/// <summary>snapshot.json with and without its "kind", and the snapshot in use that a store starts from.</summary>
public sealed class SnapshotStoreTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("costcalc-store-").FullName;

    private SnapshotStore Store => new(_directory, TimeProvider.System);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    // As versions before PriceSourceKind wrote it (SnapshotManifest serialised with the web defaults): no "kind".
    private static string ManifestBeforeKind(string id, string source) => $$"""
        {
          "id": "{{id}}",
          "source": "{{source}}",
          "createdAt": "2026-11-25T10:15:00+00:00",
          "basedOn": "embedded-2026-07-20",
          "refreshedRegions": [
            "us-east-1",
            "eu-west-1"
          ],
          "notes": [
            "us-east-1: 700 instance types"
          ]
        }
        """;

    [Theory]
    [InlineData("bulk price list", PriceSourceKind.Bulk)]
    [InlineData("query API", PriceSourceKind.Query)]
    public void ManifestWithoutKind_WrittenByEarlierVersions_LoadsWithTheKindItsSourceNames(string source, PriceSourceKind kind)
    {
        const string id = "bulk-2026-11-25T101500Z";
        WriteSnapshot(id, ManifestBeforeKind(id, source));

        var manifest = Assert.Single(Store.List());

        Assert.Equal(kind, manifest.Kind);
        Assert.Equal(source, manifest.Source);
        Assert.Equal(["us-east-1", "eu-west-1"], manifest.RefreshedRegions);
        Assert.Equal("embedded-2026-07-20", manifest.BasedOn);
        Assert.Equal(kind, Store.FindManifest(id)!.Kind);
        Assert.Equal(source, Store.Load(id).Prices.Source);
    }

    [Fact]
    public void ManifestWithoutKind_IsWhatTheAppStartsFrom_WithItsKind()
    {
        const string id = "query-2026-11-25T101500Z";
        WriteSnapshot(id, ManifestBeforeKind(id, "query API"));

        var refresher = new PriceRefresher(new NoSource(), Store, Options.Create(new PricingOptions()), TimeProvider.System,
            NullLogger<PriceRefresher>.Instance);

        Assert.Equal(id, refresher.Current.Prices.SnapshotId);
        Assert.Equal(PriceSourceKind.Query, refresher.Current.Manifest.Kind);
        Assert.Equal("query API", refresher.Status.Source);
        Assert.Same(refresher.Current, refresher.CurrentSnapshot.Value);
    }

    [Fact]
    public void ManifestNamingNoKnownSource_IsSkippedAsUnreadable()
    {
        const string id = "bulk-2026-11-25T101500Z";
        WriteSnapshot(id, ManifestBeforeKind(id, "carrier pigeon"));

        Assert.Empty(Store.List());
        Assert.Null(Store.FindManifest(id));
    }

    // The kind is what counts: the id's prefix is only a name.
    [Fact]
    public void Save_WritesKindAndSource_AndTheKindIsReadBackWhateverTheIdSays()
    {
        var manifest = new SnapshotManifest("bulk-looking-id", PriceSourceKind.Query, DateTimeOffset.UnixEpoch, "embedded-2026-07-20", ["us-east-1"], []);
        Store.Save(manifest, EmbeddedFiles());

        var json = File.ReadAllText(Path.Combine(_directory, manifest.Id, SnapshotStore.ManifestFile));

        Assert.Contains("\"kind\": \"query\"", json, StringComparison.Ordinal);
        Assert.Contains("\"source\": \"query API\"", json, StringComparison.Ordinal);
        Assert.Equal(manifest.Kind, Store.FindManifest(manifest.Id)!.Kind);
        Assert.Equal(manifest.RefreshedRegions, Store.List().Single().RefreshedRegions);
    }

    [Fact]
    public void FindManifest_EmbeddedSnapshotsId_IsTheEmbeddedKind()
    {
        var manifest = Store.FindManifest(Embedded.Snapshot.Prices.SnapshotId);

        Assert.Equal(PriceSourceKind.Embedded, manifest!.Kind);
        Assert.Equal("embedded snapshot", Embedded.Snapshot.Prices.Source);
        Assert.Null(Store.FindManifest("embedded-2020-01-01"));
        Assert.Null(Store.FindManifest("../etc"));
    }

    [Fact]
    public void Kinds_EachHaveTheirOwnDisplayNameAndIdPrefix_AndTheNameFindsTheKind()
    {
        var kinds = Enum.GetValues<PriceSourceKind>();

        Assert.Equal(kinds.Length, kinds.Select(k => k.DisplayName()).Distinct().Count());
        Assert.Equal(kinds.Length, kinds.Select(k => k.IdPrefix()).Distinct().Count());
        Assert.All(kinds, k => Assert.Equal(k, PriceSourceKinds.FromDisplayName(k.DisplayName())));
        Assert.DoesNotContain(PriceSourceKinds.UnknownDisplayName, kinds.Select(k => k.DisplayName()));
    }

    private void WriteSnapshot(string id, string manifestJson)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_directory, id)).FullName;
        foreach (var file in EmbeddedFiles())
        {
            File.WriteAllText(Path.Combine(folder, file.Name), file.Content);
        }

        File.WriteAllText(Path.Combine(folder, SnapshotStore.ManifestFile), manifestJson);
    }

    private static List<SnapshotFile> EmbeddedFiles() =>
        [.. SnapshotFormat.FileNames.Select(name => new SnapshotFile(name, new StreamReader(EmbeddedSnapshot.OpenResource(name)).ReadToEnd(), 0))];

    private sealed class NoSource : IPriceSource
    {
        public Task<FetchedPrices> FetchAsync(IReadOnlyList<string> regions, IProgress<RefreshProgress>? progress, CancellationToken cancellationToken) =>
            throw new PriceSourceException("no source in this test");
    }
}
