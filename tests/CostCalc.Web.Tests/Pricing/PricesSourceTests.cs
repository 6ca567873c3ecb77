using CostCalc.Pricing.Refresh;
using CostCalc.Pricing.Store;
using CostCalc.Web.Api;

namespace CostCalc.Web.Tests.Pricing;

/// <summary>The "Prices: …" text of a report's PDF comes from its snapshot's manifest kind, never from the id's prefix.</summary>
public sealed class PricesSourceTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("costcalc-prices-source-").FullName;

    private SnapshotStore Store => new(_directory, TimeProvider.System);

    private static SnapshotInUse Embedded(PriceSourceKind kind = PriceSourceKind.Embedded) =>
        new(SnapshotStore.EmbeddedManifest with { Kind = kind }, SnapshotStore.EmbeddedSnapshotInstance);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void SnapshotInUse_IsNamedByItsManifestsKind()
    {
        var inUse = Embedded(PriceSourceKind.Bulk);

        Assert.Equal("bulk price list", PdfEndpoints.PricesSource(inUse.Manifest.Id, inUse, Store));
        Assert.Equal("embedded snapshot", PdfEndpoints.PricesSource(inUse.Manifest.Id, Embedded(), Store));
    }

    [Fact]
    public void PersistedSnapshot_IsNamedByItsManifestsKind_WhateverItsIdStartsWith()
    {
        WriteManifest("bulk-2026-11-25T101500Z", """{"id": "bulk-2026-11-25T101500Z", "kind": "query", "source": "query API", "createdAt": "2026-11-25T10:15:00+00:00", "refreshedRegions": [], "notes": []}""");

        Assert.Equal("query API", PdfEndpoints.PricesSource("bulk-2026-11-25T101500Z", Embedded(), Store));
    }

    [Fact]
    public void PersistedSnapshotWithAnOldManifest_IsNamedByTheSourceItRecorded()
    {
        WriteManifest("query-2026-11-25T101500Z", """{"id": "query-2026-11-25T101500Z", "source": "bulk price list", "createdAt": "2026-11-25T10:15:00+00:00", "basedOn": null, "refreshedRegions": ["us-east-1"], "notes": []}""");

        Assert.Equal("bulk price list", PdfEndpoints.PricesSource("query-2026-11-25T101500Z", Embedded(), Store));
    }

    [Theory]
    [InlineData("bulk-2020-01-01T000000Z")]
    [InlineData("embedded-2020-01-01")]
    [InlineData("not a snapshot id")]
    public void SnapshotThisAppDoesNotHave_IsAPriceSnapshot(string id)
    {
        Assert.Equal(PriceSourceKinds.UnknownDisplayName, PdfEndpoints.PricesSource(id, Embedded(), Store));
    }

    private void WriteManifest(string id, string json)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_directory, id)).FullName;
        File.WriteAllText(Path.Combine(folder, SnapshotStore.ManifestFile), json);
    }
}
