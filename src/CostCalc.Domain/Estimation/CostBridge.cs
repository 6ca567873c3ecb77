using System.Globalization;
using CostCalc.Domain.Vocabulary;

namespace CostCalc.Domain.Estimation;

/// <summary>One named difference between two paths' costs over the horizon, and how it was worked out.</summary>
/// <param name="Usd">What this reason adds to the path's cost against the reference (negative when it narrows the gap).</param>
/// <param name="HowComputed">The arithmetic in words and numbers, for the bar's tooltip.</param>
public sealed record BridgeBar(string Name, decimal Usd, string HowComputed);

/// <summary>
/// Why one path costs what it does against the verdict's reference path (the cheapest over the horizon): bars whose
/// amounts add up exactly to <see cref="DifferenceUsd"/>, the horizon difference the verdict sentence quotes
/// (docs/model.md §7.13).
/// </summary>
/// <param name="Months">The horizon the totals cover.</param>
/// <param name="ReferenceUsd">The reference path's cost over the horizon.</param>
/// <param name="PathUsd">This path's cost over the horizon.</param>
public sealed record CostBridge(
    string Path,
    string Name,
    string ReferencePath,
    string ReferenceName,
    int Months,
    decimal ReferenceUsd,
    decimal PathUsd,
    IReadOnlyList<BridgeBar> Bars)
{
    public const string OtherName = "Other / rounding";

    public decimal DifferenceUsd => PathUsd - ReferenceUsd;

    /// <summary>
    /// A bridge from the verdict's reference path to every other path that can be costed over the horizon. Each month
    /// of the projection is costed again on totals sheets: both paths as planned, and each path with its own reasons
    /// (<see cref="IPathPlan.BridgeReasons"/>) removed one at a time, so the compute difference telescopes into one
    /// bar per reason, then a machine-price bar and a machine-count bar; every other cost kind is one bar (same
    /// traffic, same amount: no bar). What is left, if anything, is an "Other / rounding" bar.
    /// </summary>
    /// <param name="paths">The shown paths with their plans, in display order.</param>
    /// <param name="counts">The connections of every month of the projection.</param>
    /// <param name="estimates">The month-1 estimates, whose cost line details the kind bars quote.</param>
    public static IReadOnlyList<CostBridge> Build(
        IReadOnlyList<(string Id, string Name, IPathPlan Plan)> paths, double[] counts, Verdict verdict, IReadOnlyList<PathEstimate> estimates)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(verdict);
        ArgumentNullException.ThrowIfNull(estimates);
        if (verdict.Reference is not { HorizonUsd: { } referenceUsd } reference || counts.Length == 0)
        {
            return [];
        }

        var referencePath = paths.FirstOrDefault(p => p.Id == reference.Path);
        if (referencePath.Plan is null)
        {
            return [];
        }

        var sheet = CostSheet.Totals();
        var horizon = counts.Length == 1 ? "1 month" : $"{counts.Length} months";
        Side? referenceSide = null;
        var bridges = new List<CostBridge>();
        foreach (var comparison in verdict.Comparisons)
        {
            if (comparison.Path == reference.Path || comparison is not { HorizonUsd: { } pathUsd, HorizonDifferenceUsd: { } difference })
            {
                continue;
            }

            var path = paths.FirstOrDefault(p => p.Id == comparison.Path);
            if (path.Plan is null)
            {
                continue;
            }

            referenceSide ??= Side.Of(referencePath.Name, referencePath.Plan, counts, sheet);
            var side = Side.Of(path.Name, path.Plan, counts, sheet);
            if (referenceSide is null || side is null)
            {
                continue;
            }

            var bars = BarsBetween(side, referenceSide, difference, horizon, estimates.FirstOrDefault(e => e.Id == path.Id));
            bridges.Add(new CostBridge(path.Id, path.Name, reference.Path, reference.Name, counts.Length, referenceUsd, pathUsd, bars));
        }

        return bridges;
    }

    private static List<BridgeBar> BarsBetween(Side path, Side reference, decimal difference, string horizon, PathEstimate? month1)
    {
        var bars = new List<BridgeBar>();
        foreach (var step in path.Steps)
        {
            Add(step.Name, step.Before - step.After, string.Create(CultureInfo.InvariantCulture,
                $"{Capital(step.What)}. {path.Name}'s compute over {horizon}: {Formats.Usd(step.Before)} with it, {Formats.Usd(step.After)} without."));
        }

        foreach (var step in reference.Steps)
        {
            Add($"{step.Name} ({reference.Name})", step.After - step.Before, string.Create(CultureInfo.InvariantCulture,
                $"{Capital(step.What)}. {reference.Name}'s compute over {horizon}: {Formats.Usd(step.Before)} with it, {Formats.Usd(step.After)} without; {reference.Name} paying it narrows the difference."));
        }

        // With every reason removed, what is left of the compute difference is the machine itself: its price, and how many.
        var (pathCompute, referenceCompute) = (path.BareCompute, reference.BareCompute);
        var (pathRate, referenceRate) = (path.Bare.MachineUsdPerHour, reference.Bare.MachineUsdPerHour);
        var sameType = path.Bare.MachineType == reference.Bare.MachineType;
        if (pathRate > 0 && referenceRate > 0)
        {
            var pathHours = pathCompute / pathRate;
            var referenceHours = referenceCompute / referenceRate;
            var atReferenceRate = pathHours * referenceRate;
            Add(sameType ? "Machine price (purchase option)" : "Machine type and price", pathCompute - atReferenceRate, string.Create(CultureInfo.InvariantCulture,
                $"{pathHours:#,0.#} {path.Bare.MachineKind}-hours of {path.Name} over {horizon} × ({path.Bare.MachineType} ${pathRate:0.#####}/h − {reference.Bare.MachineType} ${referenceRate:0.#####}/h), with the reasons above removed."));
            Add(sameType ? "Machine count" : "Machines needed", atReferenceRate - referenceCompute, string.Create(CultureInfo.InvariantCulture,
                $"({pathHours:#,0.#} {path.Bare.MachineKind}-hours of {path.Name} − {referenceHours:#,0.#} {reference.Bare.MachineKind}-hours of {reference.Name}) × ${referenceRate:0.#####}/h over {horizon}, with the reasons above removed: {(sameType ? "spares, minimums and whole machines" : $"what one {path.Bare.MachineType} holds against one {reference.Bare.MachineType}, spares, minimums and whole machines")}."));
        }
        else
        {
            Add("Compute", pathCompute - referenceCompute, string.Create(CultureInfo.InvariantCulture,
                $"{path.Name}'s compute {Formats.Usd(pathCompute)} − {reference.Name}'s {Formats.Usd(referenceCompute)} over {horizon}, with the reasons above removed."));
        }

        foreach (var style in CostKindStyle.All)
        {
            if (style.Kind == CostKind.Compute)
            {
                continue;
            }

            var (mine, theirs) = (path.Kinds[(int)style.Kind], reference.Kinds[(int)style.Kind]);
            var lines = month1?.CostLines.Where(l => l.Kind == style.Kind && l.Detail.Length > 0).Select(l => l.Detail).ToList() ?? [];
            var detail = lines.Count == 0 ? "" : $" (month 1 on {path.Name}: {string.Join("; ", lines)})";
            Add(style.Name, mine - theirs, string.Create(CultureInfo.InvariantCulture,
                $"{path.Name} {Formats.Usd(mine)} − {reference.Name} {Formats.Usd(theirs)} over {horizon}{detail}."));
        }

        decimal named = 0;
        foreach (var bar in bars)
        {
            named += bar.Usd;
        }

        var other = difference - named;
        if (other != 0)
        {
            bars.Add(new BridgeBar(OtherName, other, string.Create(CultureInfo.InvariantCulture,
                $"The difference {Formats.UsdCents(difference)} less the named bars {Formats.UsdCents(named)}: amounts under half a cent and rounding.")));
        }

        return bars;

        // Bars under half a cent are left to "Other / rounding", so the bars still add up to the difference.
        void Add(string name, decimal usd, string how)
        {
            if (Math.Abs(usd) >= 0.005m)
            {
                bars.Add(new BridgeBar(name, usd, how));
            }
        }
    }

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>One reason removed: the compute over the horizon before and after.</summary>
    private sealed record Step(string Name, string What, decimal Before, decimal After);

    /// <summary>
    /// One path costed over the horizon: each kind's total as planned, and its compute with each reason removed in
    /// turn. A counterfactual that cannot run in some month ends the chain: its reason and the ones after it stay in
    /// the machine bars.
    /// </summary>
    private sealed record Side(string Name, decimal[] Kinds, IReadOnlyList<Step> Steps, IPathPlan Bare, decimal BareCompute)
    {
        public static Side? Of(string name, IPathPlan plan, double[] counts, CostSheet sheet)
        {
            var kinds = new decimal[CostKinds.Count];
            if (!Add(plan, counts, sheet, kinds))
            {
                return null;
            }

            var steps = new List<Step>();
            var before = kinds[(int)CostKind.Compute];
            var bare = plan;
            var scratch = new decimal[CostKinds.Count];
            foreach (var reason in plan.BridgeReasons())
            {
                Array.Clear(scratch);
                if (!Add(reason.Without, counts, sheet, scratch))
                {
                    break;
                }

                var after = scratch[(int)CostKind.Compute];
                steps.Add(new Step(reason.Name, reason.What, before, after));
                (before, bare) = (after, reason.Without);
            }

            return new Side(name, kinds, steps, bare, before);
        }

        /// <summary>Adds every month's cost of each kind into <paramref name="kinds"/>; false when a month cannot be costed.</summary>
        private static bool Add(IPathPlan plan, double[] counts, CostSheet sheet, decimal[] kinds)
        {
            for (var m = 0; m < counts.Length; m++)
            {
                var size = plan.Size(counts[m]);
                if (!size.Feasible)
                {
                    return false;
                }

                sheet.Clear();
                plan.Cost(size, counts[m], sheet);
                for (var k = 0; k < kinds.Length; k++)
                {
                    kinds[k] += sheet.Amount((CostKind)k);
                }
            }

            return true;
        }
    }
}
