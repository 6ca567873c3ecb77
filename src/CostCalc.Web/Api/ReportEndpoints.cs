using CostCalc.Web.Hosting;
using CostCalc.Web.Pricing;
using CostCalc.Web.Reports;
using Microsoft.Extensions.Options;

namespace CostCalc.Web.Api;

/// <summary>
/// A saved report as the API returns it: the estimate with the numbers it was saved with, in the
/// API's current shape whatever format it was stored in; <see cref="Notes"/> lists what of an older
/// report this version could not use.
/// </summary>
public sealed record ReportResponse(
    string Id, string Url, DateTimeOffset CreatedUtc, int SchemaVersion, string AppVersion, string SnapshotId,
    CostCalc.Domain.Scenarios.Scenario Scenario, CostCalc.Domain.Estimation.Estimate Estimate, IReadOnlyList<string> Notes,
    string? Title = null, string? AuthorNotes = null,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    IReadOnlyList<ComparedReportScenario>? Compared = null)
{
    // Title and AuthorNotes: what the author sent as "title" and "notes" when saving ("notes" in the answer was
    // already taken by what of an older report this version could not use).
    public static ReportResponse Of(SavedReport r) =>
        new(r.Id, $"/r/{r.Id}", r.CreatedUtc, r.SchemaVersion, r.AppVersion, r.SnapshotId, r.Scenario, r.Estimate, r.Notes, r.Title, r.AuthorNotes,
            r.Compared?.Select(s => new ComparedReportScenario(s.Label, s.Estimate.Scenario, s.Estimate)).ToList());
}

/// <summary>One scenario of a saved comparison as the API returns it (compared, in a comparison's answer; scenario and estimate are the first's).</summary>
public sealed record ComparedReportScenario(string Label, CostCalc.Domain.Scenarios.Scenario Scenario, CostCalc.Domain.Estimation.Estimate Estimate);

/// <summary>POST /api/reports (save) and GET /api/reports/{id} (read). There is deliberately no listing.</summary>
internal static class ReportEndpoints
{
    /// <summary>Top-level fields of the save body that are not scenario fields: the author's words (ReportText).</summary>
    private static readonly string[] TextFields = [ReportText.TitleField, ReportText.NotesField];

    public static void MapReportEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/reports").WithTags("Reports");
        api.MapPost("", SaveAsync)
            .RefuseCrossSite()
            .RequireJson<CostCalc.Domain.Scenarios.Scenario>()
            .Produces<ReportResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithSummary("Save a report: the scenario priced now, pinned to today's price snapshot")
            .WithDescription($"The body is a scenario as for POST /api/estimate, plus an optional \"title\" (one line, at most {ReportText.MaxTitleChars} characters) and \"notes\" (plain text, at most {ReportText.MaxNotesChars} characters), shown escaped on the report page and in its PDF (answered as title and authorNotes). The answer's url (/r/{{id}}) opens the read-only report.");
        api.MapCompareReportEndpoints();
        api.MapGet("/{id}", GetAsync)
            .Produces<ReportResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithSummary("A saved report, with the numbers it was saved with");
    }

    /// <summary>The 429 answer when this client has used its saves for the minute (one bucket for every kind of report), else null.</summary>
    internal static IResult? RefusedOverRate(HttpContext context, SaveRateLimiter limiter, ReportOptions options)
    {
        var rate = limiter.TryAcquire(ClientKeys.Of(context, options.ForwardedForHops));
        if (rate.Allowed)
        {
            return null;
        }

        context.Response.Headers.RetryAfter = rate.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many saves",
            detail: $"At most {options.SavesPerMinutePerClient} reports per minute per client; retry after {rate.RetryAfterSeconds} s.");
    }

    private static async Task<IResult> SaveAsync(HttpContext context, CurrentPrices prices, SaveRateLimiter limiter,
        ReportService reports, IOptions<ReportOptions> options, TimeProvider clock)
    {
        if (RefusedOverRate(context, limiter, options.Value) is { } tooMany)
        {
            return tooMany;
        }

        var estimator = prices.Estimator;
        var (scenario, extras, problem) = await ScenarioBody.ReadAsync(context.Request, estimator, TextFields);
        if (problem is not null)
        {
            return problem;
        }

        var (text, textProblems) = ReportText.Create(extras.GetValueOrDefault(ReportText.TitleField), extras.GetValueOrDefault(ReportText.NotesField));
        if (text is null)
        {
            return TypedResults.ValidationProblem(textProblems, title: "The report's title or notes are invalid",
                detail: string.Join(" ", textProblems.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
        }

        var estimate = estimator.Estimate(scenario!, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        var outcome = await reports.SaveAsync(estimate, text, context.RequestAborted);
        if (outcome.Report is not { } saved)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Report too large", detail: outcome.Problem);
        }

        context.Response.Headers.Location = $"/api/reports/{saved.Id}";
        return TypedResults.Json(ReportResponse.Of(saved), Hosting.JsonSetup.Options, statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> GetAsync(string id, ReportService reports, CancellationToken cancellation)
    {
        // A malformed id is answered like an unknown one, without a query.
        var report = await reports.OpenAsync(id, cancellation);
        return report is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such report",
                detail: "There is no saved report with this id. Check that the link was copied whole.")
            : TypedResults.Json(ReportResponse.Of(report), Hosting.JsonSetup.Options);
    }
}
