using CostCalc.Pricing.Refresh;

namespace CostCalc.Web.Pricing;

/// <summary>Live AWS pricing: the refresher, the snapshot in use it replaces, and its schedule.</summary>
public static class LivePricing
{
    /// <summary>
    /// Registers the price refresher (configured by the "Pricing" section) with the snapshot in use it
    /// holds (at start the newest valid persisted snapshot, else the embedded one), the
    /// <see cref="CurrentPrices"/> view of it, and the scheduled refresh, which runs only when
    /// Pricing:Refresh:ScheduleEnabled is true.
    /// </summary>
    public static IServiceCollection AddLivePricing(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.AddPriceRefresh(configuration.GetSection(PricingOptions.Section), contentRoot);
        services.AddSingleton<CurrentPrices>();
        services.AddHostedService<ScheduledPriceRefresh>();
        return services;
    }
}
