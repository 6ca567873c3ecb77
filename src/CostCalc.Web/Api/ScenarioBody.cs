using System.Reflection;
using System.Text.Json;
using CostCalc.Domain.Estimation;
using CostCalc.Domain.Scenarios;
using CostCalc.Web.Hosting;
using Microsoft.Extensions.Options;

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
        var (scenario, _, problem) = await ReadAsync(request, estimator, []);
        return (scenario, problem);
    }

    /// <summary>
    /// As <see cref="ReadAsync(HttpRequest, Estimator)"/>, for a body that holds a few top-level string fields
    /// besides the scenario's (e.g. a report's "title"): those are taken out (a string or null, else 400 naming
    /// the field) and handed back; the rest is read as the scenario, unknown fields still refused.
    /// </summary>
    public static async Task<(Scenario? Scenario, IReadOnlyDictionary<string, string?> Extras, IResult? Problem)> ReadAsync(
        HttpRequest request, Estimator estimator, IReadOnlyList<string> extraFields)
    {
        var extras = new Dictionary<string, string?>(StringComparer.Ordinal);
        var (body, refused) = await ReadBodyAsync(request, MaxBytes, "Scenario too large", $"A scenario must be at most {MaxBytes / 1024} KiB of JSON.");
        if (body is null)
        {
            return (null, extras, refused);
        }

        if (body.Length > 0 && CheckSyntax(body) is { } syntax)
        {
            return (null, extras, Invalid(new Dictionary<string, string[]> { [syntax.Field] = [syntax.Message] }));
        }

        if (body.Length > 0 && extraFields.Count > 0 && System.Text.Json.Nodes.JsonNode.Parse(body) is System.Text.Json.Nodes.JsonObject fields)
        {
            foreach (var name in extraFields)
            {
                if (!fields.TryGetPropertyValue(name, out var node))
                {
                    continue;
                }

                if (node is not null && node.GetValueKind() != JsonValueKind.String)
                {
                    return (null, extras, Invalid(new Dictionary<string, string[]> { [name] = ["Expected a string (or null)."] }));
                }

                extras[name] = node?.GetValue<string>();
                fields.Remove(name);
            }

            body = JsonSerializer.SerializeToUtf8Bytes(fields);
        }

        var (scenario, errors) = Parse(body, estimator);
        return errors is null ? (scenario, extras, null) : (null, extras, Invalid(errors));
    }

    /// <summary>
    /// A scenario from JSON whose syntax <see cref="CheckSyntax"/> has passed (empty: the defaults), validated; or the
    /// problems by field name.
    /// </summary>
    internal static (Scenario? Scenario, IDictionary<string, string[]>? Errors) Parse(byte[] body, Estimator estimator)
    {
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
            return (null, new Dictionary<string, string[]> { [field] = [message] });
        }

        var problems = estimator.Validate(scenario);
        return problems.Count > 0
            ? (null, problems.GroupBy(p => p.Field).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray()))
            : (scenario, null);
    }

    /// <summary>
    /// The request's body within the body timeout and <paramref name="maxBytes"/>, or the problem to answer: Kestrel's own
    /// verdicts (408, 413, 400), 408 past the timeout, 413 with <paramref name="tooLargeTitle"/> past the size.
    /// </summary>
    internal static async Task<(byte[]? Body, IResult? Problem)> ReadBodyAsync(HttpRequest request, int maxBytes, string tooLargeTitle, string tooLargeDetail)
    {
        var timeout = TimeSpan.FromSeconds(request.HttpContext.RequestServices.GetRequiredService<IOptions<HttpOptions>>().Value.RequestBodyTimeoutSeconds);
        byte[]? body;
        try
        {
            body = await ReadBoundedAsync(request.Body, timeout, request.HttpContext.RequestAborted, maxBytes);
        }
        catch (BadHttpRequestException e)
        {
            // Kestrel's own verdicts while reading: 408 for a body slower than MinRequestBodyDataRate, 413, 400.
            return (null, TypedResults.Problem(statusCode: e.StatusCode, title: e.StatusCode == StatusCodes.Status408RequestTimeout
                ? "Request body too slow" : "Request body refused", detail: e.Message));
        }
        catch (OperationCanceledException) when (!request.HttpContext.RequestAborted.IsCancellationRequested)
        {
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status408RequestTimeout, title: "Request body too slow",
                detail: $"The body did not arrive within {timeout.TotalSeconds:0.#} s."));
        }

        return body is null
            ? (null, TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: tooLargeTitle, detail: tooLargeDetail))
            : (body, null);
    }

    public static IResult Invalid(IDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: "The scenario is invalid",
            detail: string.Join(" ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));

    /// <summary>Scenario fields (by their exact JSON name) whose values are enums.</summary>
    private static readonly Dictionary<string, Type> EnumFields = typeof(Scenario).GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Select(p => (Name: p.GetCustomAttribute<System.Text.Json.Serialization.JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(p.Name),
            Type: Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType))
        .Where(p => p.Type.IsEnum)
        .ToDictionary(p => p.Name, p => p.Type, StringComparer.Ordinal);

    /// <summary>The body, or null past <paramref name="maxBytes"/> (other JSON endpoints read theirs through this too).</summary>
    internal static async Task<byte[]?> ReadBoundedAsync(Stream stream, TimeSpan timeout, CancellationToken cancellation, int maxBytes = MaxBytes)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        deadline.CancelAfter(timeout);
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await stream.ReadAsync(chunk, deadline.Token)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// Null when the body is well-formed JSON in which no object repeats a key; else the field to name and
    /// why. (System.Text.Json would let the last duplicate win, so "a": 1, "a": 2 would pass silently.)
    /// </summary>
    /// <param name="enumFields">Top-level fields whose strings must be exact enum names; the scenario's when null.</param>
    internal static (string Field, string Message)? CheckSyntax(byte[] body, IReadOnlyDictionary<string, Type>? enumFields = null)
    {
        enumFields ??= EnumFields;
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 32 });
        var keys = new Stack<HashSet<string>?>();
        string? topLevelField = null;
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                        keys.Push(new HashSet<string>(StringComparer.Ordinal));
                        break;
                    case JsonTokenType.StartArray:
                        keys.Push(null);
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        keys.Pop();
                        break;
                    case JsonTokenType.PropertyName:
                        var name = reader.GetString()!;
                        if (keys.Peek() is { } seen && !seen.Add(name))
                        {
                            return (name, $"Duplicate key '{name}': each field may appear once.");
                        }

                        topLevelField = keys.Count == 1 ? name : null;
                        break;
                    case JsonTokenType.String when keys.Count == 1 && topLevelField is not null && enumFields.TryGetValue(topLevelField, out var enumType):
                        // The serializer would take "ONDEMAND" for onDemand; the documented values are exact.
                        var value = reader.GetString()!;
                        if (!JsonSetup.EnumNames(enumType).Contains(value, StringComparer.Ordinal))
                        {
                            return (topLevelField, $"'{value}' is not a value of {topLevelField}. Expected {Expected(enumType)}.");
                        }

                        break;
                }
            }

            return null;
        }
        catch (JsonException ex)
        {
            return ("$", $"The body is not well-formed JSON: {ex.Message}");
        }
    }

    private static (string Field, string Message) Describe(JsonException ex)
    {
        const string unmapped = "could not be mapped to any .NET member";
        if (ex is ListItemJsonException item)
        {
            var at = ex.Path ?? "$";
            var listName = at.StartsWith("$.", StringComparison.Ordinal) ? at[2..] : at;
            var bracket = listName.IndexOf('[', StringComparison.Ordinal);
            listName = bracket > 0 ? listName[..bracket] : listName;
            var list = ScenarioLists.Find(listName);
            var members = list is null ? "" : string.Join(", ", list.Columns.Select(c => c.Name));
            if (ex.Message.Contains(unmapped, StringComparison.Ordinal))
            {
                var member = ex.Message.Split('\'') is { Length: > 2 } parts ? parts[1] : "?";
                return ($"{listName}{item.Member}", $"Unknown member '{member}'. Members: {members}.");
            }

            var column = list?.Columns.FirstOrDefault(c => item.Member.EndsWith("." + c.Name, StringComparison.Ordinal));
            return ($"{listName}{item.Member}", column is null
                ? $"Expected an object with members {members}."
                : column.Kind == ListColumnKind.Number ? "Expected a number (or null)." : "Expected a string.");
        }

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

    internal static string Expected(Type type) => type switch
    {
        _ when type == typeof(int) || type == typeof(long) => "a whole number",
        _ when type == typeof(double) || type == typeof(decimal) => "a number",
        _ when type == typeof(bool) => "true or false",
        _ when type == typeof(string) => "a string",
        _ when type == typeof(PathList) => "an array of path ids",
        _ when type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ItemList<>) => "an array of objects (see the Scenario schema)",
        { IsEnum: true } => "one of (exactly as written): " + string.Join(", ", JsonSetup.EnumNames(type)),
        _ when Nullable.GetUnderlyingType(type) is { } inner => Expected(inner),
        _ => "a valid value",
    };
}
