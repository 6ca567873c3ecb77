using CostCalc.Domain.Estimation;
using CostCalc.Pricing.Snapshot;
using CostCalc.Web.Api;
using CostCalc.Web.Pricing;

namespace CostCalc.Web.Hosting;

/// <summary>All of the app's wiring, so Program.cs stays a few lines.</summary>
public static class CostCalcHosting
{
    public static WebApplicationBuilder AddCostCalc(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.ConfigureHttpJsonOptions(o => JsonSetup.Configure(o.SerializerOptions));
        services.AddProblemDetails();
        services.AddOpenApi(o => o.AddSchemaTransformer<ScenarioSchemaTransformer>());
        services.AddHealthChecks();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(_ =>
        {
            var snapshot = EmbeddedSnapshot.Load();
            return new CurrentPrices(new Estimator(snapshot.Catalog, snapshot.Prices));
        });
        return builder;
    }

    public static WebApplication UseCostCalc(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.MapOpenApi();
        app.MapHealthChecks("/healthz");
        app.MapEstimateEndpoints();
        app.MapCatalogEndpoints();
        return app;
    }
}
