using System.Data;
using System.Data.Common;

namespace CostCalc.Reports.Store;

/// <summary>
/// Saved reports and the app's Data Protection keys in one database, through plain ADO.NET.
/// The SQL is shared by both dialects (named <c>@</c> parameters, <c>ON CONFLICT</c>); each dialect
/// supplies its connections, its schema migrations and how it recognises a duplicate key.
/// Every call opens a pooled connection and closes it again, so one instance serves any number of
/// concurrent callers (Blazor circuits, API requests).
/// </summary>
public abstract class ReportStore(TimeProvider time) : IAsyncDisposable
{
    private const string InsertSql =
        "INSERT INTO reports (id, created_utc, schema_version, app_version, snapshot_id, scenario, estimate) " +
        "VALUES (@id, @created, @schema, @app, @snapshot, @scenario, @estimate)";

    private const string FindSql =
        "SELECT id, created_utc, schema_version, app_version, snapshot_id, scenario, estimate FROM reports WHERE id = @id";

    /// <summary>"Sqlite" or "Postgres".</summary>
    public abstract string Provider { get; }

    /// <summary>The dialect's migrations, in version order.</summary>
    public abstract IReadOnlyList<Migration> Migrations { get; }

    /// <summary>Inserts a new report. False when the id is already taken (the caller draws a new id).</summary>
    public async Task<bool> TryInsertAsync(ReportRecord report, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (!ReportId.IsValid(report.Id))
        {
            throw new ArgumentException($"'{report.Id}' is not a report id.", nameof(report));
        }

        await using var connection = await OpenAsync(cancellation).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = InsertSql;
        Add(command, "@id", report.Id);
        Add(command, "@created", ToDatabase(report.CreatedUtc));
        Add(command, "@schema", report.SchemaVersion);
        Add(command, "@app", report.AppVersion);
        Add(command, "@snapshot", report.SnapshotId);
        Add(command, "@scenario", report.ScenarioJson);
        Add(command, "@estimate", report.EstimateJson);
        try
        {
            await command.ExecuteNonQueryAsync(cancellation).ConfigureAwait(false);
            return true;
        }
        catch (DbException e) when (IsDuplicateKey(e))
        {
            return false;
        }
    }

    /// <summary>The report, or null when there is none. A malformed id returns null without a query.</summary>
    public async Task<ReportRecord?> FindAsync(string id, CancellationToken cancellation = default)
    {
        if (!ReportId.IsValid(id))
        {
            return null;
        }

        await using var connection = await OpenAsync(cancellation).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = FindSql;
        Add(command, "@id", id);
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SingleRow, cancellation).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellation).ConfigureAwait(false))
        {
            return null;
        }

        return new ReportRecord(
            reader.GetString(0),
            ReadCreated(reader, 1),
            reader.GetInt32(2),
            reader.GetString(3),
            reader.GetString(4),
            reader.GetString(5),
            reader.GetString(6));
    }

    /// <summary>Price snapshot ids that saved reports pin: a snapshot clean-up must keep these.</summary>
    public async Task<IReadOnlyList<string>> SnapshotIdsInUseAsync(CancellationToken cancellation = default)
    {
        await using var connection = await OpenAsync(cancellation).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT DISTINCT snapshot_id FROM reports ORDER BY snapshot_id";
        await using var reader = await command.ExecuteReaderAsync(cancellation).ConfigureAwait(false);
        var ids = new List<string>();
        while (await reader.ReadAsync(cancellation).ConfigureAwait(false))
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    /// <summary>
    /// Fails as a save would when the database cannot be read or written: reads the reports table, then
    /// inserts a throwaway key row and rolls it back, so nothing is kept. For start-up and readiness checks.
    /// </summary>
    public async Task ProbeAsync(CancellationToken cancellation = default)
    {
        await using var connection = await OpenAsync(cancellation).ConfigureAwait(false);
        await using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT count(*) FROM reports WHERE id = ''";
            await read.ExecuteScalarAsync(cancellation).ConfigureAwait(false);
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellation).ConfigureAwait(false);
        await using var write = connection.CreateCommand();
        write.Transaction = transaction;
        write.CommandText = "INSERT INTO data_protection_keys (friendly_name, xml, created_utc) VALUES (@name, '', @created)";
        Add(write, "@name", "costcalc-write-probe-" + Guid.NewGuid().ToString("N"));
        Add(write, "@created", ToDatabase(time.GetUtcNow()));
        await write.ExecuteNonQueryAsync(cancellation).ConfigureAwait(false);
        await transaction.RollbackAsync(cancellation).ConfigureAwait(false);
    }

    /// <summary>Every stored Data Protection key element (synchronous: IXmlRepository is).</summary>
    public IReadOnlyList<string> LoadKeyXml()
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT xml FROM data_protection_keys ORDER BY created_utc, friendly_name";
        using var reader = command.ExecuteReader();
        var elements = new List<string>();
        while (reader.Read())
        {
            elements.Add(reader.GetString(0));
        }

        return elements;
    }

    /// <summary>Stores a Data Protection key element under its friendly name (rewritten if the name exists).</summary>
    public void StoreKeyXml(string friendlyName, string xml, DateTimeOffset createdUtc)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText =
            "INSERT INTO data_protection_keys (friendly_name, xml, created_utc) VALUES (@name, @xml, @created) " +
            "ON CONFLICT (friendly_name) DO UPDATE SET xml = excluded.xml";
        Add(command, "@name", friendlyName);
        Add(command, "@xml", xml);
        Add(command, "@created", ToDatabase(createdUtc));
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// Brings the schema up to date: creates the database if needed and applies every migration not
    /// yet recorded in schema_migrations, each in its own transaction, under a lock so that several
    /// instances starting at once apply each step exactly once. Returns the schema version.
    /// </summary>
    public int Migrate()
    {
        PrepareDatabase();
        using var connection = Open();
        using var transaction = BeginMigration(connection);
        Execute(connection, transaction,
            "CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_utc text NOT NULL)");
        var applied = AppliedVersions(connection, transaction);
        var known = Migrations.Select(m => m.Version).ToHashSet();
        var unknown = applied.Where(v => !known.Contains(v)).DefaultIfEmpty().Max();
        if (unknown > 0)
        {
            throw new InvalidOperationException(
                $"The {Provider} report database has schema version {unknown}, which this app does not know; it was written by a newer version.");
        }

        foreach (var migration in Migrations.Where(m => !applied.Contains(m.Version)).OrderBy(m => m.Version))
        {
            Execute(connection, transaction, migration.Sql);
            using var record = connection.CreateCommand();
            record.Transaction = transaction;
            record.CommandText = "INSERT INTO schema_migrations (version, name, applied_utc) VALUES (@version, @name, @applied)";
            Add(record, "@version", migration.Version);
            Add(record, "@name", migration.Name);
            Add(record, "@applied", time.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            record.ExecuteNonQuery();
        }

        transaction.Commit();
        return Migrations.Max(m => m.Version);
    }

    /// <summary>The highest applied migration, 0 for an empty database.</summary>
    public int SchemaVersion()
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_migrations";
        try
        {
            return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (DbException)
        {
            return 0;
        }
    }

    public abstract ValueTask DisposeAsync();

    /// <summary>A new, not yet opened connection.</summary>
    protected abstract DbConnection CreateConnection();

    /// <summary>Runs on every opened connection (per-connection settings).</summary>
    protected virtual void Prepare(DbConnection connection)
    {
    }

    /// <summary>Creates the database itself if the dialect can (a SQLite file and its folder).</summary>
    protected virtual void PrepareDatabase()
    {
    }

    /// <summary>Starts the migration transaction holding whatever lock keeps other instances out.</summary>
    protected abstract DbTransaction BeginMigration(DbConnection connection);

    protected abstract bool IsDuplicateKey(DbException exception);

    protected abstract object ToDatabase(DateTimeOffset value);

    protected abstract DateTimeOffset ReadCreated(DbDataReader reader, int ordinal);

    protected static void Execute(DbConnection connection, DbTransaction? transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private async Task<DbConnection> OpenAsync(CancellationToken cancellation)
    {
        var connection = CreateConnection();
        try
        {
            await connection.OpenAsync(cancellation).ConfigureAwait(false);
            Prepare(connection);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private DbConnection Open()
    {
        var connection = CreateConnection();
        try
        {
            connection.Open();
            Prepare(connection);
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private static HashSet<int> AppliedVersions(DbConnection connection, DbTransaction transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT version FROM schema_migrations";
        using var reader = command.ExecuteReader();
        var versions = new HashSet<int>();
        while (reader.Read())
        {
            versions.Add(reader.GetInt32(0));
        }

        return versions;
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
