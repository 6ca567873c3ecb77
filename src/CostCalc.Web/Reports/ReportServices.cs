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

    /// <summary>HSTS (outside Development) and the report API. (The security headers are set first of all, in CostCalcHosting.)</summary>
    public static WebApplication UseCostCalcReports(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.MapReportEndpoints();
        return app;
    }

    /// <summary>
    /// Creates the configured store, brings its schema up to date (creating a SQLite file on first run) and
    /// proves it can be read and written. Any failure is a <see cref="ReportStoreUnavailableException"/>
    /// naming the database and the reason (Program.cs prints it as one line and exits with 1).
    /// </summary>
    public static ReportStore Open(ReportOptions options, string contentRoot, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        var location = ReportStoreFailure.Location(options, contentRoot);
        ReportStore? store = null;
        try
        {
            store = options.Provider == ReportStoreProvider.Postgres
                ? new PostgresReportStore(options.PostgresConnectionString, time)
                : new SqliteReportStore(location, time);
            var version = store.Migrate();
            store.ProbeAsync().GetAwaiter().GetResult();
            LogOpened(logger, store.Provider, version, store is SqliteReportStore ? location : "(shared database)");
            return store;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            store?.DisposeAsync().AsTask().GetAwaiter().GetResult();
            throw new ReportStoreUnavailableException(location, ReportStoreFailure.Reason(e), e);
        }
    }

    /// <summary>
    /// Opens the report store now rather than at the first request, so a database that cannot be used stops
    /// start-up. Returns the one line to print (and exit 1 with), or null when the store is ready.
    /// </summary>
    public static string? OpenAtStartup(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        try
        {
            services.GetRequiredService<ReportStore>();
            return null;
        }
        catch (ReportStoreUnavailableException e)
        {
            return $"CostCalc cannot start: {e.Message}";
        }
        catch (OptionsValidationException e)
        {
            return $"CostCalc cannot start: {string.Join(" ", e.Failures)}";
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Report store: {Provider} at schema version {Version}, {Location}")]
    private static partial void LogOpened(ILogger logger, string provider, int version, string location);
}
