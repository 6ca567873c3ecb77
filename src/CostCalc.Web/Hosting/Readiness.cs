using System.Text.Json;
using CostCalc.Domain.Scenarios;
using CostCalc.Reports.Store;
using CostCalc.Web.Pricing;
using CostCalc.Web.Reports;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CostCalc.Web.Hosting;

/// <summary>
/// GET /healthz is liveness (the process answers; no check runs, so a broken database never gets the
/// instance restarted in a loop). GET /healthz/ready is readiness: the report store answers a read and a
/// rolled-back write, and the price snapshot in use prices the default scenario. 200 or 503 with a JSON body.
/// </summary>
internal static class Readiness
{
    public const string Tag = "ready";

    public static IServiceCollection AddReadiness(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<ReportStoreHealthCheck>("reports", tags: [Tag], timeout: TimeSpan.FromSeconds(5))
            .AddCheck<PriceSnapshotHealthCheck>("prices", tags: [Tag], timeout: TimeSpan.FromSeconds(5));
        return services;
    }

    public static void MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/healthz/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(Tag),
            ResponseWriter = WriteAsync,
        });
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.Select(e => new { name = e.Key, status = e.Value.Status.ToString(), description = e.Value.Description }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, JsonSetup.Options));
    }
}

/// <summary>The report store can be opened, read and written (as a save would), within the check's timeout.</summary>
internal sealed class ReportStoreHealthCheck(IServiceProvider services) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var store = services.GetRequiredService<ReportStore>();
            await store.ProbeAsync(cancellationToken);
            return HealthCheckResult.Healthy($"{store.Provider} report store reads and writes.");
        }
        catch (Exception e) when (ReportStoreFailure.IsStorageFailure(e))
        {
            return HealthCheckResult.Unhealthy($"Report store unavailable: {ReportStoreFailure.Reason(e)}");
        }
    }
}

/// <summary>The price snapshot in use has regions and prices the default scenario on every path it can run.</summary>
internal sealed class PriceSnapshotHealthCheck(CurrentPrices prices, TimeProvider clock) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var snapshot = prices.Snapshot;
        try
        {
            var regions = snapshot.Prices.Regions.Count;
            var problems = snapshot.Estimator.Validate(Scenario.Default);
            if (regions == 0 || problems.Count > 0)
            {
                return Task.FromResult(HealthCheckResult.Unhealthy(
                    $"Price snapshot {snapshot.Manifest.Id} cannot price the default scenario ({regions} regions; {string.Join(" ", problems.Select(p => p.Message))})."));
            }

            var estimate = snapshot.Estimator.Estimate(Scenario.Default, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
            return Task.FromResult(HealthCheckResult.Healthy(
                $"Price snapshot {snapshot.Manifest.Id}: {regions} regions, default scenario priced on {estimate.Paths.Count} paths."));
        }
#pragma warning disable CA1031 // a readiness probe reports any failure of the snapshot instead of throwing
        catch (Exception e)
#pragma warning restore CA1031
        {
            return Task.FromResult(HealthCheckResult.Unhealthy($"Price snapshot {snapshot.Manifest.Id} failed to price the default scenario: {e.Message}"));
        }
    }
}
