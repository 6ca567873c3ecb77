namespace CostCalc.Reports.Store;

/// <summary>
/// One saved report as stored: inserted once, never updated. The JSON is kept as the exact text
/// that was written, so a report renders from the same numbers for as long as it exists.
/// </summary>
/// <param name="Id">See <see cref="ReportId"/>.</param>
/// <param name="CreatedUtc">When it was saved (UTC).</param>
/// <param name="SchemaVersion">Version of the scenario/estimate JSON format (not of the database schema).</param>
/// <param name="AppVersion">The saving app's informational version.</param>
/// <param name="SnapshotId">The price snapshot the estimate was computed with.</param>
/// <param name="ScenarioJson">The inputs.</param>
/// <param name="EstimateJson">The computed estimate, as shown when it was saved.</param>
public sealed record ReportRecord(
    string Id,
    DateTimeOffset CreatedUtc,
    int SchemaVersion,
    string AppVersion,
    string SnapshotId,
    string ScenarioJson,
    string EstimateJson);
