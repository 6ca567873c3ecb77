using System.Data.Common;
using System.Globalization;
using CostCalc.Reports.Store;

namespace CostCalc.Reports.Tests.Store;

/// <summary>What every report store must do; run against SQLite and against a real PostgreSQL server.</summary>
public abstract class ReportStoreContract : IAsyncLifetime
{
    private ReportStore? _store;

    protected ReportStore Store => _store ?? throw new InvalidOperationException("not initialised");

    /// <summary>A store over a fresh, empty database (not yet migrated); every call gives one more instance on the same database.</summary>
    protected abstract Task<ReportStore> CreateStoreAsync();

    protected abstract Task ExecuteRawAsync(string sql);

    public virtual async Task InitializeAsync()
    {
        _store = await CreateStoreAsync();
        _store.Migrate();
    }

    public virtual async Task DisposeAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }
    }

    internal static ReportRecord NewRecord(string? snapshotId = null, string? estimateJson = null) => new(
        ReportId.New(),
        new DateTimeOffset(2026, 11, 25, 10, 15, 30, 123, TimeSpan.Zero),
        1,
        "1.0.0+abc",
        snapshotId ?? "embedded-2026-07-20",
        """{"peakConnections":100000,"region":"eu-west-1"}""",
        estimateJson ?? """{"ec2":{"monthlyUsd":1234.5600},"note":"€ Größe — \"quoted\"\n  indented"}""");

    [Fact]
    public async Task ProbeAsync_WritableDatabase_SucceedsAndKeepsNothing()
    {
        var keysBefore = Store.LoadKeyXml().Count;

        await Store.ProbeAsync();
        await Store.ProbeAsync();

        Assert.Equal(keysBefore, Store.LoadKeyXml().Count); // the probe row was rolled back
    }

    [Fact]
    public async Task TryInsertAsync_NewReport_FindReturnsTheSameRecord()
    {
        var record = NewRecord();

        Assert.True(await Store.TryInsertAsync(record));
        var found = await Store.FindAsync(record.Id);

        Assert.Equal(record, found);
    }

    [Fact]
    public async Task TryInsertAsync_IdTaken_ReturnsFalseAndKeepsTheFirst()
    {
        var first = NewRecord();
        await Store.TryInsertAsync(first);

        var second = first with { EstimateJson = "{}" };

        Assert.False(await Store.TryInsertAsync(second));
        Assert.Equal(first, await Store.FindAsync(first.Id));
    }

    [Fact]
    public async Task TryInsertAsync_MalformedId_Throws()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Store.TryInsertAsync(NewRecord() with { Id = "42" }));
    }

    [Fact]
    public async Task FindAsync_UnknownId_ReturnsNull()
    {
        Assert.Null(await Store.FindAsync(ReportId.New()));
    }

    [Fact]
    public async Task Update_StoredReport_IsRefusedByTheDatabase()
    {
        var record = NewRecord();
        await Store.TryInsertAsync(record);

        await Assert.ThrowsAnyAsync<DbException>(() => ExecuteRawAsync($"UPDATE reports SET estimate = '{{}}' WHERE id = '{record.Id}'"));
        Assert.Equal(record, await Store.FindAsync(record.Id));
    }

    [Fact]
    public async Task TryInsertAsync_ConcurrentSaves_AllReadBackIntact()
    {
        var records = Enumerable.Range(0, 64)
            .Select(i => NewRecord(estimateJson: string.Create(CultureInfo.InvariantCulture, $$"""{"n":{{i}},"pad":"{{new string('x', 4000 + i)}}"}""")))
            .ToList();

        var inserted = await Task.WhenAll(records.Select(r => Task.Run(() => Store.TryInsertAsync(r))));

        Assert.All(inserted, Assert.True);
        foreach (var record in records)
        {
            Assert.Equal(record, await Store.FindAsync(record.Id));
        }
    }

    [Fact]
    public async Task SnapshotIdsInUseAsync_ReportsPinningSnapshots_ListsEachOnce()
    {
        await Store.TryInsertAsync(NewRecord("bulk-2026-11-01T000000Z"));
        await Store.TryInsertAsync(NewRecord("bulk-2026-11-01T000000Z"));
        await Store.TryInsertAsync(NewRecord("embedded-2026-07-20"));

        Assert.Equal(["bulk-2026-11-01T000000Z", "embedded-2026-07-20"], await Store.SnapshotIdsInUseAsync());
    }

    [Fact]
    public void Migrate_Again_IsANoOp()
    {
        Assert.Equal(1, Store.Migrate());
        Assert.Equal(1, Store.Migrate());
        Assert.Equal(1, Store.SchemaVersion());
    }

    [Fact]
    public async Task Migrate_SeveralInstancesAtOnce_AppliesEachStepOnce()
    {
        var stores = new List<ReportStore>();
        for (var i = 0; i < 4; i++)
        {
            stores.Add(await CreateStoreAsync());
        }

        try
        {
            var versions = await Task.WhenAll(stores.Select(s => Task.Run(s.Migrate)));

            Assert.All(versions, v => Assert.Equal(1, v));
            var record = NewRecord();
            Assert.True(await stores[0].TryInsertAsync(record));
            Assert.Equal(record, await stores[3].FindAsync(record.Id));
        }
        finally
        {
            foreach (var store in stores)
            {
                await store.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Migrate_SchemaFromANewerApp_Throws()
    {
        await ExecuteRawAsync("INSERT INTO schema_migrations (version, name, applied_utc) VALUES (99, 'future', 'x')");

        var error = Assert.Throws<InvalidOperationException>(() => Store.Migrate());

        Assert.Contains("99", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StoreKeyXml_TwoKeys_LoadReturnsBoth()
    {
        var created = new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.Zero);
        Store.StoreKeyXml("key-1", "<key id=\"1\" />", created);
        Store.StoreKeyXml("key-2", "<key id=\"2\" />", created.AddMinutes(1));

        Assert.Equal(["<key id=\"1\" />", "<key id=\"2\" />"], Store.LoadKeyXml());
    }

    [Fact]
    public async Task StoreKeyXml_SecondInstance_SeesTheKey()
    {
        Store.StoreKeyXml("key-shared", "<key id=\"s\" />", DateTimeOffset.UnixEpoch);
        await using var other = await CreateStoreAsync();

        Assert.Contains("<key id=\"s\" />", other.LoadKeyXml());
    }
}
