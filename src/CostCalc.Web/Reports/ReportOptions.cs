namespace CostCalc.Web.Reports;

public enum ReportStoreProvider
{
    Sqlite,
    Postgres,
}

/// <summary>The "Reports" section of appsettings.json: where saved reports live and how fast clients may save.</summary>
public sealed class ReportOptions
{
    public const string Section = "Reports";

    /// <summary>Sqlite (one instance, zero set-up) or Postgres (several instances sharing one database).</summary>
    public ReportStoreProvider Provider { get; set; } = ReportStoreProvider.Sqlite;

    /// <summary>The SQLite file; a relative path resolves against the content root. Created on first run.</summary>
    public string SqlitePath { get; set; } = "data/costcalc.db";

    /// <summary>Npgsql connection string, used when <see cref="Provider"/> is Postgres.</summary>
    public string PostgresConnectionString { get; set; } = "";

    /// <summary>Saves a client may make per minute, through the API and the Share button together.</summary>
    public int SavesPerMinutePerClient { get; set; } = 10;

    /// <summary>
    /// Proxies in front of the app that append to X-Forwarded-For. 0 (the default) ignores the header
    /// and keys clients by the connection's address, since any client can send the header.
    /// </summary>
    public int ForwardedForHops { get; set; }

    /// <summary>Largest stored scenario JSON (bytes).</summary>
    public int MaxScenarioBytes { get; set; } = 64 * 1024;

    /// <summary>Largest stored estimate JSON (bytes); a 60-month estimate is about 30 KB.</summary>
    public int MaxEstimateBytes { get; set; } = 512 * 1024;

    /// <summary>Checks the values; returns the problems (empty when valid).</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Provider == ReportStoreProvider.Sqlite && string.IsNullOrWhiteSpace(SqlitePath))
        {
            problems.Add("Reports:SqlitePath is required when Reports:Provider is Sqlite.");
        }

        if (Provider == ReportStoreProvider.Postgres && string.IsNullOrWhiteSpace(PostgresConnectionString))
        {
            problems.Add("Reports:PostgresConnectionString is required when Reports:Provider is Postgres.");
        }

        if (SavesPerMinutePerClient is < 1 or > 10_000)
        {
            problems.Add("Reports:SavesPerMinutePerClient must be between 1 and 10,000.");
        }

        if (ForwardedForHops is < 0 or > 10)
        {
            problems.Add("Reports:ForwardedForHops must be between 0 and 10.");
        }

        if (MaxScenarioBytes < 1024 || MaxEstimateBytes < 16 * 1024)
        {
            problems.Add("Reports:MaxScenarioBytes must be at least 1,024 and Reports:MaxEstimateBytes at least 16,384.");
        }

        return problems;
    }
}
