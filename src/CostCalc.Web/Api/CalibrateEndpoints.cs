using System.Reflection;
using System.Text.Json;
using CostCalc.Domain.Calibration;
using CostCalc.Web.Hosting;
using Microsoft.Extensions.Options;

namespace CostCalc.Web.Api;

/// <summary>The derived inputs of <c>POST /api/calibrate</c>, under the scenario's own field names, and how they were worked out.</summary>
/// <param name="Inputs">Scenario field name → value, ready to merge into a scenario for <c>/api/estimate</c>.</param>
/// <param name="Derivations">Each derived input with its label, unit and arithmetic.</param>
/// <param name="Notes">What the figures include and leave out, and the inputs that were not derived.</param>
/// <param name="MemorySummary">What was read from the paste, in words.</param>
/// <param name="Memory">The paste's figures, in bytes.</param>
/// <param name="Baseline">The baseline paste's figures, when one was given.</param>
internal sealed record CalibrationResponse(
    IReadOnlyDictionary<string, double> Inputs,
    IReadOnlyList<CalibratedInput> Derivations,
    IReadOnlyList<string> Notes,
    string MemorySummary,
    MemorySnapshot Memory,
    MemorySnapshot? Baseline);

/// <summary>
/// POST /api/calibrate: one VM's <c>:erlang.memory()</c> paste (or Prometheus scrape), its connection count and,
/// optionally, message rate and CPU utilisation → memory per connection, base memory, messages per connection and
/// CPU per message (docs/model.md §4.7). Hardened like the other JSON endpoints: JSON only (415), cross-site
/// browser requests refused (403), a size limit (413), exact-case names, unknown and duplicate keys refused (400).
/// Nothing is stored.
/// </summary>
internal static class CalibrateEndpoints
{
    /// <summary>Two pastes of <see cref="MemoryPaste.MaxChars"/> characters each, with room for JSON escapes.</summary>
    public const int MaxBytes = 192 * 1024;

    private static readonly Dictionary<string, Type> EnumFields = new(StringComparer.Ordinal) { ["memoryUnit"] = typeof(MemoryUnit) };

    public static void MapCalibrateEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api").WithTags("Calibration").MapPost("/calibrate", CalibrateAsync)
            .RefuseCrossSite()
            .RequireJson<CalibrationRequest>()
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                if (operation.RequestBody?.Content?.TryGetValue("application/json", out var json) == true && json.Schema is Microsoft.OpenApi.OpenApiSchema schema)
                {
                    schema.Required = new HashSet<string>(StringComparer.Ordinal) { "memory", "connections" };
                }

                return Task.CompletedTask;
            })
            .Produces<CalibrationResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .WithSummary("Derive memory per connection, BEAM base memory and CPU per message from one running VM's :erlang.memory() or Prometheus scrape")
            .WithDescription("memory (the paste) and connections are required. messagesPerSecond adds messagesPerConnectionPerSecond; with "
                + "cpuUtilisationPercent and vcpus it adds cpuMicrosecondsPerMessage. baselineMemory (a paste at baselineConnections, default 0) "
                + "measures beamBaseMemoryMiB; without it the model's default base (or beamBaseMemoryMiB) is subtracted. memoryUnit names the "
                + "unit of telemetry_metrics_prometheus' vm_memory_* values (bytes by default). A paste that cannot be read, or a derived value "
                + "outside its input's range, is a 400 naming the request field.");
    }

    private static async Task<IResult> CalibrateAsync(HttpRequest request)
    {
        var (body, problem) = await ReadAsync(request);
        if (problem is not null)
        {
            return problem;
        }

        var outcome = Calibrator.Derive(body!);
        if (outcome.Result is not { } result)
        {
            return Invalid(outcome.Problems.GroupBy(p => p.Field).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray()));
        }

        var inputs = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var input in result.Inputs)
        {
            inputs[input.Field] = input.Value;
        }

        return TypedResults.Ok(new CalibrationResponse(inputs, result.Inputs, result.Notes, result.Memory.Describe(), result.Memory, result.Baseline));
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ValidationProblem Invalid(IDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: "The measurement cannot be used",
            detail: string.Join(" ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));

    private static async Task<(CalibrationRequest? Body, IResult? Problem)> ReadAsync(HttpRequest request)
    {
        var timeout = TimeSpan.FromSeconds(request.HttpContext.RequestServices.GetRequiredService<IOptions<HttpOptions>>().Value.RequestBodyTimeoutSeconds);
        byte[]? body;
        try
        {
            body = await ScenarioBody.ReadBoundedAsync(request.Body, timeout, request.HttpContext.RequestAborted, MaxBytes);
        }
        catch (BadHttpRequestException e)
        {
            return (null, TypedResults.Problem(statusCode: e.StatusCode, title: e.StatusCode == StatusCodes.Status408RequestTimeout
                ? "Request body too slow" : "Request body refused", detail: e.Message));
        }
        catch (OperationCanceledException) when (!request.HttpContext.RequestAborted.IsCancellationRequested)
        {
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status408RequestTimeout, title: "Request body too slow",
                detail: $"The body did not arrive within {timeout.TotalSeconds:0.#} s."));
        }

        if (body is null)
        {
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge,
                title: "Measurement too large", detail: $"A calibration request must be at most {MaxBytes / 1024} KiB of JSON; paste one VM's memory figures."));
        }

        if (body.Length == 0)
        {
            return (new CalibrationRequest(), null);
        }

        if (ScenarioBody.CheckSyntax(body, EnumFields) is { } syntax)
        {
            return (null, Invalid(new Dictionary<string, string[]> { [syntax.Field] = [syntax.Message] }));
        }

        try
        {
            return (JsonSerializer.Deserialize<CalibrationRequest>(body, JsonSetup.Options) ?? new CalibrationRequest(), null);
        }
        catch (JsonException ex)
        {
            var (field, message) = Describe(ex);
            return (null, Invalid(new Dictionary<string, string[]> { [field] = [message] }));
        }
    }

    private static (string Field, string Message) Describe(JsonException ex)
    {
        if (ex.Message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal))
        {
            var name = ex.Message.Split('\'') is { Length: > 2 } parts ? parts[1] : "?";
            return (name, $"Unknown field '{name}'. Expected memory, connections, messagesPerSecond, cpuUtilisationPercent, vcpus, "
                + "baselineMemory, baselineConnections, beamBaseMemoryMiB or memoryUnit (see /openapi/v1.json).");
        }

        var path = ex.Path ?? "$";
        var field = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;
        if (field == "$")
        {
            return ("$", "The body must be a JSON object with memory and connections.");
        }

        var property = typeof(CalibrationRequest).GetProperty(field, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
        return (field, $"Expected {(property is null ? "a valid value" : ScenarioBody.Expected(property.PropertyType))}.");
    }
}
