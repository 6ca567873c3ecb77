using CostCalc.Domain.Vocabulary;

namespace CostCalc.Domain.Estimation;

/// <summary>One path's month-1 cost at every count of the crossover grid; null where the path cannot run (a gap, never $0).</summary>
public sealed record CrossoverSeries(string Path, string Name, IReadOnlyList<decimal?> MonthlyUsd);

/// <summary>
/// Where the cheapest path changes: at <see cref="Connections"/> <see cref="To"/> costs less than <see cref="From"/>,
/// one connection fewer it does not (found by bisection between two grid counts).
/// </summary>
/// <param name="Usd">What <see cref="To"/> costs a month at that count.</param>
/// <param name="Sentence">"EKS becomes cheaper than EC2 above 3.2M connections".</param>
public sealed record CrossoverPoint(long Connections, string From, string To, decimal Usd, string Sentence);

/// <summary>
/// Month-1 cost of every shown path against peak connections, on a log grid from 1k to 100M (8 counts a decade), with
/// the points where the cheapest path changes (docs/model.md §7.14). Each count is sized with the scenario's plans as the
/// projection sizes a later month: the same inputs, new connections a second growing with the connections.
/// </summary>
/// <param name="Connections">The grid, ascending.</param>
/// <param name="Current">The scenario's peak connections, for the chart's marker.</param>
/// <param name="Sentences">The points' sentences, or one sentence saying which path is cheapest throughout.</param>
public sealed record Crossover(
    IReadOnlyList<long> Connections,
    IReadOnlyList<CrossoverSeries> Paths,
    IReadOnlyList<CrossoverPoint> Points,
    long Current,
    IReadOnlyList<string> Sentences)
{
    public const long From = 1_000;

    public const long To = 100_000_000;

    public const int PerDecade = 8;

    /// <summary>1k, 1.33k, 1.78k, … 100M: 10^(3 + i/8) rounded, 41 counts.</summary>
    public static IReadOnlyList<long> Grid { get; } = BuildGrid();

    private static long[] BuildGrid()
    {
        var decades = (int)Math.Round(Math.Log10((double)To / From));
        var grid = new long[(decades * PerDecade) + 1];
        for (var i = 0; i < grid.Length; i++)
        {
            grid[i] = (long)Math.Round(From * Math.Pow(10, (double)i / PerDecade));
        }

        return grid;
    }

    /// <summary>
    /// How much more than the cheapest path able to run there path <paramref name="path"/> costs at grid index
    /// <paramref name="index"/>, as a share of the cheapest's cost (0 for the cheapest itself); null where the path cannot
    /// run, or where every path that runs costs $0 but this one does not.
    /// </summary>
    public decimal? PremiumOverCheapest(int path, int index)
    {
        if (Paths[path].MonthlyUsd[index] is not { } own)
        {
            return null;
        }

        var cheapest = own;
        foreach (var series in Paths)
        {
            if (series.MonthlyUsd[index] is { } usd && usd < cheapest)
            {
                cheapest = usd;
            }
        }

        return own == cheapest ? 0 : cheapest > 0 ? (own / cheapest) - 1 : null;
    }

    /// <param name="paths">The shown paths with their plans, in display order.</param>
    public static Crossover Build(IReadOnlyList<(string Id, string Name, IPathPlan Plan)> paths, long current)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var sheet = CostSheet.Totals();
        var grid = Grid;
        var costs = new decimal?[paths.Count][];
        for (var p = 0; p < paths.Count; p++)
        {
            var row = new decimal?[grid.Count];
            for (var i = 0; i < grid.Count; i++)
            {
                row[i] = MonthlyUsd(paths[p].Plan, grid[i], sheet);
            }

            costs[p] = row;
        }

        var points = new List<CrossoverPoint>();
        var last = -1;
        var lastIndex = -1;
        for (var i = 0; i < grid.Count; i++)
        {
            var cheapest = Cheapest(costs, i);
            if (cheapest < 0)
            {
                continue;
            }

            if (last >= 0 && cheapest != last)
            {
                points.Add(Bisect(paths[last], paths[cheapest], grid[lastIndex], grid[i], sheet));
            }

            (last, lastIndex) = (cheapest, i);
        }

        var series = new CrossoverSeries[paths.Count];
        for (var p = 0; p < paths.Count; p++)
        {
            series[p] = new CrossoverSeries(paths[p].Id, paths[p].Name, costs[p]);
        }

        IReadOnlyList<string> sentences = points.Count > 0 ? [.. points.Select(x => x.Sentence)]
            : last >= 0 && paths.Count > 1 ? [$"{paths[last].Name} is the cheapest from {Formats.CountShort(From)} to {Formats.CountShort(To)} connections."]
            : [];
        return new Crossover(grid, series, points, current, sentences);
    }

    /// <summary>Month-1 cost at this many connections, or null when the path cannot run them.</summary>
    public static decimal? MonthlyUsd(IPathPlan plan, double connections, CostSheet sheet)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(sheet);
        var size = plan.Size(connections);
        if (!size.Feasible)
        {
            return null;
        }

        sheet.Clear();
        plan.Cost(size, connections, sheet);
        return sheet.Total;
    }

    /// <summary>The path that costs least at grid index <paramref name="i"/>; −1 when none can run there or the least cost ties.</summary>
    private static int Cheapest(decimal?[][] costs, int i)
    {
        var best = -1;
        var tied = false;
        for (var p = 0; p < costs.Length; p++)
        {
            if (costs[p][i] is not { } usd)
            {
                continue;
            }

            if (best < 0 || usd < costs[best][i]!.Value)
            {
                (best, tied) = (p, false);
            }
            else if (usd == costs[best][i]!.Value)
            {
                tied = true;
            }
        }

        return tied ? -1 : best;
    }

    /// <summary>
    /// Narrows [low, high] to one connection: at low <paramref name="to"/> does not cost less than <paramref name="from"/>,
    /// at high it does. A path that cannot run costs more than any that can.
    /// </summary>
    private static CrossoverPoint Bisect(
        (string Id, string Name, IPathPlan Plan) from, (string Id, string Name, IPathPlan Plan) to, long low, long high, CostSheet sheet)
    {
        while (high - low > 1)
        {
            var mid = low + ((high - low) / 2);
            if (Cheaper(to.Plan, from.Plan, mid, sheet))
            {
                high = mid;
            }
            else
            {
                low = mid;
            }
        }

        var usd = MonthlyUsd(to.Plan, high, sheet) ?? 0;
        var sentence = MonthlyUsd(from.Plan, high, sheet) is null
            ? $"{to.Name} is the cheapest above {Formats.CountShort(low)} connections: {from.Name} cannot run them."
            : $"{to.Name} becomes cheaper than {from.Name} above {Formats.CountShort(low)} connections.";
        return new CrossoverPoint(high, from.Id, to.Id, usd, sentence);
    }

    private static bool Cheaper(IPathPlan plan, IPathPlan than, long connections, CostSheet sheet)
    {
        if (MonthlyUsd(plan, connections, sheet) is not { } usd)
        {
            return false;
        }

        return MonthlyUsd(than, connections, sheet) is not { } other || usd < other;
    }
}
