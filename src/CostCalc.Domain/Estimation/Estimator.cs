using System.Globalization;
using CostCalc.Domain.Catalog;
using CostCalc.Domain.Prices;
using CostCalc.Domain.Scenarios;

namespace CostCalc.Domain.Estimation;

/// <summary>
/// Scenario → Estimate for every path it shows, a pure function of the scenario, one price book,
/// the instance catalog and the list of paths. Scenarios must pass <see cref="ScenarioValidator"/> first.
/// </summary>
public sealed class Estimator(InstanceCatalog catalog, PriceBook prices, IReadOnlyList<DeploymentPath>? paths = null)
{
    /// <summary>Prices older than this many days raise a warning.</summary>
    public const int StalePriceDays = 180;

    public const int FullMeshWarningVms = 100;

    /// <summary>Beyond this many connections or VMs a projection leaves what the model's sources describe.</summary>
    public const long PlausibleConnections = 100_000_000;

    public const long PlausibleVms = 10_000;

    public InstanceCatalog Catalog => catalog;

    public PriceBook Prices => prices;

    /// <summary>Every path this estimator can compare, in display order.</summary>
    public IReadOnlyList<DeploymentPath> Paths { get; } = paths ?? DeploymentPaths.BuiltIn;

    public IReadOnlyList<ValidationProblem> Validate(Scenario scenario) =>
        ScenarioValidator.Validate(scenario, prices, catalog, [.. Paths.Select(p => p.Id)]);

    /// <summary>The scenario's region at the user's prices (docs/model.md §10): what every plan of the scenario is priced at.</summary>
    internal RegionPrices PricesFor(Scenario scenario) => PriceAdjustments.Apply(scenario, prices.Find(scenario.Region)!);

    /// <summary>A path planned for the scenario at <paramref name="region"/>'s prices, with the user's fixed costs for that path.</summary>
    internal IPathPlan Plan(DeploymentPath path, Scenario scenario, RegionPrices region) => FixedCostsPlan.For(path, scenario, region, catalog);

    /// <summary>The paths the scenario shows.</summary>
    public IEnumerable<DeploymentPath> Shown(Scenario scenario) => Paths.Where(p => !scenario.HiddenPaths.Contains(p.Id));

    /// <param name="today">The caller's date, for the price-age warning (the model reads no clock).</param>
    public Estimate Estimate(Scenario scenario, DateOnly today)
    {
        var problems = Validate(scenario);
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems.Select(p => $"{p.Field}: {p.Message}")), nameof(scenario));
        }

        var list = prices.Find(scenario.Region)!;
        var region = PricesFor(scenario);
        var plans = Shown(scenario).Select(p => (p.Id, Plan: Plan(p, scenario, region))).ToList();
        var names = Paths.ToDictionary(p => p.Id, p => p.Name);
        double connections = scenario.PeakConnections;
        var estimates = plans.Select(p => Describe(p.Id, names[p.Id], p.Plan, connections)).ToList();
        var projection = ProjectionBuilder.Build(plans, scenario);
        var named = plans.Select(p => (p.Id, Name: names[p.Id], p.Plan)).ToList();
        var verdict = Verdict.From(projection, names);
        // Paths that share a cause (spot prices, the EKS support window) raise the same warning once, for no single path.
        var warnings = estimates.SelectMany(e => e.Warnings)
            .GroupBy(w => (w.Code, w.Message))
            .Select(g => g.Count() == 1 ? g.First() : g.First() with { Path = null })
            .Concat(CommonWarnings(scenario, region, projection)).ToList();
        return new Estimate(
            scenario,
            prices.SnapshotId,
            region.AsOf,
            region.Region.Name,
            estimates,
            projection,
            verdict,
            Facts,
            warnings)
        {
            PriceNotice = PriceNotice(region, today),
            Analyses = new EstimateAnalyses(named, ProjectionBuilder.Counts(scenario), scenario.PeakConnections, verdict, estimates),
            AdjustedPrices = AdjustedPrices(scenario, list, verdict, names),
        };
    }

    /// <summary>
    /// Says so when the scenario's own prices (discounts, overrides, the SP discount, fixed costs) are in the
    /// estimate, and whether the verdict at list prices would differ: the list-price projection is totals only.
    /// </summary>
    private string? AdjustedPrices(Scenario scenario, RegionPrices list, Verdict verdict, Dictionary<string, string> names)
    {
        var applied = AdjustmentsApplied(scenario);
        if (applied.Count == 0)
        {
            return null;
        }

        var atList = Shown(scenario).Select(p => (p.Id, Plan: p.Plan(scenario, list, catalog))).ToList();
        var listVerdict = Verdict.From(ProjectionBuilder.Build(atList, scenario), names);
        var what = $"Prices are adjusted ({string.Join(", ", applied)}).";
        string Name(string? id) => id is null ? "no single path" : names[id];
        return listVerdict.CheapestPath == verdict.CheapestPath
            ? $"{what} The verdict is the same at list prices: {Name(verdict.CheapestPath)} {(verdict.CheapestPath is null ? "is cheapest" : "is cheapest over the horizon")}."
            : $"{what} They change the verdict: at list prices {Name(listVerdict.CheapestPath)} would be cheapest over the horizon, at yours {Name(verdict.CheapestPath)} is.";
    }

    /// <summary>"−20 % EC2 discount", "1 rate override", "2 fixed costs": what the scenario changes from list prices.</summary>
    public static IReadOnlyList<string> AdjustmentsApplied(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var inv = CultureInfo.InvariantCulture;
        var applied = new List<string>();
        foreach (var (family, percent) in new[]
        {
            (PriceFamily.Ec2, scenario.Ec2DiscountPercent), (PriceFamily.Fargate, scenario.FargateDiscountPercent),
            (PriceFamily.EksFees, scenario.EksFeeDiscountPercent), (PriceFamily.LoadBalancing, scenario.LoadBalancingDiscountPercent),
            (PriceFamily.DataTransfer, scenario.DataTransferDiscountPercent),
        })
        {
            if (percent > 0)
            {
                applied.Add(string.Create(inv, $"−{percent:0.##} % {PriceAdjustments.FamilyName(family)} discount"));
            }
        }

        if (scenario.SavingsPlanDiscountPercent > 0)
        {
            applied.Add(string.Create(inv, $"your Savings Plan rate: on-demand less {scenario.SavingsPlanDiscountPercent:0.##} % where the snapshot has none"));
        }

        if (scenario.RateOverrides.Count > 0)
        {
            applied.Add(SharedCosts.Plural(scenario.RateOverrides.Count, "rate override"));
        }

        if (scenario.FixedCosts.Count > 0)
        {
            applied.Add(SharedCosts.Plural(scenario.FixedCosts.Count, "fixed cost"));
        }

        return applied;
    }

    /// <summary>One path at a connection count: its size, capacity, itemised costs, splits, disruption and warnings.</summary>
    public static PathEstimate Describe(string id, string name, IPathPlan plan, double connections)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var size = plan.Size(connections);
        var sheet = CostSheet.Itemised();
        if (size.Feasible)
        {
            plan.Cost(size, connections, sheet);
        }

        var machine = plan.MachineType;
        var disruption = plan.Disruption(size);
        return new PathEstimate(
            id,
            name,
            machine,
            plan.MachineKind,
            size.Feasible,
            size.Vms,
            size.Machines,
            size.SystemNodes,
            size.VmsPerMachine,
            size.Capacity.ConnectionsPerVm,
            size.Capacity.MemoryBoundConnections,
            size.Capacity.CpuBoundConnections,
            size.Capacity.Binding,
            size.Capacity.MemoryMiB,
            size.Capacity.CpuCores,
            size.Capacity.Schedulers,
            size.RemoteFraction,
            MeshConnections(size.Vms),
            [.. sheet.Lines],
            sheet.Total,
            connections > 0 ? sheet.Total / (decimal)connections * 10_000 : 0,
            size.Feasible ? plan.MemorySplit(size, connections) : new ResourceSplit(machine, "MiB", []),
            size.Feasible ? plan.CpuSplit(size, connections) : new ResourceSplit(machine, "millicores", []),
            disruption,
            [.. plan.Warnings(size).Concat(LoadBalancerWarnings(sheet)).Concat(StormWarnings(disruption)).Select(w => w with { Path = id })])
        {
            Survives = plan.Survives(size),
        };
    }

    private static IEnumerable<Warning> StormWarnings(Disruption disruption) =>
        disruption.Storm?.Warning is { } warning ? [warning] : [];

    /// <summary>Says so when the load balancer is the path's largest cost line, and what would bill less.</summary>
    private static IEnumerable<Warning> LoadBalancerWarnings(CostSheet sheet)
    {
        var largest = sheet.Lines.MaxBy(l => l.MonthlyUsd);
        if (largest?.Kind != CostKind.LoadBalancer)
        {
            yield break;
        }

        var name = largest.Name;
        var hint = name == LoadBalancing.Name(LoadBalancer.Alb) || name == LoadBalancing.Name(LoadBalancer.NlbTls)
            ? " It bills 3,000 active connections per capacity unit; an NLB with a TCP listener bills 100,000 (TLS then ends on the BEAM VMs, which pay the handshakes' CPU)."
            : "";
        yield return new("load-balancer-largest", $"The {name} is the largest cost line.{hint}");
    }

    /// <summary>Full mesh: n(n − 1)/2 distribution connections.</summary>
    public static long MeshConnections(long vms) => vms < 2 ? 0 : vms > 3_000_000_000 ? long.MaxValue : vms * (vms - 1) / 2;

    /// <summary>Figures beyond cost that hold whichever way the service runs.</summary>
    private static readonly Fact[] Facts =
    [
        new("Failure detection", "Tick every 15 s; a dead peer is noticed after 45–75 s", Sources.Mesh),
        new("Message cost", "Remote send ≈ 70 µs of CPU vs ≈ 0.1–0.4 µs local", Sources.DiscordRemoteSend),
    ];

    private static string? PriceNotice(RegionPrices region, DateOnly today)
    {
        var age = today.DayNumber - region.OldestAsOf.DayNumber;
        if (age <= StalePriceDays)
        {
            return null;
        }

        var oldest = region.Origins.MinBy(o => o.AsOf)!;
        return string.Create(CultureInfo.InvariantCulture,
            $"Some prices are {age:#,0} days old: {oldest.What} as of {oldest.AsOf:yyyy-MM-dd} ({oldest.Source}).");
    }

    /// <summary>Warnings about the scenario as a whole, checked over every month of the projection.</summary>
    private static IEnumerable<Warning> CommonWarnings(Scenario scenario, RegionPrices region, Projection projection)
    {
        var inv = CultureInfo.InvariantCulture;
        var largest = projection.Paths.Count == 0 ? 0 : projection.Paths.Max(p => p.Vms.Max());
        if (largest > FullMeshWarningVms)
        {
            yield return new("full-mesh-large", string.Create(inv,
                $"Up to {largest:#,0} BEAM VMs in a full mesh hold {MeshConnections(largest):#,0} distribution connections; beyond ~{FullMeshWarningVms} nodes consider partitioning or a non-meshed topology."));
        }

        var peak = projection.Connections.Max();
        if (peak > PlausibleConnections || largest > PlausibleVms)
        {
            yield return new("beyond-plausible-scale", string.Create(inv,
                $"The projection grows to {peak:#,0} connections and {largest:#,0} BEAM VMs: beyond the scale the model's sources describe. Check the growth rate and horizon."));
        }

        if (!region.Services.RegionScoped)
        {
            var borrowed = region.Services.EksRatesRegional
                ? "ALB, NLB, NAT, cross-AZ, CPU-credit and internet egress rates are"
                : "EKS, Fargate, ALB, NLB, NAT, cross-AZ, CPU-credit and internet egress rates are";
            yield return new("service-prices-us-east-1", $"{borrowed} us-east-1 figures; {region.Region.Code} may differ.");
        }

        if (!region.Gp3.RegionScoped)
        {
            yield return new("gp3-us-east-1", $"No EBS prices for {region.Region.Code} in the snapshot; us-east-1 gp3 rates are used.");
        }

        var fewest = projection.Paths.SelectMany(p => p.Machines).Where(m => m > 0).DefaultIfEmpty(long.MaxValue).Min();
        if (fewest != long.MaxValue && fewest < scenario.AvailabilityZones)
        {
            yield return new("fewer-machines-than-zones", string.Create(inv,
                $"At times only {fewest:#,0} machine{(fewest == 1 ? "" : "s")} run a path, fewer than its {scenario.AvailabilityZones} availability zones: a zone is left empty and losing one machine may lose a zone's worth of capacity."));
        }
    }
}
