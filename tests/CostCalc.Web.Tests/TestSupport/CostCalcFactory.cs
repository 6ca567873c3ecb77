using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;

namespace CostCalc.Web.Tests.TestSupport;

/// <summary>
/// The real app and HTTP pipeline, with the repository root as content root and a throwaway folder of
/// its own (deleted on dispose) for the SQLite report database and the refreshed-snapshot store. Tests
/// thus never write into the repository, and never read what `dotnet run` left there: the app would
/// start from the newest snapshot in data/snapshots instead of the embedded one.
/// </summary>
public class CostCalcFactory : WebApplicationFactory<Program>
{
    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "costcalc-web-" + Guid.NewGuid().ToString("N"));

    public string ReportDatabasePath => Path.Combine(_dataFolder, "reports.db");

    /// <summary>Pricing:SnapshotDirectory: empty unless a test refreshes prices.</summary>
    public string SnapshotDirectory => Path.Combine(_dataFolder, "snapshots");

    /// <summary>Extra configuration (e.g. "Reports:SavesPerMinutePerClient").</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSolutionRelativeContentRoot(".", solutionName: "CostCalc.sln");
        builder.UseEnvironment("Production");
        builder.UseSetting("Reports:Provider", "Sqlite");
        builder.UseSetting("Reports:SqlitePath", ReportDatabasePath);
        builder.UseSetting("Pricing:SnapshotDirectory", SnapshotDirectory);
        builder.UseSetting("Reports:SavesPerMinutePerClient", "10000"); // every test client is 127.0.0.1
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dataFolder))
        {
            Directory.Delete(_dataFolder, recursive: true);
        }

        GC.SuppressFinalize(this);
    }
}
