using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace CostCalc.Web.Hosting;

/// <summary>
/// The "Http" section of appsettings.json: the public address of the app and the limits on what a
/// request may take (the reasons are written beside the values there and in the README).
/// </summary>
public sealed class HttpOptions
{
    public const string Section = "Http";

    /// <summary>
    /// The address users reach the app at (e.g. "https://costcalc.example.com"). When set it is the only
    /// origin allowed to write, the host printed in PDF links and the OpenAPI "servers" entry; the request's
    /// Host header is then never echoed. Empty: links fall back to loopback hosts only, "servers" is left out.
    /// </summary>
    public string PublicBaseUrl { get; set; } = "";

    /// <summary>A request body slower than this (after the grace period) is cut off with 408 (Kestrel's MinRequestBodyDataRate).</summary>
    public double MinRequestBodyBytesPerSecond { get; set; } = 240;

    /// <summary>How long a body may stay below <see cref="MinRequestBodyBytesPerSecond"/> before the cut (more than 1 s, Kestrel's heartbeat).</summary>
    public double RequestBodyGraceSeconds { get; set; } = 5;

    /// <summary>Time allowed to receive a whole JSON body (a 64 KiB scenario at the minimum rate takes ~4.5 min otherwise); then 408.</summary>
    public double RequestBodyTimeoutSeconds { get; set; } = 10;

    /// <summary>Longest request target (path + query) the app answers; longer gets 414 problem+json. Kestrel's hard limit is twice this.</summary>
    public int MaxRequestTargetBytes { get; set; } = 8 * 1024;

    /// <summary>Largest request headers (names + values) the app answers; larger gets 431 problem+json. Kestrel's hard limit is twice this.</summary>
    public int MaxRequestHeadersBytes { get; set; } = 32 * 1024;

    /// <summary>The configured base URL without a trailing slash, or null when none is set.</summary>
    public Uri? PublicBase => Uri.TryCreate(PublicBaseUrl.TrimEnd('/'), UriKind.Absolute, out var uri) ? uri : null;

    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (!string.IsNullOrWhiteSpace(PublicBaseUrl) &&
            (PublicBase is not { } b || (b.Scheme != Uri.UriSchemeHttp && b.Scheme != Uri.UriSchemeHttps) || b.PathAndQuery.Length > 1))
        {
            problems.Add($"Http:PublicBaseUrl must be an absolute http(s) URL without a path, e.g. https://costcalc.example.com (got '{PublicBaseUrl}').");
        }

        if (MinRequestBodyBytesPerSecond is < 1 or > 1_000_000 || RequestBodyGraceSeconds is <= 1 or > 600)
        {
            problems.Add("Http:MinRequestBodyBytesPerSecond must be between 1 and 1,000,000 and Http:RequestBodyGraceSeconds above 1 (Kestrel requires more than its 1 s heartbeat) and at most 600.");
        }

        if (RequestBodyTimeoutSeconds is < 1 or > 3600)
        {
            problems.Add("Http:RequestBodyTimeoutSeconds must be between 1 and 3,600.");
        }

        if (MaxRequestTargetBytes is < 1024 or > 1024 * 1024 || MaxRequestHeadersBytes is < 4096 or > 1024 * 1024)
        {
            problems.Add("Http:MaxRequestTargetBytes must be between 1,024 and 1,048,576 and Http:MaxRequestHeadersBytes between 4,096 and 1,048,576.");
        }

        return problems;
    }
}

internal sealed class HttpOptionsValidator : IValidateOptions<HttpOptions>
{
    public ValidateOptionsResult Validate(string? name, HttpOptions options) =>
        options.Problems() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
}

internal static class HttpLimits
{
    /// <summary>Binds <see cref="HttpOptions"/> and applies them to Kestrel when it starts (no Server header either).</summary>
    public static IServiceCollection AddHttpLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<HttpOptions>()
            .Bind(configuration.GetSection(HttpOptions.Section))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<HttpOptions>, HttpOptionsValidator>();
        services.AddOptions<KestrelServerOptions>().Configure<IConfiguration>((kestrel, config) =>
        {
            kestrel.AddServerHeader = false;
            // Read unvalidated: Kestrel's options are built inside WebApplicationBuilder.Build(), where a validation
            // exception would be a stack trace; invalid values keep Kestrel's defaults and StartupProblem reports them.
            var o = config.GetSection(HttpOptions.Section).Get<HttpOptions>() ?? new();
            if (o.Problems().Count > 0)
            {
                return;
            }

            kestrel.Limits.MinRequestBodyDataRate = new MinDataRate(o.MinRequestBodyBytesPerSecond, TimeSpan.FromSeconds(o.RequestBodyGraceSeconds));
            // Twice the app's own limits: between the two the app answers 414/431 with a problem body
            // (see RequestLimits); past Kestrel's, Kestrel answers alone, with an empty body.
            kestrel.Limits.MaxRequestLineSize = 2 * o.MaxRequestTargetBytes + 64;
            kestrel.Limits.MaxRequestHeadersTotalSize = 2 * o.MaxRequestHeadersBytes;
        });
        services.AddSingleton<PublicUrls>();
        return services;
    }
}

/// <summary>
/// The app's own origin and absolute links, never taken from a Host header an attacker can forge:
/// <see cref="HttpOptions.PublicBaseUrl"/> when set, else the request's host only when it is a loopback name.
/// </summary>
public sealed class PublicUrls(IOptions<HttpOptions> options)
{
    public Uri? PublicBase => options.Value.PublicBase;

    /// <summary>An absolute link to <paramref name="path"/> (starting with "/"), or the path alone when no trustworthy host is known.</summary>
    public string Link(HttpRequest request, string path)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (PublicBase is { } configured)
        {
            return configured.GetLeftPart(UriPartial.Authority) + path;
        }

        return IsLoopback(request.Host.Host) ? $"{request.Scheme}://{request.Host}{path}" : path;
    }

    /// <summary>True when the Origin header names this app: the public base URL's origin, else the request's own host (any scheme: a proxy may end TLS).</summary>
    public bool IsOwnOrigin(HttpRequest request, string origin)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var given) || (given.Scheme != Uri.UriSchemeHttp && given.Scheme != Uri.UriSchemeHttps))
        {
            return false; // "null" (sandboxed frames, privacy redirects) and anything else that is not an http(s) origin
        }

        if (PublicBase is { } configured)
        {
            return string.Equals(given.GetLeftPart(UriPartial.Authority), configured.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase);
        }

        var host = request.Host;
        return host.HasValue
            && string.Equals(given.Host.Trim('[', ']'), host.Host.Trim('[', ']'), StringComparison.OrdinalIgnoreCase)
            && (host.Port is { } port ? given.Port == port : given.IsDefaultPort);
    }

    private static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || (System.Net.IPAddress.TryParse(host.Trim('[', ']'), out var ip) && System.Net.IPAddress.IsLoopback(ip));
}
