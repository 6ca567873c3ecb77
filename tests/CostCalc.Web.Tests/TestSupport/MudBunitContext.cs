using Bunit;
using CostCalc.Domain.Estimation;
using CostCalc.Domain.Prices;
using CostCalc.Pricing.Refresh;
using CostCalc.Pricing.Snapshot;
using CostCalc.Pricing.Store;
using CostCalc.Reports.Store;
using CostCalc.Web.Pricing;
using CostCalc.Web.Reports;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

using MudBlazor.Services;

namespace CostCalc.Web.Tests.TestSupport;

/// <summary>
/// bunit with MudBlazor: loose JS interop, no transitions, async disposal (MudBlazor registers
/// services that only implement IAsyncDisposable), the embedded snapshot in use (a test may put
/// other prices in use with <see cref="UsePrices"/>) and a fixed clock.
/// </summary>
public abstract class MudBunitContext : BunitContext, IAsyncLifetime
{
    private static readonly Lazy<SnapshotInUse> Embedded = new(() =>
        new SnapshotInUse(SnapshotStore.EmbeddedManifest, SnapshotStore.EmbeddedSnapshotInstance));

    protected MudBunitContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices(o =>
        {
            o.SnackbarConfiguration.ShowTransitionDuration = 0;
            o.SnackbarConfiguration.HideTransitionDuration = 0;
            o.PopoverOptions.CheckForPopoverProvider = false;
        });
        Services.AddSingleton(CurrentSnapshot);
        Services.AddSingleton<CurrentPrices>();
        Services.AddSingleton<CostCalc.Web.Components.Calculator.SharedResults>();
        Services.AddSingleton<TimeProvider>(new FixedClock(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero)));

        // Saved reports: a throwaway SQLite file, created (and migrated) only when a test resolves the store.
        Services.AddSingleton(Microsoft.Extensions.Options.Options.Create(ReportOptions));
        Services.AddSingleton<ReportStore>(sp =>
        {
            var store = new SqliteReportStore(_reportDatabase, sp.GetRequiredService<TimeProvider>());
            store.Migrate();
            return store;
        });
        Services.AddSingleton<SaveRateLimiter>();
        Services.AddSingleton<ReportService>();
        Services.AddSingleton(Circuits);
        Services.AddScoped<CostCalc.Web.Hosting.CircuitAdmission>();
        Services.AddScoped<CostCalc.Web.Components.Calculator.CalculatorSession>();
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    private readonly string _reportDatabase = Path.Combine(Path.GetTempPath(), "costcalc-bunit-" + Guid.NewGuid().ToString("N") + ".db");

    /// <summary>The embedded snapshot's estimator (what is in use until a test calls <see cref="UsePrices"/>).</summary>
    protected static Estimator Estimator => Embedded.Value.Estimator;

    /// <summary>The holder of the prices in use that this context's services read.</summary>
    protected CurrentSnapshot CurrentSnapshot { get; } = new(Embedded.Value);

    /// <summary>Circuit caps for components that take a place under them (Routes): one per client, so one place reaches it.</summary>
    protected CostCalc.Web.Hosting.CircuitLimiter Circuits { get; } = new(maxPerClient: 1, maxTotal: 10);

    /// <summary>Report settings of this context (a test may lower the save limit before rendering).</summary>
    protected ReportOptions ReportOptions { get; } = new();

    /// <summary>Puts this price book (over the embedded catalog) in use, as a refresh would.</summary>
    protected void UsePrices(PriceBook prices) => CurrentSnapshot.Replace(new SnapshotInUse(
        SnapshotStore.EmbeddedManifest with { Id = prices.SnapshotId }, new PriceSnapshot(Estimator.Catalog, prices)));

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { "", "-wal", "-shm" }.Select(suffix => _reportDatabase + suffix).Where(File.Exists))
        {
            File.Delete(file);
        }
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
