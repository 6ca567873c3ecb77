using CostCalc.Reports.Store;
using CostCalc.Web.Api;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;

namespace CostCalc.Web.Reports;

/// <summary>Wiring for saved reports: options, the store (migrated on start), Data Protection keys in it, rate limits, endpoints, headers.</summary>
public static partial class ReportServices
{
    public static WebApplicationBuilder AddCostCalcReports(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ReportOptions>()
            .Bind(builder.Configuration.GetSection(ReportOptions.Section))
            .Validate(o => o.Problems().Count == 0, "Invalid Reports configuration (see the log for each problem).")
            .ValidateOnStart();
        var contentRoot = builder.Environment.ContentRootPath;
        services.AddSingleton(sp => Open(sp.GetRequiredService<IOptions<ReportOptions>>().Value, contentRoot,
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ReportServices))));
        services.AddSingleton<SaveRateLimiter>();
        services.AddSingleton<ReportService>();

        // One key ring for every instance on the same database; the name keeps it independent of the install path.
        services.AddDataProtection().SetApplicationName("CostCalc");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(o =>
            o.XmlRepository = new StoreXmlRepository(sp.GetRequiredService<ReportStore>(), sp.GetRequiredService<TimeProvider>())));
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = true;
        });
        return builder;
    }

    /// <summary>HSTS (outside Development), the report pages' headers and the report API.</summary>
    public static WebApplication UseCostCalcReports(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseReportSecurityHeaders();
        app.MapReportEndpoints();
        return app;
    }

    /// <summary>Creates the configured store and brings its schema up to date (creating a SQLite file on first run).</summary>
    public static ReportStore Open(ReportOptions options, string contentRoot, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ReportStore store = options.Provider == ReportStoreProvider.Postgres
            ? new PostgresReportStore(options.PostgresConnectionString, time)
            : new SqliteReportStore(Path.GetFullPath(Path.Combine(contentRoot, options.SqlitePath)), time);
        var version = store.Migrate();
        LogOpened(logger, store.Provider, version, store is SqliteReportStore sqlite ? sqlite.Path : "(shared database)");
        return store;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Report store: {Provider} at schema version {Version}, {Location}")]
    private static partial void LogOpened(ILogger logger, string provider, int version, string location);
}
