using BenchmarkDotNet.Attributes;
using CostCalc.Domain.Estimation;
using CostCalc.Domain.Scenarios;
using CostCalc.Pricing.Snapshot;

namespace CostCalc.Benchmarks;

/// <summary>
/// Targets: one estimate ≤ 10 µs; a full-region ranking ≤ 10 ms. An estimate's bridges and crossover are worked out
/// when first read (the views that show them read them); "with its analyses" reads both, as the Results tab, the API,
/// a saved report and a PDF do.
/// </summary>
[MemoryDiagnoser]
public class EstimatorBenchmarks
{
    private static readonly DateOnly Today = new(2026, 11, 25);
    private Estimator _estimator = null!;
    private Scenario _default = null!;
    private Scenario _fixedPods = null!;
    private Scenario _shapedDay = null!;
    private Scenario _noGrowth = null!;
    private Estimate _defaultEstimate = null!;
    private Estimate _fixedPodsEstimate = null!;

    [GlobalSetup]
    public void Setup()
    {
        var snapshot = EmbeddedSnapshot.Load();
        _estimator = new Estimator(snapshot.Catalog, snapshot.Prices);
        _default = Scenario.Default;
        _fixedPods = Scenario.Default with
        {
            PeakConnections = 2_000_000,
            PodLayout = PodLayout.FixedPodSize,
            EksNodeInstanceType = "m6i.4xlarge",
            GrowthPercentPerMonth = 4,
        };
        _shapedDay = Scenario.Default with { PeakConnections = 1_000_000, PeakHoursPerDay = 8, Autoscaling = true };
        _noGrowth = Scenario.Default with { GrowthPercentPerMonth = 0 };
        _defaultEstimate = _estimator.Estimate(_default, Today);
        _fixedPodsEstimate = _estimator.Estimate(_fixedPods, Today);
    }

    [Benchmark(Description = "Estimate, five paths, 36-month projection")]
    public Estimate EstimateDefault() => _estimator.Estimate(_default, Today);

    [Benchmark(Description = "Estimate, defaults, with its analyses read (bridges, crossover)")]
    public Estimate EstimateDefaultWithAnalyses()
    {
        var estimate = _estimator.Estimate(_default, Today);
        _ = estimate.Bridges;
        _ = estimate.Crossover;
        return estimate;
    }

    [Benchmark(Description = "Estimate, defaults at 0 % growth (36 equal months)")]
    public Estimate EstimateNoGrowth() => _estimator.Estimate(_noGrowth, Today);

    [Benchmark(Description = "Estimate, 2 M connections, fixed-size pods")]
    public Estimate EstimateFixedPods() => _estimator.Estimate(_fixedPods, Today);

    [Benchmark(Description = "Estimate, 1 M connections, 8-hour peak, autoscaling")]
    public Estimate EstimateShapedDay() => _estimator.Estimate(_shapedDay, Today);

    [Benchmark(Description = "Sensitivity, default scenario (every band, totals only)")]
    public SensitivityAnalysis SensitivityDefault() => _estimator.Sensitivity(_defaultEstimate);

    [Benchmark(Description = "Sensitivity, 2 M connections, fixed-size pods")]
    public SensitivityAnalysis SensitivityFixedPods() => _estimator.Sensitivity(_fixedPodsEstimate);

    [Benchmark(Description = "Ranking, every us-east-1 type, EC2, EKS and ECS on EC2")]
    public Ranking RankUsEast1() => _estimator.Rank(_default);
}
