using System.Data.Common;
using Npgsql;

namespace CostCalc.Reports.Store;

/// <summary>
/// The store for several app instances: one PostgreSQL database shared by all of them (reports and
/// Data Protection keys). Commits are durable with PostgreSQL's default synchronous_commit=on.
/// </summary>
public sealed class PostgresReportStore : ReportStore
{
    /// <summary>Arbitrary constant naming the advisory lock that serialises migrations across instances.</summary>
    private const long MigrationLock = 0x436F737443616C63; // "CostCalc"
    private const string UniqueViolation = "23505";
    private readonly NpgsqlDataSource _dataSource;

    public PostgresReportStore(string connectionString, TimeProvider? time = null)
        : base(time ?? TimeProvider.System)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        _dataSource = NpgsqlDataSource.Create(connectionString);
    }

    public override string Provider => "Postgres";

    public override IReadOnlyList<Migration> Migrations { get; } =
    [
        new(1, "reports and data protection keys", """
            CREATE TABLE reports (
                id             text        PRIMARY KEY CHECK (length(id) = 22),
                created_utc    timestamptz NOT NULL,
                schema_version integer     NOT NULL,
                app_version    text        NOT NULL,
                snapshot_id    text        NOT NULL,
                scenario       text        NOT NULL,
                estimate       text        NOT NULL
            );
            CREATE INDEX reports_snapshot_id ON reports (snapshot_id);
            CREATE FUNCTION reports_immutable() RETURNS trigger LANGUAGE plpgsql AS
            $$ BEGIN RAISE EXCEPTION 'reports are immutable'; END $$;
            CREATE TRIGGER reports_immutable BEFORE UPDATE ON reports
            FOR EACH ROW EXECUTE FUNCTION reports_immutable();
            CREATE TABLE data_protection_keys (
                friendly_name text        PRIMARY KEY,
                xml           text        NOT NULL,
                created_utc   timestamptz NOT NULL
            );
            """),
    ];

    public override ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    protected override DbConnection CreateConnection() => _dataSource.CreateConnection();

    /// <summary>A transaction-scoped advisory lock: a second instance waits here until the first commits.</summary>
    protected override DbTransaction BeginMigration(DbConnection connection)
    {
        var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT pg_advisory_xact_lock(@lock)";
        command.Parameters.Add(new NpgsqlParameter<long>("lock", MigrationLock));
        command.ExecuteNonQuery();
        return transaction;
    }

    protected override bool IsDuplicateKey(DbException exception) =>
        exception is PostgresException { SqlState: UniqueViolation, ConstraintName: "reports_pkey" };

    protected override object ToDatabase(DateTimeOffset value) => value.ToUniversalTime();

    protected override DateTimeOffset ReadCreated(DbDataReader reader, int ordinal) =>
        reader.GetFieldValue<DateTimeOffset>(ordinal);
}
