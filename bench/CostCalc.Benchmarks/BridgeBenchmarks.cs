using BenchmarkDotNet.Attributes;
using CostCalc.Domain.Estimation;
using CostCalc.Domain.Scenarios;
using CostCalc.Pricing.Snapshot;

namespace CostCalc.Benchmarks;

/// <summary>
/// The cost bridge and the crossover, which the estimate computes on every input change: each alone, on the default
/// scenario and on fixed-size pods (more counterfactual plans). Budget: well under the 20 ms of a page update.
/// </summary>
[MemoryDiagnoser]
public class BridgeBenchmarks
{
    private static readonly DateOnly Today = new(2026, 11, 25);
    private Case _default = null!;
    private Case _fixedPods = null!;

    [GlobalSetup]
    public void Setup()
    {
        var snapshot = EmbeddedSnapshot.Load();
        var estimator = new Estimator(snapshot.Catalog, snapshot.Prices);
        _default = Case.Of(estimator, Scenario.Default);
        _fixedPods = Case.Of(estimator, Scenario.Default with
        {
            PeakConnections = 2_000_000,
            PodLayout = PodLayout.FixedPodSize,
            EksNodeInstanceType = "m6i.4xlarge",
            GrowthPercentPerMonth = 4,
        });
    }

    [Benchmark(Description = "Cost bridge, defaults (36 months, 2 bridges)")]
    public IReadOnlyList<CostBridge> BridgeDefault() => _default.Bridges();

    [Benchmark(Description = "Cost bridge, 2 M connections, fixed-size pods")]
    public IReadOnlyList<CostBridge> BridgeFixedPods() => _fixedPods.Bridges();

    [Benchmark(Description = "Crossover, defaults (41 counts × 3 paths)")]
    public Crossover CrossoverDefault() => _default.Crossover();

    [Benchmark(Description = "Crossover, fixed-size pods (one flip, bisected)")]
    public Crossover CrossoverFixedPods() => _fixedPods.Crossover();

    private sealed record Case(Scenario Scenario, List<(string Id, string Name, IPathPlan Plan)> Plans, double[] Counts, Estimate Estimate)
    {
        public static Case Of(Estimator estimator, Scenario scenario)
        {
            var region = estimator.Prices.Find(scenario.Region)!;
            var plans = estimator.Shown(scenario).Select(p => (p.Id, p.Name, p.Plan(scenario, region, estimator.Catalog))).ToList();
            // The projection's months: peak connections grown by the monthly rate.
            var counts = new double[scenario.HorizonMonths];
            double count = scenario.PeakConnections;
            for (var m = 0; m < counts.Length; m++)
            {
                counts[m] = count;
                count = Math.Max(1, count * (1 + (scenario.GrowthPercentPerMonth / 100)));
            }

            return new Case(scenario, plans, counts, estimator.Estimate(scenario, Today));
        }

        public IReadOnlyList<CostBridge> Bridges() => CostBridge.Build(Plans, Counts, Estimate.Verdict, Estimate.Paths);

        public Crossover Crossover() => Domain.Estimation.Crossover.Build(Plans, Scenario.PeakConnections);
    }
}
