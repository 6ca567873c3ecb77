namespace CostCalc.Web.Reports;

/// <summary>
/// The rate-limit key of the browser behind a circuit, taken from the HTTP request that loaded the
/// page and handed to the interactive root as a parameter (which Blazor protects with Data
/// Protection, so a client cannot change it). Circuits have no HttpContext of their own.
/// </summary>
public sealed record ReportClient(string Key);
