using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/CostCalc.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
