using CostCalc.Pricing.Refresh;
using Microsoft.Extensions.Options;

namespace CostCalc.Web.Pricing;

/// <summary>
/// Refreshes prices on a schedule when Pricing:Refresh:ScheduleEnabled is set: first after
/// InitialDelay, then every Interval. A failed refresh only logs and shows in the status.
/// </summary>
public sealed class ScheduledPriceRefresh(
    PriceRefresher refresher, IOptions<PricingOptions> options, TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value.Refresh;
        if (!settings.ScheduleEnabled)
        {
            return;
        }

        var wait = settings.InitialDelay;
        while (!stoppingToken.IsCancellationRequested)
        {
            refresher.ScheduleNext(time.GetUtcNow() + wait);
            try
            {
                await Task.Delay(wait, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            await refresher.RefreshAsync("scheduled", stoppingToken);
            wait = settings.Interval;
        }
    }
}
