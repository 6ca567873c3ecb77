namespace CostCalc.Domain.Catalog;

/// <summary>Where a set of figures came from and the date they describe.</summary>
public sealed record DataOrigin(string What, string Source, DateOnly AsOf);
