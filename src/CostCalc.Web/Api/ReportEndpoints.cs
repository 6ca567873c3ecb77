using System.Text;
using System.Text.Json;
using CostCalc.Reports.Store;
using CostCalc.Web.Pricing;
using CostCalc.Web.Reports;
using Microsoft.Extensions.Options;

namespace CostCalc.Web.Api;

/// <summary>The stored report as the API returns it (the estimate is the saved JSON, verbatim).</summary>
public sealed record ReportResponse(
    string Id, string Url, DateTimeOffset CreatedUtc, int SchemaVersion, string AppVersion, string SnapshotId,
    CostCalc.Domain.Scenarios.Scenario Scenario, CostCalc.Domain.Estimation.Estimate Estimate);

/// <summary>POST /api/reports (save) and GET /api/reports/{id} (read). There is deliberately no listing.</summary>
internal static class ReportEndpoints
{
    public static void MapReportEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/reports").WithTags("Reports");
        api.MapPost("", SaveAsync)
            .Accepts<CostCalc.Domain.Scenarios.Scenario>("application/json")
            .Produces<ReportResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithSummary("Save a report: the scenario priced now, pinned to today's price snapshot")
            .WithDescription("The body is a scenario as for POST /api/estimate. The answer's url (/r/{id}) opens the read-only report.");
        api.MapGet("/{id}", GetAsync)
            .Produces<ReportResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A saved report, exactly as it was saved");
    }

    private static async Task<IResult> SaveAsync(HttpContext context, CurrentPrices prices, SaveRateLimiter limiter,
        ReportService reports, IOptions<ReportOptions> options, TimeProvider clock)
    {
        var rate = limiter.TryAcquire(ClientKeys.Of(context, options.Value.ForwardedForHops));
        if (!rate.Allowed)
        {
            context.Response.Headers.RetryAfter = rate.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many saves",
                detail: $"At most {options.Value.SavesPerMinutePerClient} reports per minute per client; retry after {rate.RetryAfterSeconds} s.");
        }

        var estimator = prices.Estimator;
        var (scenario, problem) = await ScenarioBody.ReadAsync(context.Request, estimator);
        if (problem is not null)
        {
            return problem;
        }

        var estimate = estimator.Estimate(scenario!, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        var outcome = await reports.SaveAsync(estimate, context.RequestAborted);
        if (outcome.Report is not { } saved)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Report too large", detail: outcome.Problem);
        }

        var record = new ReportRecord(saved.Id, saved.CreatedUtc, saved.SchemaVersion, saved.AppVersion, saved.SnapshotId,
            JsonSerializer.Serialize(saved.Scenario, ReportJson.Write), JsonSerializer.Serialize(saved.Estimate, ReportJson.Write));
        context.Response.Headers.Location = $"/api/reports/{saved.Id}";
        return Json(record, StatusCodes.Status201Created);
    }

    private static async Task<IResult> GetAsync(string id, ReportService reports, CancellationToken cancellation)
    {
        // A malformed id is answered like an unknown one, without a query.
        var record = await reports.FindRecordAsync(id, cancellation);
        return record is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such report",
                detail: "There is no saved report with this id. Check that the link was copied whole.")
            : Json(record, StatusCodes.Status200OK);
    }

    /// <summary>The response envelope written around the stored JSON, which is copied byte for byte.</summary>
    private static IResult Json(ReportRecord record, int status)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("id", record.Id);
            writer.WriteString("url", $"/r/{record.Id}");
            writer.WriteString("createdUtc", record.CreatedUtc);
            writer.WriteNumber("schemaVersion", record.SchemaVersion);
            writer.WriteString("appVersion", record.AppVersion);
            writer.WriteString("snapshotId", record.SnapshotId);
            writer.WritePropertyName("scenario");
            writer.WriteRawValue(record.ScenarioJson, skipInputValidation: true);
            writer.WritePropertyName("estimate");
            writer.WriteRawValue(record.EstimateJson, skipInputValidation: true);
            writer.WriteEndObject();
        }

        return Results.Text(Encoding.UTF8.GetString(buffer.ToArray()), "application/json", Encoding.UTF8, status);
    }
}
