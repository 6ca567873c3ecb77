using CostCalc.Web.Api;
using CostCalc.Web.Components;
using CostCalc.Web.Pricing;
using CostCalc.Web.Reports;
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
        services.AddOpenApi(o => o.AddSchemaTransformer<ScenarioSchemaTransformer>());
        services.AddHealthChecks();
        services.AddSingleton(TimeProvider.System);
        services.AddLivePricing(builder.Configuration, builder.Environment.ContentRootPath);

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
