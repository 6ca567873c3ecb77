namespace CostCalc.Domain.Estimation;

/// <summary>
/// The analyses built on an estimate rather than part of it: the cost bridge (each month of the horizon costed again
/// for every reason a path's compute differs) and the crossover (every path at 41 connection counts, bisected where
/// the cheapest changes). Each is tens of estimates' work, so <see cref="Estimate"/> asks for it only when a view,
/// the API, a report or a PDF reads it; the result is the same whenever it is asked for, since plans are pure.
/// </summary>
/// <param name="Paths">The shown paths with their plans, in display order.</param>
/// <param name="Counts">The connections of every month of the projection.</param>
/// <param name="PeakConnections">The scenario's peak connections, the crossover's marker.</param>
internal sealed record EstimateAnalyses(
    IReadOnlyList<(string Id, string Name, IPathPlan Plan)> Paths,
    double[] Counts,
    long PeakConnections,
    Verdict Verdict,
    IReadOnlyList<PathEstimate> Estimates)
{
    public IReadOnlyList<CostBridge> Bridges() => CostBridge.Build(Paths, Counts, Verdict, Estimates);

    public Crossover? Crossover() => Estimation.Crossover.Build(Paths, PeakConnections);
}
