using CostCalc.Domain.Estimation;
using CostCalc.Domain.Scenarios;
using CostCalc.Web.Exports;
using CostCalc.Web.Hosting;
using CostCalc.Web.Pricing;

namespace CostCalc.Web.Api;

/// <summary>
/// POST /api/estimate and /api/ranking: a scenario in, every shown path out. They change nothing, so they
/// refuse only bodies that are not JSON (415), not other origins: a page elsewhere cannot send JSON here
/// without a CORS preflight (which this app never grants), nor read the answer.
/// </summary>
internal static class EstimateEndpoints
{
    public static void MapEstimateEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Estimates");
        api.MapPost("/estimate", EstimateAsync)
            .RequireJson<Scenario>()
            .Produces<Estimate>()
            .ProducesValidationProblem()
            .WithSummary("Estimate every shown path (ec2, eks, eks-fargate unless hiddenPaths) for a scenario")
            .WithDescription("Every scenario field is optional; a missing field takes its documented default.");
        api.MapPost("/ranking", RankAsync)
            .RequireJson<Scenario>()
            .Produces<Ranking>()
            .ProducesValidationProblem()
            .WithSummary("Rank every instance type of the region for each shown path that runs on instances");
        api.MapGet("/estimate.md", Markdown)
            .Produces<string>(StatusCodes.Status200OK, "text/markdown")
            .ProducesValidationProblem()
            .WithSummary("The estimate of a calculator link's scenario as a Markdown summary for design documents")
            .WithDescription("The query is the calculator's own (v=1&peakConnections=…); the text is what the calculator's Markdown button downloads.");
    }

    private static async Task<IResult> EstimateAsync(HttpRequest request, CurrentPrices prices, TimeProvider clock)
    {
        var estimator = prices.Estimator;
        var (scenario, problem) = await ScenarioBody.ReadAsync(request, estimator);
        return problem ?? TypedResults.Ok(estimator.Estimate(scenario!, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)));
    }

    private static IResult Markdown(HttpRequest request, CurrentPrices prices, PublicUrls urls, TimeProvider clock)
    {
        var estimator = prices.Estimator;
        var (scenario, problem) = ScenarioQuery.Read(request, estimator);
        if (problem is not null)
        {
            return problem;
        }

        var estimate = estimator.Estimate(scenario!, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        var query = ScenarioUrl.Encode(scenario!);
        var markdown = EstimateMarkdown.Write(estimate, urls.Link(request, query.Length == 0 ? "/" : "/?" + query), urls.Link(request, "/model"));
        return TypedResults.Text(markdown, EstimateMarkdown.ContentType);
    }

    private static async Task<IResult> RankAsync(HttpRequest request, CurrentPrices prices)
    {
        var estimator = prices.Estimator;
        var (scenario, problem) = await ScenarioBody.ReadAsync(request, estimator);
        return problem ?? TypedResults.Ok(estimator.Rank(scenario!));
    }
}
