using System.Net;
using CostCalc.Pricing.Bulk;
using CostCalc.Pricing.Live;
using CostCalc.Pricing.Query;
using CostCalc.Pricing.Store;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace CostCalc.Pricing.Refresh;

/// <summary>Registers the price sources, their HTTP clients, the snapshot store, the refresher and the snapshot in use.</summary>
public static class PricingServices
{
    /// <param name="section">The "Pricing" section; its "Http" subsection tunes the resilience handlers
    /// (HttpStandardResilienceOptions: AttemptTimeout, TotalRequestTimeout, Retry, CircuitBreaker, RateLimiter).</param>
    /// <param name="contentRoot">Base of a relative <see cref="PricingOptions.SnapshotDirectory"/>.</param>
    public static IServiceCollection AddPriceRefresh(this IServiceCollection services, IConfiguration section, string contentRoot)
    {
        services.Configure<PricingOptions>(section);
        services.AddLogging();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => new AwsCredentialSource());
        services.TryAddSingleton(sp => new QueryPacer(Options(sp).Query.MaxRequestsPerSecond, sp.GetRequiredService<TimeProvider>()));
        var http = section.GetSection("Http");
        services.AddHttpClient<BulkClient>(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.All })
            .AddStandardResilienceHandler(o => Configure(o, http));
        var query = services.AddHttpClient<PricingQueryClient>((sp, client) =>
            {
                client.BaseAddress = QueryEndpoint(Options(sp).Query);
                client.Timeout = Timeout.InfiniteTimeSpan;
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AutomaticDecompression = DecompressionMethods.All,
                AllowAutoRedirect = false,
            });

        // Retries wrap the signer so that every attempt is signed afresh.
        query.AddStandardResilienceHandler(o => Configure(o, http));
        query.AddHttpMessageHandler(sp => new SigV4Handler(
            sp.GetRequiredService<AwsCredentialSource>(), SigV4Handler.Service, Options(sp).Query.EndpointRegion));
        services.AddTransient<BulkFiles>();
        services.AddTransient<BulkPriceSource>();
        services.AddTransient<QueryPriceSource>();
        services.AddTransient<SpotPriceHistoryClient>();
        services.TryAddSingleton<IPriceSource>(sp => new ConfiguredPriceSource(
            sp.GetRequiredService<BulkPriceSource>, sp.GetRequiredService<QueryPriceSource>,
            sp.GetRequiredService<AwsCredentialSource>(), sp.GetRequiredService<IOptions<PricingOptions>>()));
        services.TryAddSingleton(sp => new SnapshotStore(
            Path.GetFullPath(Path.Combine(contentRoot, Options(sp).SnapshotDirectory)), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<PriceRefresher>();
        services.TryAddSingleton(sp => sp.GetRequiredService<PriceRefresher>().CurrentSnapshot);
        return services;
    }

    /// <summary>https://api.pricing.&lt;region&gt;.amazonaws.com/ unless an endpoint is configured.</summary>
    public static Uri QueryEndpoint(QueryOptions query) =>
        query.Endpoint ?? new Uri($"https://api.pricing.{query.EndpointRegion}.amazonaws.com/");

    private static PricingOptions Options(IServiceProvider services) =>
        services.GetRequiredService<IOptions<PricingOptions>>().Value;

    private static void Configure(HttpStandardResilienceOptions options, IConfigurationSection http)
    {
        http.Bind(options);
        options.Retry.ShouldHandle = args => IsTransientOrThrottled(args.Outcome);
        options.CircuitBreaker.ShouldHandle = args => IsTransientOrThrottled(args.Outcome);
    }

    /// <summary>5xx, 408, 429, network errors and timeouts, plus AWS JSON's 400 ThrottlingException.</summary>
    private static async ValueTask<bool> IsTransientOrThrottled(Outcome<HttpResponseMessage> outcome)
    {
        if (HttpClientResiliencePredicates.IsTransient(outcome))
        {
            return true;
        }

        if (outcome.Result is not { StatusCode: HttpStatusCode.BadRequest } response)
        {
            return false;
        }

        if (response.Headers.TryGetValues("x-amzn-ErrorType", out var types) && types.Any(t => t.Contains("Throttling", StringComparison.Ordinal)))
        {
            return true;
        }

        await response.Content.LoadIntoBufferAsync().ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        return QueryErrorException.Parse(body).Type.Contains("Throttling", StringComparison.Ordinal);
    }
}
