using System.IO.Compression;
using CostCalc.Web.Api;
using CostCalc.Web.Components;
using CostCalc.Web.Pricing;
using CostCalc.Web.Reports;
using Microsoft.AspNetCore.ResponseCompression;
using MudBlazor.Services;

namespace CostCalc.Web.Hosting;

/// <summary>All of the app's wiring, so Program.cs stays a few lines.</summary>
public static class CostCalcHosting
{
    public static WebApplicationBuilder AddCostCalc(this WebApplicationBuilder builder)
    {
        // Serve library assets (MudBlazor, blazor.web.js) from the build output in every environment,
        // so `dotnet run` works without ASPNETCORE_ENVIRONMENT=Development; published apps carry them.
        builder.WebHost.UseStaticWebAssets();
        var services = builder.Services;
        services.ConfigureHttpJsonOptions(o => JsonSetup.Configure(o.SerializerOptions));
        services.AddProblemDetails();
        services.AddHttpLimits(builder.Configuration);
        services.AddOpenApi(o =>
        {
            o.AddDocumentTransformer<ScenarioSchemaTransformer>();
            // "servers" from Http:PublicBaseUrl, never from the request's Host header; without it none is listed,
            // and clients resolve paths against the document's own URL (the OpenAPI default).
            o.AddDocumentTransformer((document, context, _) =>
            {
                var urls = context.ApplicationServices.GetRequiredService<PublicUrls>();
                document.Servers = urls.PublicBase is { } publicBase ? [new Microsoft.OpenApi.OpenApiServer { Url = publicBase.GetLeftPart(UriPartial.Authority) }] : [];
                return Task.CompletedTask;
            });
        });
        services.AddReadiness();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<Components.Calculator.SharedResults>();
        services.AddLivePricing(builder.Configuration, builder.Environment.ContentRootPath);

        // Pages and MudBlazor's assets compressed on the fly: the prerendered calculator is ~180 KB of HTML, and
        // MudBlazor's fingerprinted CSS/JS (what @Assets links) get no precompressed copies from the SDK (627 KB
        // of CSS). Over HTTPS too: pages carry no secret an attacker could probe with reflected input (BREACH)
        // except the share ids of saved reports, so those paths stay uncompressed (see UseCostCalc).
        services.AddResponseCompression(o => o.EnableForHttps = true);
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);

        services.AddRazorComponents().AddCircuitPersistence().AddInteractiveServerComponents();
        services.AddBlazorServerLimits(builder.Configuration);
        services.AddMudServices();
        builder.AddCostCalcReports();
        services.AddCostCalcPdf(builder.Configuration);
        return builder;
    }

    /// <summary>
    /// What must hold before the app listens: valid Http and BlazorServer settings and a report database that opens,
    /// migrates and takes a write. Returns the one line to print before exiting with 1, or null.
    /// </summary>
    public static string? StartupProblem(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return SettingsProblem<HttpOptions>(app.Services)
            ?? SettingsProblem<BlazorServerLimitsOptions>(app.Services)
            ?? ReportServices.OpenAtStartup(app.Services);
    }

    /// <summary>
    /// A settings section that cannot be used: out of range (the section's validator names the setting and its bounds)
    /// or not a number at all (the configuration binder names the key and the type).
    /// </summary>
    private static string? SettingsProblem<TOptions>(IServiceProvider services)
        where TOptions : class
    {
        try
        {
            _ = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<TOptions>>().Value;
            return null;
        }
        catch (Microsoft.Extensions.Options.OptionsValidationException e)
        {
            return $"CostCalc cannot start: {string.Join(" ", e.Failures)}";
        }
        catch (InvalidOperationException e) when (e.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal))
        {
            return $"CostCalc cannot start: {e.Message}";
        }
    }

    public static WebApplication UseCostCalc(this WebApplication app)
    {
        // First, so every response, errors included, carries the security headers.
        app.UseReportSecurityHeaders();
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/error",
            CreateScopeForErrors = true,
            StatusCodeSelector = ProblemExceptionHandler.StatusFor,
        });
        app.UseApiProblems();
        app.UseRequestLimits();
        app.UseWhen(context => !ReportSecurityHeaders.Applies(context.Request.Path), branch => branch.UseResponseCompression());
        app.UseCostCalcReports();
        app.UseStatusCodePages();
        app.UseStaticFiles();
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapOpenApi();
        app.MapHealthEndpoints();
        app.MapEstimateEndpoints();
        app.MapCatalogEndpoints();
        app.MapPricingEndpoints();
        app.MapPdfEndpoints();
        app.MapCalibrateEndpoints();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
