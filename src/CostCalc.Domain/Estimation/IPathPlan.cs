namespace CostCalc.Domain.Estimation;

/// <summary>One deployment path, prepared once per scenario and sized for any connection count.</summary>
internal interface IPathPlan
{
    DeploymentPath Path { get; }

    PathSize Size(double connections);

    /// <summary>Writes the monthly amount of every <see cref="CostKind"/> into <paramref name="amounts"/>.</summary>
    void Price(PathSize size, double connections, Span<decimal> amounts);

    /// <summary>The named cost lines behind <see cref="Price"/>, for display.</summary>
    IReadOnlyList<CostLine> Lines(PathSize size, double connections);

    ResourceSplit MemorySplit(PathSize size, double connections);

    ResourceSplit CpuSplit(PathSize size, double connections);

    IEnumerable<Warning> Warnings(PathSize size);
}

internal static class PathPlanExtensions
{
    public static readonly int CostKinds = Enum.GetValues<CostKind>().Length;

    public static decimal MonthlyUsd(this IPathPlan plan, PathSize size, double connections)
    {
        Span<decimal> amounts = stackalloc decimal[CostKinds];
        plan.Price(size, connections, amounts);
        var total = 0m;
        foreach (var amount in amounts)
        {
            total += amount;
        }

        return total;
    }
}
