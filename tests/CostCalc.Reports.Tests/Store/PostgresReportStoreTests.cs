using CostCalc.Reports.Store;
using CostCalc.TestSupport;
using Npgsql;

namespace CostCalc.Reports.Tests.Store;

[Collection(PostgresServer.Name)]
public sealed class PostgresReportStoreTests(PostgresCluster cluster) : ReportStoreContract
{
    private string _connectionString = "";

    public override async Task InitializeAsync()
    {
        _connectionString = await cluster.CreateDatabaseAsync();
        await base.InitializeAsync();
    }

    protected override Task<ReportStore> CreateStoreAsync() => Task.FromResult<ReportStore>(new PostgresReportStore(_connectionString));

    protected override async Task ExecuteRawAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task Migrate_FreshDatabase_CreatesTheTablesWithTheirTypes()
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT table_name || '.' || column_name || ':' || data_type FROM information_schema.columns " +
            "WHERE table_schema = 'public' AND column_name IN ('created_utc', 'estimate') ORDER BY 1", connection);
        var columns = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            columns.Add(reader.GetString(0));
        }

        Assert.Equal(
            ["data_protection_keys.created_utc:timestamp with time zone", "reports.created_utc:timestamp with time zone", "reports.estimate:text"],
            columns);
    }
}
