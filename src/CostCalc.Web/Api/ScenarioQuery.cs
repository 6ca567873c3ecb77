using CostCalc.Domain.Estimation;
using CostCalc.Domain.Scenarios;

namespace CostCalc.Web.Api;

/// <summary>
/// A scenario read from a calculator link's query (the GET exports: PDF, Markdown). A query the
/// calculator would open only in part is a 400 naming what it could not use, not a silent default.
/// </summary>
internal static class ScenarioQuery
{
    public static (Scenario? Scenario, IResult? Problem) Read(HttpRequest request, Estimator estimator, params string[] ignoredKeys)
    {
        var query = request.Query
            .Where(kv => !ignoredKeys.Contains(kv.Key, StringComparer.Ordinal))
            .ToDictionary(kv => kv.Key, kv => kv.Value.ToString(), StringComparer.Ordinal);
        var (scenario, error) = ScenarioUrl.Decode(query, estimator.Prices, estimator.Catalog, [.. estimator.Paths.Select(p => p.Id)]);
        return error is null
            ? (scenario, null)
            : (null, TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["query"] = [error] },
                title: "The scenario in the query cannot be read"));
    }
}
