using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;

namespace CostCalc.Web.Tests.TestSupport;

/// <summary>
/// The real app and HTTP pipeline, with the repository root as content root and its own
/// throwaway SQLite report database (deleted on dispose), so tests never write into the repository.
/// </summary>
public class CostCalcFactory : WebApplicationFactory<Program>
{
    private readonly string _reportFolder = Path.Combine(Path.GetTempPath(), "costcalc-web-" + Guid.NewGuid().ToString("N"));

    public string ReportDatabasePath => Path.Combine(_reportFolder, "reports.db");

    /// <summary>Extra configuration (e.g. "Reports:SavesPerMinutePerClient").</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSolutionRelativeContentRoot(".", solutionName: "CostCalc.sln");
        builder.UseEnvironment("Production");
        builder.UseSetting("Reports:Provider", "Sqlite");
        builder.UseSetting("Reports:SqlitePath", ReportDatabasePath);
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
        if (Directory.Exists(_reportFolder))
        {
            Directory.Delete(_reportFolder, recursive: true);
        }

        GC.SuppressFinalize(this);
    }
}
