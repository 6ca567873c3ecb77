namespace CostCalc.Reports.Store;

/// <summary>One schema step of one SQL dialect; applied once, in version order, recorded in schema_migrations.</summary>
public sealed record Migration(int Version, string Name, string Sql);
