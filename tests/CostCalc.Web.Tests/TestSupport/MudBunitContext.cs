using Bunit;
using CostCalc.Domain.Estimation;
using CostCalc.Pricing.Snapshot;
using CostCalc.Web.Pricing;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

using MudBlazor.Services;

namespace CostCalc.Web.Tests.TestSupport;

/// <summary>
/// bunit with MudBlazor: loose JS interop, no transitions, async disposal (MudBlazor registers
/// services that only implement IAsyncDisposable), the embedded snapshot and a fixed clock.
/// </summary>
public abstract class MudBunitContext : BunitContext, IAsyncLifetime
{
    private static readonly Lazy<Estimator> SharedEstimator = new(() =>
    {
        var snapshot = EmbeddedSnapshot.Load();
        return new Estimator(snapshot.Catalog, snapshot.Prices);
    });

    protected MudBunitContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices(o =>
        {
            o.SnackbarConfiguration.ShowTransitionDuration = 0;
            o.SnackbarConfiguration.HideTransitionDuration = 0;
            o.PopoverOptions.CheckForPopoverProvider = false;
        });
        Services.AddSingleton(new CurrentPrices(SharedEstimator.Value));
        Services.AddSingleton<TimeProvider>(new FixedClock(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero)));
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    protected static Estimator Estimator => SharedEstimator.Value;

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await base.DisposeAsync();

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
