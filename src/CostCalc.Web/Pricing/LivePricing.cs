using CostCalc.Domain.Estimation;
using CostCalc.Pricing.Refresh;

namespace CostCalc.Web.Pricing;

/// <summary>Live AWS pricing: the refresher, its schedule, and the estimator it keeps current.</summary>
public static class LivePricing
{
    /// <summary>
    /// Registers the price refresher (configured by the "Pricing" section), the <see cref="CurrentPrices"/>
    /// it feeds (starting from the newest valid persisted snapshot, else the embedded one), and the
    /// scheduled refresh, which runs only when Pricing:Refresh:ScheduleEnabled is true.
    /// </summary>
    public static IServiceCollection AddLivePricing(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.AddPriceRefresh(configuration.GetSection(PricingOptions.Section), contentRoot);
        services.AddSingleton(sp =>
        {
            var refresher = sp.GetRequiredService<PriceRefresher>();
            var current = new CurrentPrices(new Estimator(refresher.Current.Catalog, refresher.Current.Prices));
            refresher.SnapshotChanged += snapshot => current.Replace(new Estimator(snapshot.Catalog, snapshot.Prices));
            return current;
        });
        services.AddHostedService<ScheduledPriceRefresh>();
        return services;
    }
}
