namespace CostCalc.Reports;

/// <summary>Marker for the reports assembly (store and PDF live in Store/ and Pdf/).</summary>
public static class ReportsAssembly;
