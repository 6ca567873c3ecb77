using System.Security.Cryptography;

namespace CostCalc.Web.Reports;

/// <summary>
/// Headers on every response, pages, API, PDFs and static files alike (first used for shared report pages,
/// hence the name): a CSP that allows only this origin's scripts and connections (plus inline styles,
/// which MudBlazor's components set), no plugins, no foreign base URL or form target and no framing; no
/// MIME sniffing; and no Referer, so a report's or a scenario's link never leaks to a site it links to.
/// The one inline script Blazor writes (the import map) carries a per-request nonce that App.razor reads
/// with <see cref="NonceOf"/>. Blazor Server needs nothing more: its script is 'self' and its WebSocket
/// to /_blazor is covered by connect-src 'self' (CSP Level 3 lets 'self' match ws:/wss: on the same host).
/// </summary>
public static class ReportSecurityHeaders
{
    private const string NonceKey = "CostCalc.CspNonce";
    private const string NotFoundKey = "CostCalc.ReportNotFound";

    public static string ContentSecurityPolicy(string nonce) =>
        "default-src 'self'; base-uri 'self'; object-src 'none'; frame-ancestors 'none'; form-action 'self'; " +
        $"script-src 'self' 'nonce-{nonce}'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'";

    /// <summary>
    /// Makes this response a 404 while keeping the page the component rendered as its body. (Setting
    /// the status during prerendering makes Blazor drop the body for the status-code pages.)
    /// </summary>
    public static void MarkNotFound(HttpContext? context)
    {
        if (context is not null)
        {
            context.Items[NotFoundKey] = true;
        }
    }

    /// <summary>The nonce of this response's CSP, or null where no CSP is sent.</summary>
    public static string? NonceOf(HttpContext? context) => context?.Items[NonceKey] as string;

    /// <summary>Paths whose responses carry share ids (kept out of response compression; see CostCalcHosting).</summary>
    public static bool Applies(PathString path) =>
        path.StartsWithSegments("/r", StringComparison.Ordinal) || path.StartsWithSegments("/api/reports", StringComparison.Ordinal);

    public static IApplicationBuilder UseReportSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)); // hex: nothing for HTML to escape
            context.Items[NonceKey] = nonce;
            // At the last moment, so the policy replaces Blazor's own frame-ancestors 'self' header, and error
            // responses (whose headers the exception handler clears) still get it.
            context.Response.OnStarting(() =>
            {
                if (context.Items.ContainsKey(NotFoundKey))
                {
                    context.Response.StatusCode = StatusCodes.Status404NotFound;
                }

                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy(nonce);
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY"; // for browsers without frame-ancestors; replaces antiforgery's SAMEORIGIN
                headers["Referrer-Policy"] = "no-referrer";
                headers.Remove("Server");
                return Task.CompletedTask;
            });
            return next(context);
        });
}
