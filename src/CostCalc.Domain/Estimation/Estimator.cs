using System.Globalization;
using CostCalc.Domain.Catalog;
using CostCalc.Domain.Prices;
using CostCalc.Domain.Scenarios;

namespace CostCalc.Domain.Estimation;

/// <summary>
/// Scenario → Estimate for both paths, a pure function of the scenario, one price book and the
/// instance catalog. Scenarios must pass <see cref="ScenarioValidator"/> first.
/// </summary>
public sealed class Estimator(InstanceCatalog catalog, PriceBook prices)
{
    /// <summary>Prices older than this many days raise a warning.</summary>
    public const int StalePriceDays = 180;

    public const int FullMeshWarningVms = 100;

    /// <summary>Beyond this many connections or VMs a projection leaves what the model's sources describe.</summary>
    public const long PlausibleConnections = 100_000_000;

    public const long PlausibleVms = 10_000;

    /// <summary>Months of standard support per Kubernetes version on EKS.</summary>
    public const int StandardSupportMonths = 14;

    public InstanceCatalog Catalog => catalog;

    public PriceBook Prices => prices;

    /// <param name="today">The caller's date, for the price-age warning (the model reads no clock).</param>
    public Estimate Estimate(Scenario scenario, DateOnly today)
    {
        var problems = ScenarioValidator.Validate(scenario, prices, catalog);
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems.Select(p => $"{p.Field}: {p.Message}")), nameof(scenario));
        }

        var region = prices.Find(scenario.Region)!;
        var ec2 = new Ec2Plan(scenario, region, catalog.Find(scenario.Ec2InstanceType)!);
        var eks = new EksPlan(scenario, region, catalog);
        double connections = scenario.PeakConnections;
        var ec2Size = ec2.Size(connections);
        var eksSize = eks.Size(connections);
        var ec2Estimate = Describe(ec2, ec2Size, scenario, connections, scenario.Ec2InstanceType, "instance");
        var eksEstimate = Describe(eks, eksSize, scenario, connections,
            scenario.Fargate ? "Fargate" : scenario.EksNodeInstanceType, scenario.Fargate ? "Fargate pod" : "node");
        var projection = Projection.Build(ec2, eks, scenario);
        var warnings = new List<Warning>();
        warnings.AddRange(ec2.Warnings(ec2Size));
        warnings.AddRange(eks.Warnings(eksSize));
        warnings.AddRange(CommonWarnings(scenario, region, projection));
        var feasible = ec2Size.Feasible && eksSize.Feasible;
        var difference = eksEstimate.MonthlyUsd - ec2Estimate.MonthlyUsd;
        return new Estimate(
            scenario,
            prices.SnapshotId,
            region.AsOf,
            region.Region.Name,
            ec2Estimate,
            eksEstimate,
            feasible ? difference : 0,
            !feasible || difference == 0 ? null : difference > 0 ? DeploymentPath.Ec2 : DeploymentPath.Eks,
            projection,
            feasible ? Projection.BreakEvenMonth(projection) : null,
            BeyondCostOf(scenario, ec2Size, eksSize),
            warnings)
        {
            Verdict = Verdict.From(projection),
            PriceNotice = PriceNotice(region, today),
        };
    }

    internal static PathEstimate Describe(IPathPlan plan, PathSize size, Scenario scenario, double connections, string machineType, string machineKind)
    {
        var lines = size.Feasible ? plan.Lines(size, connections) : [];
        var monthly = lines.Sum(l => l.MonthlyUsd);
        return new PathEstimate(
            plan.Path,
            machineType,
            machineKind,
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
            lines,
            monthly,
            connections > 0 ? monthly / (decimal)connections * 10_000 : 0,
            size.Feasible ? plan.MemorySplit(size, connections) : new ResourceSplit(machineType, "MiB", []),
            size.Feasible ? plan.CpuSplit(size, connections) : new ResourceSplit(machineType, "millicores", []));
    }

    /// <summary>Full mesh: n(n − 1)/2 distribution connections.</summary>
    public static long MeshConnections(long vms) => vms < 2 ? 0 : vms > 3_000_000_000 ? long.MaxValue : vms * (vms - 1) / 2;

    private static BeyondCost BeyondCostOf(Scenario scenario, PathSize ec2, PathSize eks)
    {
        var hot = scenario.Ec2DeployMethod == Ec2DeployMethod.HotCodeUpgrade;
        return new BeyondCost(
            hot ? 0 : scenario.DeploysPerMonth * scenario.PeakConnections,
            scenario.DeploysPerMonth * scenario.PeakConnections,
            hot ? 0 : scenario.DeploysPerMonth * ec2.Vms,
            scenario.DeploysPerMonth * eks.Vms,
            [
                new("EC2 deploy", hot ? "Hot code upgrade: connections stay up" : "Rolling restart: each instance's connections drop once",
                    hot ? Sources.HotCodeUpgrade : Sources.RollingRestart),
                new("EKS deploy", "Rolling update: each pod's connections drop once", Sources.RollingUpdate),
                new("Pod restart", "p99 ≤ 5 s to start (excl. image pull); crash back-off 10 s → 5 min; 30 s grace period", Sources.PodStartup),
                new("Failure detection", "Tick every 15 s; a dead peer is noticed after 45–75 s", Sources.Mesh),
                new("Message cost", "Remote send ≈ 70 µs of CPU vs ≈ 0.1–0.4 µs local", Sources.DiscordRemoteSend),
            ]);
    }

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
    private static IEnumerable<Warning> CommonWarnings(Scenario scenario, RegionPrices region, IReadOnlyList<ProjectionMonth> months)
    {
        var inv = CultureInfo.InvariantCulture;
        var largest = months.Max(m => Math.Max(m.Ec2Vms, m.EksVms));
        if (largest > FullMeshWarningVms)
        {
            yield return new("full-mesh-large", string.Create(inv,
                $"Up to {largest:#,0} BEAM VMs in a full mesh hold {MeshConnections(largest):#,0} distribution connections; beyond ~{FullMeshWarningVms} nodes consider partitioning or a non-meshed topology."));
        }

        var peak = months.Max(m => m.Connections);
        if (peak > PlausibleConnections || largest > PlausibleVms)
        {
            yield return new("beyond-plausible-scale", string.Create(inv,
                $"The projection grows to {peak:#,0} connections and {largest:#,0} BEAM VMs: beyond the scale the model's sources describe. Check the growth rate and horizon."));
        }

        if (!region.Services.RegionScoped)
        {
            var borrowed = region.Services.EksRatesRegional
                ? "ALB, NAT, cross-AZ and CPU-credit rates are"
                : "EKS, Fargate, ALB, NAT, cross-AZ and CPU-credit rates are";
            yield return new("service-prices-us-east-1", $"{borrowed} us-east-1 figures; {region.Region.Code} may differ.");
        }

        if (!region.Gp3.RegionScoped)
        {
            yield return new("gp3-us-east-1", $"No EBS prices for {region.Region.Code} in the snapshot; us-east-1 gp3 rates are used.");
        }

        if (scenario.Ec2PurchaseOption == PurchaseOption.Spot || scenario.EksPurchaseOption == PurchaseOption.Spot)
        {
            yield return new("spot-estimate",
                "Spot prices are estimated from the Spot Advisor's average saving; spot capacity can be reclaimed with 2 minutes' notice.");
        }

        var fewestEc2 = months.Min(m => m.Ec2Machines);
        var fewestEks = months.Min(m => m.EksMachines);
        var fewest = Math.Min(fewestEc2 > 0 ? fewestEc2 : long.MaxValue, fewestEks > 0 ? fewestEks : long.MaxValue);
        if (fewest != long.MaxValue && fewest < scenario.AvailabilityZones)
        {
            yield return new("fewer-machines-than-zones", string.Create(inv,
                $"At times only {fewest:#,0} machine{(fewest == 1 ? "" : "s")} run a path, fewer than its {scenario.AvailabilityZones} availability zones: a zone is left empty and losing one machine may lose a zone's worth of capacity."));
        }

        if (scenario.SupportTier == SupportTier.Standard && scenario.HorizonMonths > StandardSupportMonths)
        {
            yield return new("standard-support-assumes-upgrades", string.Create(inv,
                $"Standard support over {scenario.HorizonMonths} months assumes the EKS cluster moves to a newer Kubernetes minor version at least every {StandardSupportMonths} months; each upgrade replaces every node and restarts every BEAM pod. Without upgrades, extended support ($0.60/h) applies."));
        }
    }
}
