using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace CostCalc.Reports.Store;

/// <summary>
/// The default store: one SQLite file, created with its folder on first use, in WAL mode (readers
/// never wait for the writer) with synchronous=FULL, so a save is on disk before it is
/// acknowledged and survives a killed process or a power cut. One host only: WAL does not work
/// over a network filesystem, so several instances use <see cref="PostgresReportStore"/>.
/// </summary>
public sealed class SqliteReportStore : ReportStore
{
    private const int SqliteConstraintPrimaryKey = 1555;
    private readonly string _connectionString;

    public SqliteReportStore(string path, TimeProvider? time = null)
        : base(time ?? TimeProvider.System)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 10,
        }.ToString();
    }

    public string Path { get; }

    public override string Provider => "Sqlite";

    public override IReadOnlyList<Migration> Migrations { get; } =
    [
        new(1, "reports and data protection keys", """
            CREATE TABLE reports (
                id             TEXT    NOT NULL PRIMARY KEY CHECK (length(id) = 22),
                created_utc    TEXT    NOT NULL,
                schema_version INTEGER NOT NULL,
                app_version    TEXT    NOT NULL,
                snapshot_id    TEXT    NOT NULL,
                scenario       TEXT    NOT NULL,
                estimate       TEXT    NOT NULL
            ) WITHOUT ROWID;
            CREATE INDEX reports_snapshot_id ON reports (snapshot_id);
            CREATE TRIGGER reports_immutable BEFORE UPDATE ON reports
            BEGIN SELECT RAISE(ABORT, 'reports are immutable'); END;
            CREATE TABLE data_protection_keys (
                friendly_name TEXT NOT NULL PRIMARY KEY,
                xml           TEXT NOT NULL,
                created_utc   TEXT NOT NULL
            ) WITHOUT ROWID;
            """),
    ];

    public override ValueTask DisposeAsync()
    {
        // Pooled connections keep the file open (and its WAL un-checkpointed) until cleared.
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
        return ValueTask.CompletedTask;
    }

    /// <summary>An open connection prepared as the store's own are (for tests and tools).</summary>
    internal SqliteConnection OpenConnection()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        Prepare(connection);
        return connection;
    }

    protected override DbConnection CreateConnection() => new SqliteConnection(_connectionString);

    protected override void Prepare(DbConnection connection)
    {
        // Per connection: fsync the WAL on every commit (NORMAL would survive a killed process but not a power cut).
        Execute(connection, null, "PRAGMA synchronous = FULL");
    }

    protected override void PrepareDatabase()
    {
        var folder = System.IO.Path.GetDirectoryName(Path);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
        // WAL is a property of the file: set once, kept by every later connection.
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL";
        var mode = command.ExecuteScalar() as string;
        if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"{Path}: SQLite refused WAL mode (journal_mode is '{mode}').");
        }
    }

    /// <summary>BEGIN IMMEDIATE: takes the write lock at once, so a second process waits instead of racing.</summary>
    protected override DbTransaction BeginMigration(DbConnection connection) =>
        ((SqliteConnection)connection).BeginTransaction(deferred: false);

    protected override bool IsDuplicateKey(DbException exception) =>
        exception is SqliteException { SqliteExtendedErrorCode: SqliteConstraintPrimaryKey };

    protected override object ToDatabase(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    protected override DateTimeOffset ReadCreated(DbDataReader reader, int ordinal) =>
        DateTimeOffset.Parse(reader.GetString(ordinal), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
