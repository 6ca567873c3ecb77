using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CostCalc.Web.Reports;

/// <summary>The report database could not be opened, migrated or written: where it is and why, in one line.</summary>
public sealed class ReportStoreUnavailableException(string location, string reason, Exception? inner = null)
    : Exception($"Report database {location}: {reason}", inner)
{
    public string Location { get; } = location;

    public string Reason { get; } = reason;
}

/// <summary>Turns what SQLite, Npgsql or the file system threw into a sentence that says what to fix.</summary>
public static class ReportStoreFailure
{
    /// <summary>True for failures of the database or its files (the store is unavailable), not for the app's own bugs.</summary>
    public static bool IsStorageFailure(Exception exception) => exception switch
    {
        ReportStoreUnavailableException or DbException or IOException or UnauthorizedAccessException => true,
        TimeoutException or InvalidOperationException when exception.InnerException is { } inner => IsStorageFailure(inner),
        _ => false,
    };

    /// <summary>The SQLite file's full path, or the PostgreSQL server and database (never the password).</summary>
    public static string Location(ReportOptions options, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Provider == ReportStoreProvider.Sqlite)
        {
            return Path.GetFullPath(Path.Combine(contentRoot, options.SqlitePath));
        }

        try
        {
            var b = new NpgsqlConnectionStringBuilder(options.PostgresConnectionString);
            return $"PostgreSQL {b.Host}:{b.Port}/{b.Database}";
        }
        catch (ArgumentException)
        {
            return "PostgreSQL (connection string not readable)";
        }
    }

    public static string Reason(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception switch
        {
            ReportStoreUnavailableException unavailable => unavailable.Reason,
            SqliteException sqlite => sqlite.SqliteErrorCode switch
            {
                5 => "the database is locked by another process (SQLITE_BUSY)",
                8 => "it cannot be written: the file, or the folder that holds it and its -wal/-shm files, is read-only (SQLITE_READONLY)",
                10 => "a disk I/O error (SQLITE_IOERR)",
                11 => "the file is corrupt (SQLITE_CORRUPT)",
                13 => "the disk is full (SQLITE_FULL)",
                14 => "the file cannot be opened: the path is a folder, or its folder is missing or not writable (SQLITE_CANTOPEN)",
                26 => "the file is not a SQLite database: corrupt, or another kind of file (SQLITE_NOTADB)",
                _ => $"SQLite error {sqlite.SqliteErrorCode}: {FirstLine(sqlite.Message)}",
            },
            PostgresException postgres => $"PostgreSQL refused: {FirstLine(postgres.MessageText)} ({postgres.SqlState})",
            NpgsqlException npgsql => $"PostgreSQL cannot be reached: {FirstLine(npgsql.InnerException?.Message ?? npgsql.Message)}",
            UnauthorizedAccessException denied => $"permission denied ({FirstLine(denied.Message)})",
            IOException io => FirstLine(io.Message),
            _ when exception.InnerException is { } inner && IsStorageFailure(inner) => Reason(inner),
            _ => FirstLine(exception.Message),
        };
    }

    private static string FirstLine(string text)
    {
        var line = text.AsSpan().Trim();
        var end = line.IndexOfAny('\r', '\n');
        return (end < 0 ? line : line[..end]).ToString();
    }
}
