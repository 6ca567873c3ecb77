using CostCalc.Web.Reports;

namespace CostCalc.Web.Hosting;

/// <summary>
/// Exceptions that mean something to the client get a status that says so instead of a 500 page: Kestrel's
/// own verdicts on the request (408 for a body slower than MinRequestBodyDataRate, 413, 400) and an
/// unavailable report database (503, with Retry-After). API, PDF and health requests get problem+json from
/// <see cref="UseApiProblems"/>; pages get the error page with that status (<see cref="StatusFor"/> is the
/// exception handler's status selector).
/// </summary>
internal static partial class ProblemExceptionHandler
{
    public static int StatusFor(Exception exception) => exception switch
    {
        BadHttpRequestException bad => bad.StatusCode,
        _ when ReportStoreFailure.IsStorageFailure(exception) => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status500InternalServerError,
    };

    public static bool WantsProblem(HttpRequest request) =>
        request.Path.StartsWithSegments("/api", StringComparison.Ordinal)
        || request.Path.Value?.EndsWith(".pdf", StringComparison.Ordinal) == true
        || request.Path.StartsWithSegments("/healthz", StringComparison.Ordinal);

    /// <summary>Inside the exception handler: answers the exceptions above on API paths with problem+json, rethrows the rest.</summary>
    public static IApplicationBuilder UseApiProblems(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (Exception exception) when (StatusFor(exception) != StatusCodes.Status500InternalServerError
                && WantsProblem(context.Request) && !context.Response.HasStarted)
            {
                var status = StatusFor(exception);
                var (title, detail) = status switch
                {
                    StatusCodes.Status503ServiceUnavailable => ("Report storage unavailable",
                        "Saved reports cannot be read or written right now; estimates still work. Retry later."),
                    StatusCodes.Status408RequestTimeout => ("Request body too slow", exception.Message),
                    _ => ("Request refused", exception.Message),
                };
                if (status == StatusCodes.Status503ServiceUnavailable)
                {
                    var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ProblemExceptionHandler));
                    LogStoreUnavailable(logger, context.Request.Path, ReportStoreFailure.Reason(exception));
                }

                context.Response.Clear();
                if (status == StatusCodes.Status503ServiceUnavailable)
                {
                    context.Response.Headers.RetryAfter = "30";
                }

                await TypedResults.Problem(statusCode: status, title: title, detail: detail).ExecuteAsync(context);
            }
        });

    [LoggerMessage(Level = LogLevel.Error, Message = "Report store unavailable during {Path}: {Reason}")]
    private static partial void LogStoreUnavailable(ILogger logger, string path, string reason);
}
