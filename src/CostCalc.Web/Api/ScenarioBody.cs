using System.Reflection;
using System.Text.Json;
using CostCalc.Domain.Estimation;
using CostCalc.Domain.Scenarios;

namespace CostCalc.Web.Api;

/// <summary>
/// Reads a scenario from a request body: every field optional (missing = default), unknown fields
/// and wrong types rejected, then every value validated. Failures become 400 problem details that
/// name the field and the allowed values.
/// </summary>
internal static class ScenarioBody
{
    public const int MaxBytes = 64 * 1024;

    public static async Task<(Scenario? Scenario, IResult? Problem)> ReadAsync(HttpRequest request, Estimator estimator)
    {
        var body = await ReadBoundedAsync(request.Body, request.HttpContext.RequestAborted);
        if (body is null)
        {
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge,
                title: "Scenario too large", detail: $"A scenario must be at most {MaxBytes / 1024} KiB of JSON."));
        }

        if (body.Length > 0 && !IsWellFormed(body, out var syntaxError))
        {
            return (null, Invalid(new Dictionary<string, string[]> { ["$"] = [$"The body is not well-formed JSON: {syntaxError}"] }));
        }

        Scenario scenario;
        try
        {
            scenario = body.Length == 0
                ? Scenario.Default
                : JsonSerializer.Deserialize<Scenario>(body, Hosting.JsonSetup.Options) ?? Scenario.Default;
        }
        catch (JsonException ex)
        {
            var (field, message) = Describe(ex);
            return (null, Invalid(new Dictionary<string, string[]> { [field] = [message] }));
        }

        var problems = estimator.Validate(scenario);
        if (problems.Count > 0)
        {
            return (null, Invalid(problems.GroupBy(p => p.Field).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray())));
        }

        return (scenario, null);
    }

    public static IResult Invalid(IDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: "The scenario is invalid",
            detail: string.Join(" ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));

    private static async Task<byte[]?> ReadBoundedAsync(Stream stream, CancellationToken cancellation)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellation)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static bool IsWellFormed(byte[] body, out string error)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            error = "";
            return true;
        }
        catch (JsonException ex)
        {
            error = ex.Message;
            return false;
        }
    }

    private static (string Field, string Message) Describe(JsonException ex)
    {
        const string unmapped = "could not be mapped to any .NET member";
        if (ex.Message.Contains(unmapped, StringComparison.Ordinal))
        {
            var name = ex.Message.Split('\'') is { Length: > 2 } parts ? parts[1] : "?";
            return (name, $"Unknown field '{name}'. See the Scenario schema at /openapi/v1.json.");
        }

        var path = ex.Path ?? "$";
        var field = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;
        if (field == "$")
        {
            return ("$", "The body must be a JSON object with scenario fields.");
        }

        var property = typeof(Scenario).GetProperty(field, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
        var expected = property is null ? "a valid value" : Expected(property.PropertyType);
        var range = ScenarioFields.Find(field) is { } f
            ? FormattableString.Invariant($" between {f.Min:#,0.###} and {f.Max:#,0.###} {f.Unit}")
            : "";
        return (field, $"Expected {expected}{range}.");
    }

    private static string Expected(Type type) => type switch
    {
        _ when type == typeof(int) || type == typeof(long) => "a whole number",
        _ when type == typeof(double) || type == typeof(decimal) => "a number",
        _ when type == typeof(bool) => "true or false",
        _ when type == typeof(string) => "a string",
        _ when type == typeof(PathList) => "an array of path ids",
        { IsEnum: true } => "one of: " + string.Join(", ", Enum.GetNames(type).Select(JsonNamingPolicy.CamelCase.ConvertName)),
        _ => "a valid value",
    };
}
