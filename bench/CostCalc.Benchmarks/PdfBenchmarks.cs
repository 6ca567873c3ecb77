using System.Collections.Concurrent;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using CostCalc.Domain.Estimation;
using CostCalc.Domain.Prices;
using CostCalc.Domain.Scenarios;
using CostCalc.Pricing.Snapshot;
using CostCalc.Pricing.Store;
using CostCalc.Reports.Pdf;

namespace CostCalc.Benchmarks;

/// <summary>
/// Target: a warm PDF summary in p95 ≤ 30 ms and ≤ 300 KB (headless Chromium
/// takes ~330 ms a document). "default" is the calculator's defaults (36 months); "large" is 2 M
/// connections over 60 months with a report link: more pages and the longest tables.
///   dotnet run -c Release --project bench/CostCalc.Benchmarks -- --filter '*PdfBenchmarks*'
/// </summary>
[MemoryDiagnoser]
[Config(typeof(PdfConfig))]
public class PdfBenchmarks
{
    private Estimate _estimate = null!;
    private PdfOptions _options = null!;

    [Params("default", "large")]
    public string Sample { get; set; } = "default";

    [GlobalSetup]
    public void Setup() => (_estimate, _options) = Make(Sample);

    [Benchmark(Description = "EstimatePdf.Render, A4")]
    public byte[] Render() => EstimatePdf.Render(_estimate, _options);

    internal static (Estimate Estimate, PdfOptions Options) Make(string sample)
    {
        var snapshot = EmbeddedSnapshot.Load();
        var estimator = new Estimator(snapshot.Catalog, snapshot.Prices);
        var large = sample == "large";
        var scenario = large
            ? Scenario.Default with
            {
                PeakConnections = 2_000_000,
                GrowthPercentPerMonth = 4,
                HorizonMonths = 60,
                PodLayout = PodLayout.FixedPodSize,
                EksNodeInstanceType = "m6i.4xlarge",
                Ec2PurchaseOption = PurchaseOption.SavingsPlan1Year,
            }
            : Scenario.Default;
        var options = new PdfOptions(new DateTimeOffset(2026, 11, 25, 14, 3, 0, TimeSpan.Zero), PriceSourceKind.Embedded.DisplayName(),
            large ? "https://costcalc.example.com/r/k7Q2mX9vLp3RtB8wZc4NfA" : null);
        return (estimator.Estimate(scenario, new DateOnly(2026, 11, 25)), options);
    }

    private sealed class PdfConfig : ManualConfig
    {
        public PdfConfig()
        {
            AddColumn(StatisticColumn.P95);
            AddColumn(new PdfSizeColumn());
        }
    }

    /// <summary>The size of the PDF each case produces, so the summary shows time and size side by side.</summary>
    private sealed class PdfSizeColumn : IColumn
    {
        private static readonly ConcurrentDictionary<string, int> Sizes = new(StringComparer.Ordinal);

        public string Id => nameof(PdfSizeColumn);

        public string ColumnName => "PDF size";

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 0;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Size;

        public string Legend => "Bytes of the PDF the benchmark renders";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            var sample = (string)benchmarkCase.Parameters["Sample"];
            var bytes = Sizes.GetOrAdd(sample, s =>
            {
                var (estimate, options) = Make(s);
                return EstimatePdf.Render(estimate, options).Length;
            });
            return (bytes / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) + " KB";
        }

        public bool IsAvailable(Summary summary) => true;

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    }
}
