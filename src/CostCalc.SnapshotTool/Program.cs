using System.Diagnostics;
using System.Globalization;
using CostCalc.Pricing.Snapshot;

// Builds, checks and times the price snapshot embedded in CostCalc.Pricing. Run from the repository root:
//   build  [<data-dir> <out-dir>]       regenerate the snapshot files from the raw data files
//                                       (default: raw-data src/CostCalc.Pricing/Snapshot)
//   verify [<data-dir> <snapshot-dir>]  exit 1 when the files differ from a fresh build (same defaults)
//   load   [<snapshot-dir>]             load a snapshot (default: the embedded one) and time it
//   refresh <out-dir> [bulk|query|auto] [region ...]
//                                       rebuild the snapshot files from the live AWS price lists (needs a network;
//                                       the embedded snapshot is the base, validation as in the app); the files go to out-dir
const string DefaultData = "raw-data"; // the repository's raw data files (raw-data/README.md)
const string DefaultSnapshot = "src/CostCalc.Pricing/Snapshot"; // the snapshot embedded in CostCalc.Pricing

return args switch
{
    ["refresh", var output, .. var rest] => await LiveRefresh.RunAsync(output, rest),
    ["build"] => Build(DefaultData, DefaultSnapshot),
    ["build", var data, var output] => Build(data, output),
    ["verify"] => Verify(DefaultData, DefaultSnapshot),
    ["verify", var data, var snapshot] => Verify(data, snapshot),
    ["load"] => Load(null),
    ["load", var snapshot] => Load(snapshot),
    _ => Usage(),
};

static int Build(string dataDirectory, string outputDirectory)
{
    var build = SnapshotBuilder.Build(dataDirectory);
    build.WriteTo(outputDirectory);
    PrintSummary(build);
    Console.WriteLine($"wrote {build.Files.Count} files to {outputDirectory}");
    return 0;
}

static int Verify(string dataDirectory, string snapshotDirectory)
{
    var build = SnapshotBuilder.Build(dataDirectory);
    PrintSummary(build);
    var differences = build.Differences(snapshotDirectory);
    foreach (var difference in differences)
    {
        Console.Error.WriteLine($"out of date: {difference}");
    }

    Console.WriteLine(differences.Count == 0 ? "snapshot is up to date" : "snapshot is out of date: run build");
    return differences.Count == 0 ? 0 : 1;
}

static int Load(string? snapshotDirectory)
{
    PriceSnapshot LoadOnce() => snapshotDirectory is null
        ? EmbeddedSnapshot.Load()
        : SnapshotLoader.LoadDirectory(snapshotDirectory, "snapshot directory", "disk");

    var clock = Stopwatch.StartNew();
    var snapshot = LoadOnce();
    var first = clock.Elapsed.TotalMilliseconds;
    clock.Restart();
    LoadOnce();
    var second = clock.Elapsed.TotalMilliseconds;
    var prices = snapshot.Prices.Regions.Sum(r => r.InstanceTypeNames.Count);
    Console.WriteLine(string.Create(
        CultureInfo.InvariantCulture,
        $"{snapshot.Prices.SnapshotId}: {snapshot.Catalog.All.Count} types, {snapshot.Prices.Regions.Count} regions, {prices} prices, as of {snapshot.Prices.AsOf:yyyy-MM-dd}"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"load time: first (cold, in this process) {first:F1} ms, second {second:F1} ms"));
    return 0;
}

static void PrintSummary(SnapshotBuild build)
{
    foreach (var file in build.Files)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{file.Name,-20} {file.Rows,6} rows {file.Content.Length,9} chars"));
    }

    foreach (var note in build.Notes)
    {
        Console.WriteLine(note);
    }
}

static int Usage()
{
    Console.Error.WriteLine(
        $"usage: build [<data-dir> <out-dir>] | verify [<data-dir> <snapshot-dir>] | load [<snapshot-dir>] (defaults: {DefaultData} {DefaultSnapshot})");
    return 2;
}
