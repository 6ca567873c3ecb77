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
        services.AddOpenApi(o => o.AddDocumentTransformer<ScenarioSchemaTransformer>());
        services.AddHealthChecks();
        services.AddSingleton(TimeProvider.System);
        services.AddLivePricing(builder.Configuration, builder.Environment.ContentRootPath);

        // Pages and MudBlazor's assets compressed on the fly: the prerendered calculator is ~180 KB of HTML, and
        // MudBlazor's fingerprinted CSS/JS (what @Assets links) get no precompressed copies from the SDK (627 KB
        // of CSS). Over HTTPS too: pages carry no secret an attacker could probe with reflected input (BREACH)
        // except the share ids of saved reports, so those paths stay uncompressed (see UseCostCalc).
        services.AddResponseCompression(o => o.EnableForHttps = true);
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);

        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddBlazorServerLimits(builder.Configuration);
        services.AddMudServices();
        builder.AddCostCalcReports();
        services.AddCostCalcPdf(builder.Configuration);
        return builder;
    }

    public static WebApplication UseCostCalc(this WebApplication app)
    {
        app.UseExceptionHandler("/error", createScopeForErrors: true);
        app.UseWhen(context => !ReportSecurityHeaders.Applies(context.Request.Path), branch => branch.UseResponseCompression());
        app.UseCostCalcReports();
        app.UseStatusCodePages();
        app.UseStaticFiles();
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapOpenApi();
        app.MapHealthChecks("/healthz");
        app.MapEstimateEndpoints();
        app.MapCatalogEndpoints();
        app.MapPricingEndpoints();
        app.MapPdfEndpoints();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
