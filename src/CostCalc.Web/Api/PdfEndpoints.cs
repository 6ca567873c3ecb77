using CostCalc.Domain.Comparing;
using CostCalc.Domain.Estimation;
using CostCalc.Pricing.Refresh;
using CostCalc.Pricing.Store;
using CostCalc.Reports.Pdf;
using CostCalc.Web.Hosting;
using CostCalc.Web.Pricing;
using CostCalc.Web.Reports;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace CostCalc.Web.Api;

/// <summary>
/// PDF summaries (issue 7): GET /r/{id}.pdf and /api/reports/{id}/pdf for a saved report, and
/// GET /api/estimate.pdf?{calculator query} for the calculator's unsaved scenario. "?paper=letter"
/// gives US Letter instead of A4. Every render goes through the <see cref="PdfGate"/>: past the
/// concurrency cap or the client's rate the answer is 429 with Retry-After.
/// </summary>
internal static class PdfEndpoints
{
    public const string PaperKey = "paper";

    public static IServiceCollection AddCostCalcPdf(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PdfGateOptions>().Bind(configuration.GetSection("Pdf:Gate"));
        services.AddSingleton(sp => new PdfGate(sp.GetRequiredService<IOptions<PdfGateOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        return services;
    }

    public static void MapPdfEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/r/{id}.pdf", ReportPdfAsync).RefuseCrossSiteEmbedding().ExcludeFromDescription();
        app.MapGet("/api/reports/{id}/pdf", ReportPdfAsync)
            .RefuseCrossSiteEmbedding()
            .WithTags("Reports")
            .Produces(StatusCodes.Status200OK, contentType: EstimatePdf.ContentType)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithSummary("A saved report as a PDF summary (A4; ?paper=letter for US Letter)");
        app.MapGet("/api/estimate.pdf", EstimatePdfAsync)
            .RefuseCrossSiteEmbedding()
            .WithTags("Estimates")
            .Produces(StatusCodes.Status200OK, contentType: EstimatePdf.ContentType)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithSummary("The PDF summary of an unsaved scenario given as the calculator's URL query (?v=1&…; paper=letter for US Letter)");
    }

    /// <summary>
    /// "embedded snapshot", "bulk price list", … for the snapshot a report was priced with: the display name
    /// of its manifest's kind, or <see cref="PriceSourceKinds.UnknownDisplayName"/> when this app has no such snapshot.
    /// </summary>
    public static string PricesSource(string snapshotId, SnapshotInUse current, SnapshotStore store)
    {
        var manifest = current.Manifest.Id == snapshotId ? current.Manifest : store.FindManifest(snapshotId);
        return manifest is null ? PriceSourceKinds.UnknownDisplayName : manifest.Kind.DisplayName();
    }

    private static async Task<IResult> ReportPdfAsync(string id, string? paper, HttpContext context, ReportService reports,
        CurrentPrices prices, SnapshotStore snapshots, PdfGate gate, IOptions<ReportOptions> reportOptions, PublicUrls urls)
    {
        // The client's rate is checked before the report is read, so requests past it cost no lookup.
        var client = ClientKeys.Of(context, reportOptions.Value.ForwardedForHops);
        if (gate.Admit(client) is { } limited)
        {
            return TooMany(context, limited);
        }

        var report = await reports.OpenAsync(id, context.RequestAborted);
        if (report is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such report",
                detail: "There is no saved report with this id. Check that the link was copied whole.");
        }

        // Never the Host header as such: a forged one would end up printed (and clickable) in the PDF.
        var options = new PdfOptions(report.CreatedUtc, PricesSource(report.SnapshotId, prices.Snapshot, snapshots), urls.Link(context.Request, $"/r/{report.Id}"))
        {
            Paper = PdfOptions.ParsePaper(paper),
            Title = report.Title,
            Notes = report.AuthorNotes,
        };
        var fileName = $"costcalc-report-{report.Id}.pdf";
        if (report.Compared is { } compared)
        {
            var comparison = Comparison.Of([.. compared.Select(s => new ComparisonEntry(s.Label, s.Estimate))]);
            return await RenderAdmittedAsync(context, gate, client, () => EstimatePdf.Render(comparison, options), fileName);
        }

        return await RenderAdmittedAsync(context, gate, client, () => EstimatePdf.Render(report.Estimate, options), fileName);
    }

    private static async Task<IResult> EstimatePdfAsync(HttpContext context, CurrentPrices prices, PdfGate gate,
        IOptions<ReportOptions> reportOptions, TimeProvider clock)
    {
        var client = ClientKeys.Of(context, reportOptions.Value.ForwardedForHops);
        if (gate.Admit(client) is { } limited)
        {
            return TooMany(context, limited);
        }

        var snapshot = prices.Snapshot;
        var estimator = snapshot.Estimator;
        var (scenario, problem) = ScenarioQuery.Read(context.Request, estimator, PaperKey);
        if (problem is not null)
        {
            return problem;
        }

        var now = clock.GetUtcNow();
        Estimate estimate = estimator.Estimate(scenario!, DateOnly.FromDateTime(now.UtcDateTime));
        var options = new PdfOptions(now, snapshot.SourceName) { Paper = PdfOptions.ParsePaper(context.Request.Query[PaperKey]) };
        return await RenderAdmittedAsync(context, gate, client, () => EstimatePdf.Render(estimate, options), "costcalc-estimate.pdf");
    }

    private static async Task<IResult> RenderAdmittedAsync(HttpContext context, PdfGate gate, string client, Func<byte[]> render, string fileName)
    {
        var result = await gate.RenderAdmittedAsync(client, render, context.RequestAborted);
        if (result.Rejection is { } rejection)
        {
            return TooMany(context, rejection);
        }

        return TypedResults.File(result.Value!, EstimatePdf.ContentType, fileName);
    }

    private static ProblemHttpResult TooMany(HttpContext context, PdfRejection rejection)
    {
        context.Response.Headers.RetryAfter = ((int)Math.Ceiling(rejection.RetryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many PDFs", detail: rejection.Reason);
    }
}
