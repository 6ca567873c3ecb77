using CostCalc.Reports.Store;
using Microsoft.Data.Sqlite;

namespace CostCalc.Reports.Tests.Store;

public sealed class SqliteReportStoreTests : ReportStoreContract
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "costcalc-sqlite-" + Guid.NewGuid().ToString("N"));

    private string DatabasePath => Path.Combine(_folder, "nested", "reports.db");

    protected override Task<ReportStore> CreateStoreAsync() => Task.FromResult<ReportStore>(new SqliteReportStore(DatabasePath));

    protected override async Task ExecuteRawAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void Migrate_NewPath_CreatesTheFolderAndAWalDatabase()
    {
        Assert.True(File.Exists(DatabasePath));
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";

        Assert.Equal("wal", command.ExecuteScalar());
    }

    [Fact]
    public void OpenConnection_Always_UsesSynchronousFull()
    {
        using var connection = ((SqliteReportStore)Store).OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous";

        Assert.Equal(2L, command.ExecuteScalar()); // FULL
    }

    [Fact]
    public async Task FindAsync_MalformedId_ReturnsNullWithoutOpeningTheDatabase()
    {
        // A store whose file cannot be opened: any query would throw.
        await using var broken = new SqliteReportStore(Path.Combine(_folder, "missing-folder", "x", "reports.db"));

        Assert.Null(await broken.FindAsync("not-a-report-id"));
        Assert.Null(await broken.FindAsync(new string('A', 21) + "B"));
        await Assert.ThrowsAnyAsync<SqliteException>(() => broken.FindAsync(ReportId.New()));
    }
}
