using CostCalc.Reports.Store;

namespace CostCalc.Web.Tests.Processes;

/// <summary>
/// A report database the app cannot use stops start-up with exit code 1 and one line naming the database
/// and the reason, no stack trace (issue 14, item 6). Each test starts the built app as a process.
/// (Linux, as the app's other process tests: file modes and setpriv.)
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class StartupFailureTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "costcalc-startup-" + Guid.NewGuid().ToString("N"));

    public StartupFailureTests() => Directory.CreateDirectory(_folder);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var path in Directory.EnumerateFileSystemEntries(_folder, "*", SearchOption.AllDirectories).Prepend(_folder))
        {
            File.SetUnixFileMode(path, Directory.Exists(path) ? (UnixFileMode)0b111_101_101 : (UnixFileMode)0b110_100_100);
        }

        Directory.Delete(_folder, recursive: true);
    }

    private static Task<string> AssertFailsWithOneLineAsync(IReadOnlyDictionary<string, string> environment, params string[] expected) =>
        AssertFailsWithOneLineAsync("CostCalc cannot start: Report database ", environment, expected);

    private static async Task<string> AssertFailsWithOneLineAsync(string start, IReadOnlyDictionary<string, string> environment, params string[] expected)
    {
        var (exitCode, stdout, stderr) = await AppProcess.RunUntilExitAsync(environment);

        var lines = (stdout + stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.True(exitCode == 1, $"exit code {exitCode}: {stdout}{stderr}");
        var line = Assert.Single(lines);
        Assert.StartsWith(start, line, StringComparison.Ordinal);
        foreach (var part in expected)
        {
            Assert.Contains(part, line, StringComparison.Ordinal);
        }

        return line;
    }

    private static Dictionary<string, string> Sqlite(string path) => new()
    {
        ["Reports__Provider"] = "Sqlite",
        ["Reports__SqlitePath"] = path,
        ["Pricing__SnapshotDirectory"] = Path.Combine(Path.GetDirectoryName(path)!, "snapshots-unused"),
    };

    private string MigratedDatabase()
    {
        var path = Path.Combine(_folder, "reports.db");
        var store = new SqliteReportStore(path);
        store.Migrate();
        store.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools(); // closes the file: WAL checkpointed, -wal/-shm removed
        return path;
    }

    [Fact]
    public async Task ReadOnlyFile_ExitsWith1_NamingThePathAndReadOnly()
    {
        var path = MigratedDatabase();
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        await AssertFailsWithOneLineAsync(Sqlite(path), path, "read-only");
    }

    [Fact]
    public async Task ReadOnlyFolder_ExitsWith1_NamingThePath()
    {
        var folder = Path.Combine(_folder, "locked");
        Directory.CreateDirectory(folder);
        File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute);
        var path = Path.Combine(folder, "reports.db");

        await AssertFailsWithOneLineAsync(Sqlite(path), path, "SQLITE_CANTOPEN");
    }

    [Fact]
    public async Task PathIsADirectory_ExitsWith1_SayingSo()
    {
        var path = Path.Combine(_folder, "a-folder.db");
        Directory.CreateDirectory(path);

        await AssertFailsWithOneLineAsync(Sqlite(path), path, "the path is a folder");
    }

    [Fact]
    public async Task CorruptFile_ExitsWith1_SayingItIsNotADatabase()
    {
        var path = Path.Combine(_folder, "reports.db");
        await File.WriteAllTextAsync(path, new string('x', 8192));

        await AssertFailsWithOneLineAsync(Sqlite(path), path, "not a SQLite database");
    }

    [Fact]
    public async Task MissingPostgres_ExitsWith1_NamingTheServerButNotThePassword()
    {
        var port = AppProcess.FreePort(); // nothing listens there
        var line = await AssertFailsWithOneLineAsync(new Dictionary<string, string>
        {
            ["Reports__Provider"] = "Postgres",
            ["Reports__PostgresConnectionString"] = $"Host=127.0.0.1;Port={port};Database=costcalc;Username=costcalc;Password=s3cret-pw;Timeout=5",
            ["Pricing__SnapshotDirectory"] = Path.Combine(_folder, "snapshots-unused"),
        }, $"PostgreSQL 127.0.0.1:{port}/costcalc", "cannot be reached");

        Assert.DoesNotContain("s3cret-pw", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidPublicBaseUrl_ExitsWith1_NamingTheSetting()
    {
        // Kestrel's options are built inside WebApplicationBuilder.Build(); a validation exception there would be a stack trace.
        var environment = Sqlite(Path.Combine(_folder, "reports.db"));
        environment["Http__PublicBaseUrl"] = "ftp://costcalc.example.com";

        await AssertFailsWithOneLineAsync("CostCalc cannot start: Http:PublicBaseUrl must be an absolute http(s) URL", environment, "ftp://costcalc.example.com");
    }

    [Theory]
    [InlineData("BlazorServer__MaxCircuitsPerClient", "0", "BlazorServer:MaxCircuitsPerClient must be at least 1 (got 0).")]
    [InlineData("BlazorServer__MaxCircuits", "-5", "BlazorServer:MaxCircuits must be at least 1 (got -5).")]
    [InlineData("BlazorServer__MaxCircuits", "lots", "'BlazorServer:MaxCircuits'")]
    public async Task BadCircuitCap_ExitsWith1_WithOneLineNamingTheSetting(string variable, string value, string expected)
    {
        var environment = Sqlite(Path.Combine(_folder, "reports.db"));
        environment[variable] = value;

        await AssertFailsWithOneLineAsync("CostCalc cannot start: ", environment, expected);
        Assert.False(File.Exists(Path.Combine(_folder, "reports.db")), "settings are checked before the report database is opened");
    }
}
