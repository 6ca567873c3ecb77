using System.Security.Cryptography;
using System.Text;
using CostCalc.Domain.Catalog;
using CostCalc.Pricing.Refresh;
using CostCalc.Web.Hosting;
using Microsoft.Extensions.Options;

namespace CostCalc.Web.Api;

public sealed record RegionPricesAsOf(string Code, string Name, DateOnly AsOf, DateOnly OldestAsOf, int InstanceTypes, IReadOnlyList<DataOrigin> Origins);

public sealed record PricingStatusResponse(PricingStatus Status, IReadOnlyList<RegionPricesAsOf> Regions);

/// <summary>
/// GET /api/pricing/status: the snapshot in use and its refresh. POST /api/pricing/refresh starts a
/// refresh; it exists only when Pricing:Refresh:AdminKey is set and needs that key in the
/// X-CostCalc-Admin-Key header (a refresh downloads hundreds of MB per region).
/// </summary>
internal static class PricingEndpoints
{
    public const string AdminKeyHeader = "X-CostCalc-Admin-Key";

    public static void MapPricingEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/pricing").WithTags("Pricing");
        api.MapGet("/status", Status).WithSummary("The price snapshot in use, per-region dates, and the last refresh");
        api.MapPost("/refresh", Refresh)
            .RefuseCrossSite()
            .RequireJson(bodyRequired: false)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Start a price refresh (needs the admin key; see the status for its outcome)");
    }

    private static PricingStatusResponse Status(PriceRefresher refresher) => new(
        refresher.Status,
        [.. refresher.Current.Prices.Regions.Select(r => new RegionPricesAsOf(
            r.Region.Code, r.Region.Name, r.AsOf, r.OldestAsOf, r.InstanceTypeNames.Count, r.Origins))]);

    private static IResult Refresh(HttpContext context, PriceRefresher refresher, IOptions<PricingOptions> options)
    {
        var key = options.Value.Refresh.AdminKey;
        if (string.IsNullOrEmpty(key))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Refresh over the API is off",
                detail: "Set Pricing:Refresh:AdminKey to enable it.");
        }

        var given = context.Request.Headers[AdminKeyHeader].ToString();
        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(key)))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Wrong or missing admin key");
        }

        return refresher.RequestRefresh("api") switch
        {
            ManualRefresh.Started => TypedResults.Accepted("/api/pricing/status", refresher.Status),
            var refused => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: $"Refresh not started: {refused}"),
        };
    }
}
