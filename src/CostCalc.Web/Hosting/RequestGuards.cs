using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Microsoft.OpenApi;

namespace CostCalc.Web.Hosting;

/// <summary>
/// What a request must be before an endpoint runs: state-changing endpoints refuse cross-site browser
/// requests (403) and bodies that are not JSON (415); PDF endpoints refuse being embedded by another site;
/// request targets and headers past the app's limits get 414/431 with a problem body.
/// </summary>
/// <remarks>
/// Cross-site means the browser says so (<c>Sec-Fetch-Site: cross-site</c> or <c>same-site</c>) or, where it
/// sends no Fetch Metadata, an <c>Origin</c> header that is not this app's (<see cref="PublicUrls.IsOwnOrigin"/>).
/// Scripts and curl send neither and pass. <c>Sec-Fetch-Site: same-origin</c> wins over <c>Origin</c>, because
/// our pages' <c>Referrer-Policy: no-referrer</c> makes browsers send <c>Origin: null</c> on their own POSTs.
/// </remarks>
internal static class RequestGuards
{
    private const string SecFetchSite = "Sec-Fetch-Site";
    private const string SecFetchMode = "Sec-Fetch-Mode";
    private const string SecFetchDest = "Sec-Fetch-Dest";

    /// <summary>403 problem+json for a cross-site browser request (checked before anything else of the request is read).</summary>
    public static RouteHandlerBuilder RefuseCrossSite(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter(async (context, next) => CrossSiteWrite(context.HttpContext) ?? await next(context))
            .ProducesProblem(StatusCodes.Status403Forbidden);

    /// <summary>
    /// 415 problem+json unless the body is <c>application/json</c> (UTF-8). With <paramref name="bodyRequired"/>
    /// false, a request without a body passes without a Content-Type (an endpoint that reads none).
    /// </summary>
    public static RouteHandlerBuilder RequireJson(this RouteHandlerBuilder builder, bool bodyRequired = true) =>
        builder.AddEndpointFilter(async (context, next) => NotJson(context.HttpContext, bodyRequired) ?? await next(context))
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

    /// <summary>
    /// <see cref="RequireJson"/> for an endpoint whose (optional) body is a <typeparamref name="TBody"/>, documented
    /// as the OpenAPI request body. (Not <c>Accepts&lt;T&gt;</c>: routing would answer other content types with a
    /// bare 415 before any filter runs, so a cross-site form post would not get its 403 nor any 415 its reason.)
    /// </summary>
    public static RouteHandlerBuilder RequireJson<TBody>(this RouteHandlerBuilder builder) =>
        builder.RequireJson().AddOpenApiOperationTransformer(async (operation, context, cancellation) =>
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = false,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/json"] = new() { Schema = await context.GetOrCreateSchemaAsync(typeof(TBody), null, cancellation) },
                },
            });

    /// <summary>
    /// 403 problem+json when another site embeds or fetches the resource (<c>&lt;img&gt;</c>, <c>&lt;iframe&gt;</c>,
    /// <c>fetch</c>); following a link to it from another site (a top-level navigation) is allowed.
    /// </summary>
    public static RouteHandlerBuilder RefuseCrossSiteEmbedding(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter(async (context, next) => CrossSiteEmbed(context.HttpContext) ?? await next(context))
            .ProducesProblem(StatusCodes.Status403Forbidden);

    public static IResult? CrossSiteWrite(HttpContext context)
    {
        var request = context.Request;
        var site = request.Headers[SecFetchSite].ToString();
        var origin = request.Headers.Origin.ToString();
        var refused = site switch
        {
            "same-origin" or "none" => false,
            "" => origin.Length > 0 && !context.RequestServices.GetRequiredService<PublicUrls>().IsOwnOrigin(request, origin),
            _ => true, // cross-site, same-site (another origin of the same site) or anything unknown
        };
        return refused
            ? Problem(StatusCodes.Status403Forbidden, "Cross-site request refused",
                $"This endpoint changes state and accepts no request another site's page makes (Sec-Fetch-Site: '{Shown(site)}', Origin: '{Shown(origin)}'). Call it from a script, or from this app's own pages.")
            : null;
    }

    public static IResult? CrossSiteEmbed(HttpContext context)
    {
        var headers = context.Request.Headers;
        var site = headers[SecFetchSite].ToString();
        if (site is "" or "same-origin" or "none")
        {
            return null;
        }

        var topLevelNavigation = headers[SecFetchMode] == "navigate" && headers[SecFetchDest] == "document";
        return topLevelNavigation
            ? null
            : Problem(StatusCodes.Status403Forbidden, "Cross-site embedding refused",
                $"Another site's page may link to a PDF but not load it itself (Sec-Fetch-Site: '{site}', Sec-Fetch-Dest: '{Shown(headers[SecFetchDest].ToString())}'): each render counts against the reader's PDF limit.");
    }

    public static IResult? NotJson(HttpContext context, bool bodyRequired)
    {
        var request = context.Request;
        var contentType = request.ContentType;
        if (string.IsNullOrEmpty(contentType))
        {
            var hasBody = context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody ?? request.ContentLength > 0;
            return !bodyRequired && !hasBody
                ? null
                : Problem(StatusCodes.Status415UnsupportedMediaType, "JSON required", "Send the body as application/json (no Content-Type was given).");
        }

        if (!MediaTypeHeaderValue.TryParse(contentType, out var type) || !type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return Problem(StatusCodes.Status415UnsupportedMediaType, "JSON required", $"Send the body as application/json, not '{Shown(contentType)}'.");
        }

        return type.Charset.HasValue && !type.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)
            ? Problem(StatusCodes.Status415UnsupportedMediaType, "JSON required", $"JSON bodies must be UTF-8, not '{Shown(type.Charset.ToString())}'.")
            : null;
    }

    /// <summary>414/431 with a problem body for targets and headers past <see cref="HttpOptions"/>' limits (Kestrel's own limits are higher).</summary>
    public static IApplicationBuilder UseRequestLimits(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var limits = context.RequestServices.GetRequiredService<IOptions<HttpOptions>>().Value;
            var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
            var target = string.IsNullOrEmpty(raw) ? context.Request.PathBase + context.Request.Path + context.Request.QueryString : raw;
            if (target.Length > limits.MaxRequestTargetBytes)
            {
                await Problem(StatusCodes.Status414UriTooLong, "URL too long",
                    $"The request target is {target.Length:#,0} bytes; at most {limits.MaxRequestTargetBytes:#,0} are answered.").ExecuteAsync(context);
                return;
            }

            long headerBytes = 0;
            foreach (var (name, values) in context.Request.Headers)
            {
                headerBytes += name.Length;
                foreach (var value in values)
                {
                    headerBytes += value?.Length ?? 0;
                }
            }

            if (headerBytes > limits.MaxRequestHeadersBytes)
            {
                await Problem(StatusCodes.Status431RequestHeaderFieldsTooLarge, "Request headers too large",
                    $"The request headers are {headerBytes:#,0} bytes; at most {limits.MaxRequestHeadersBytes:#,0} are answered.").ExecuteAsync(context);
                return;
            }

            await next(context);
        });

    public static IResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail);

    /// <summary>A header value fit to quote back: printable ASCII, at most 100 characters.</summary>
    private static string Shown(string value)
    {
        var printable = new string([.. value.Where(c => c is >= ' ' and <= '~').Take(100)]);
        return printable.Length == 0 ? "(none)" : printable;
    }
}
