using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;

namespace CostCalc.E2E.Infrastructure;

/// <summary>
/// The real app, in this process, on real Kestrel at 127.0.0.1 and a free port, so a browser can
/// reach it: repository root as content root (root wwwroot and appsettings.json), Production
/// environment, and a throwaway SQLite report database that is deleted on dispose.
/// Shared by the E2E tests and bench/CostCalc.LoadProbe (linked source), so both measure the same host.
/// </summary>
public class CostCalcServer : WebApplicationFactory<Program>
{
    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "costcalc-e2e-" + Guid.NewGuid().ToString("N"));
    private readonly Action<IWebHostBuilder>? _configure;

    public CostCalcServer(Action<IWebHostBuilder>? configure = null) => _configure = configure;

    /// <summary>The server's address, e.g. http://127.0.0.1:41234/ (set by <see cref="Start"/>).</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Starts Kestrel on a free loopback port and returns its address.</summary>
    public Uri Start()
    {
        UseKestrel(0);
        StartServer();
        // UseKestrel(0) listens on loopback; address the IPv4 one explicitly so the browser never tries ::1.
        BaseAddress = new UriBuilder(ClientOptions.BaseAddress) { Host = "127.0.0.1" }.Uri;
        return BaseAddress;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSolutionRelativeContentRoot(".", solutionName: "CostCalc.sln");
        builder.UseEnvironment("Production");
        builder.UseSetting("Reports:Provider", "Sqlite");
        builder.UseSetting("Reports:SqlitePath", Path.Combine(_dataFolder, "reports.db"));
        builder.UseSetting("Pricing:SnapshotDirectory", Path.Combine(_dataFolder, "snapshots"));
        // Every browser test is one client (127.0.0.1) sharing one server: its PDFs must not use up the 10 a minute a real
        // client gets (the limit itself is tested in CostCalc.Web.Tests' PDF endpoint tests, on a server of its own).
        builder.UseSetting("Pdf:Gate:PerClientLimit", "1000");
        _configure?.Invoke(builder);
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
