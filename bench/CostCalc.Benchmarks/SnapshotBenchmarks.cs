using BenchmarkDotNet.Attributes;
using CostCalc.Pricing.Snapshot;

namespace CostCalc.Benchmarks;

/// <summary>Start-up cost of loading the embedded catalog and price book.</summary>
[MemoryDiagnoser]
public class SnapshotBenchmarks
{
    [Benchmark(Description = "Load embedded snapshot")]
    public object Load() => EmbeddedSnapshot.Load();
}
