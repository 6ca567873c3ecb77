using System.Text.Json;
using System.Text.Json.Nodes;
using CostCalc.Domain.Comparing;
using CostCalc.Domain.Estimation;
using CostCalc.Web.Hosting;
using CostCalc.Web.Pricing;
using CostCalc.Web.Reports;
using Microsoft.Extensions.Options;

namespace CostCalc.Web.Api;

/// <summary>One scenario of a comparison to save: an optional label and a scenario as for POST /api/estimate.</summary>
public sealed record CompareScenarioBody(string? Label, CostCalc.Domain.Scenarios.Scenario? Scenario);

/// <summary>The body of POST /api/reports/compare (documents the OpenAPI request body).</summary>
public sealed record CompareReportBody(IReadOnlyList<CompareScenarioBody> Scenarios, string? Title, string? Notes);

/// <summary>
/// POST /api/reports/compare: 2–4 scenarios priced now and saved as one comparison report (format 3), opening at
/// /r/{id} as the compare view. Bad input is a 400 naming the field: <c>scenarios</c> (missing, not a list, fewer than
/// 2 or more than 4), <c>scenarios[1].label</c>, <c>scenarios[0].peakConnections</c>, <c>title</c>, <c>notes</c>.
/// </summary>
internal static class CompareReportEndpoints
{
    public const string ScenariosField = "scenarios";
    private const string LabelMember = "label";
    private const string ScenarioMember = "scenario";

    /// <summary>Four scenarios of at most <see cref="ScenarioBody.MaxBytes"/> each, and room for the labels and text.</summary>
    public const int MaxBytes = (Comparison.MaxScenarios + 1) * ScenarioBody.MaxBytes;

    public static void MapCompareReportEndpoints(this RouteGroupBuilder reports) =>
        reports.MapPost("/compare", SaveAsync)
            .RefuseCrossSite()
            .RequireJson<CompareReportBody>()
            .Produces<ReportResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithSummary("Save a comparison of 2 to 4 scenarios as one report, each priced now")
            .WithDescription($"The body is {{\"scenarios\": [{{\"label\": \"…\", \"scenario\": {{…}}}}, …], \"title\": \"…\", \"notes\": \"…\"}}: {Comparison.MinScenarios} to {Comparison.MaxScenarios} scenarios as for POST /api/estimate, each with an optional label (at most {Comparison.MaxLabelChars} characters; without one the label says what differs from the first), and the optional title and notes of POST /api/reports. The answer's url (/r/{{id}}) opens the saved comparison; compared lists every scenario with its label and estimate.");

    private static async Task<IResult> SaveAsync(HttpContext context, CurrentPrices prices, SaveRateLimiter limiter,
        ReportService reports, IOptions<ReportOptions> options, TimeProvider clock)
    {
        if (ReportEndpoints.RefusedOverRate(context, limiter, options.Value) is { } tooMany)
        {
            return tooMany;
        }

        var (body, refused) = await ScenarioBody.ReadBodyAsync(context.Request, MaxBytes, "Comparison too large",
            $"A comparison must be at most {MaxBytes / 1024} KiB of JSON.");
        if (body is null)
        {
            return refused!;
        }

        var estimator = prices.Estimator;
        var (entries, text, errors) = Read(body, estimator, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        if (errors is not null)
        {
            return TypedResults.ValidationProblem(errors, title: "The comparison is invalid",
                detail: string.Join(" ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
        }

        var outcome = await reports.SaveComparisonAsync(Comparison.Of(entries!), text, context.RequestAborted);
        if (outcome.Report is not { } saved)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Report too large", detail: outcome.Problem);
        }

        context.Response.Headers.Location = $"/api/reports/{saved.Id}";
        return TypedResults.Json(ReportResponse.Of(saved), JsonSetup.Options, statusCode: StatusCodes.Status201Created);
    }

    /// <summary>The scenarios (estimated) and the author's text, or the problems keyed by field.</summary>
    internal static (IReadOnlyList<ComparisonEntry>? Entries, ReportText? Text, IDictionary<string, string[]>? Errors) Read(
        byte[] body, Estimator estimator, DateOnly today)
    {
        static (IReadOnlyList<ComparisonEntry>?, ReportText?, IDictionary<string, string[]>?) Problem(string field, string message) =>
            (null, null, new Dictionary<string, string[]> { [field] = [message] });

        if (body.Length == 0)
        {
            return Problem(ScenariosField, $"Expected {Comparison.MinScenarios} to {Comparison.MaxScenarios} scenarios.");
        }

        if (ScenarioBody.CheckSyntax(body, new Dictionary<string, Type>()) is { } syntax)
        {
            return Problem(syntax.Field, syntax.Message);
        }

        if (JsonNode.Parse(body) is not JsonObject root)
        {
            return Problem("$", "The body must be a JSON object with scenarios, title and notes.");
        }

        foreach (var (name, _) in root)
        {
            if (name is not ScenariosField and not ReportText.TitleField and not ReportText.NotesField)
            {
                return Problem(name, $"Unknown field '{name}'. Expected {ScenariosField}, {ReportText.TitleField} and {ReportText.NotesField}.");
            }
        }

        if (!TryString(root, ReportText.TitleField, out var title) || !TryString(root, ReportText.NotesField, out var notes))
        {
            return Problem(TryString(root, ReportText.TitleField, out _) ? ReportText.NotesField : ReportText.TitleField, "Expected a string (or null).");
        }

        var (text, textProblems) = ReportText.Create(title, notes);
        if (text is null)
        {
            return (null, null, textProblems);
        }

        if (root[ScenariosField] is not JsonArray list)
        {
            return Problem(ScenariosField, $"Expected a list of {Comparison.MinScenarios} to {Comparison.MaxScenarios} scenarios.");
        }

        if (list.Count is < Comparison.MinScenarios or > Comparison.MaxScenarios)
        {
            return Problem(ScenariosField, $"A comparison holds {Comparison.MinScenarios} to {Comparison.MaxScenarios} scenarios; this one has {list.Count}.");
        }

        var entries = new List<ComparisonEntry>();
        for (var i = 0; i < list.Count; i++)
        {
            var at = $"{ScenariosField}[{i}]";
            if (list[i] is not JsonObject item)
            {
                return Problem(at, "Expected an object with an optional label and a scenario.");
            }

            if (item.Select(m => m.Key).FirstOrDefault(k => k is not LabelMember and not ScenarioMember) is { } unknown)
            {
                return Problem($"{at}.{unknown}", $"Unknown member '{unknown}'. Members: {LabelMember}, {ScenarioMember}.");
            }

            if (!TryString(item, LabelMember, out var label))
            {
                return Problem($"{at}.{LabelMember}", "Expected a string (or null).");
            }

            if (label?.Trim() is { Length: > Comparison.MaxLabelChars } longLabel)
            {
                return Problem($"{at}.{LabelMember}", $"A label may be at most {Comparison.MaxLabelChars} characters (it has {longLabel.Length}).");
            }

            if (label is not null && label.Any(char.IsControl))
            {
                return Problem($"{at}.{LabelMember}", "A label must be one line of text, without control characters.");
            }

            var scenarioNode = item[ScenarioMember];
            if (scenarioNode is not null and not JsonObject)
            {
                return Problem($"{at}.{ScenarioMember}", "Expected a scenario object, as for POST /api/estimate.");
            }

            var scenarioBytes = scenarioNode is null ? Array.Empty<byte>() : JsonSerializer.SerializeToUtf8Bytes(scenarioNode);
            if (scenarioBytes.Length > 0 && ScenarioBody.CheckSyntax(scenarioBytes) is { } scenarioSyntax)
            {
                return Problem($"{at}.{scenarioSyntax.Field}", scenarioSyntax.Message);
            }

            var (scenario, scenarioErrors) = ScenarioBody.Parse(scenarioBytes, estimator);
            if (scenarioErrors is not null)
            {
                return (null, null, scenarioErrors.ToDictionary(e => $"{at}.{e.Key}", e => e.Value));
            }

            entries.Add(new ComparisonEntry(label, estimator.Estimate(scenario!, today)));
        }

        return (entries, text, null);
    }

    /// <summary>A member that is absent, null or a string; false for any other kind.</summary>
    private static bool TryString(JsonObject node, string name, out string? value)
    {
        value = null;
        if (!node.TryGetPropertyValue(name, out var member) || member is null)
        {
            return true;
        }

        if (member.GetValueKind() != JsonValueKind.String)
        {
            return false;
        }

        value = member.GetValue<string>();
        return true;
    }
}
