using System.Globalization;
using BenchmarkDotNet.Running;
using CostCalc.Benchmarks;

// dotnet run -c Release --project bench/CostCalc.Benchmarks -- --filter '*'
// dotnet run -c Release --project bench/CostCalc.Benchmarks -- ingest [megabytes]   (EC2 offer CSV ingestion)
// dotnet run -c Release --project bench/CostCalc.Benchmarks -- reports sqlite|postgres [path|connection string]   (save/open p95)
if (args is ["reports", ..])
{
    return await ReportStoreLatency.RunAsync(args[1..]);
}

if (args is ["ingest", ..])
{
    return await IngestionBenchmark.RunAsync(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 320);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
