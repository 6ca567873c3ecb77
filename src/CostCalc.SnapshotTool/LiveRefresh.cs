using CostCalc.Pricing.Refresh;
using CostCalc.Pricing.Snapshot;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Rebuilds the snapshot files from the live sources with the app's own refresher: the
/// embedded snapshot is the base, the refreshed snapshot is validated and persisted under a
/// temporary store, then its files are copied to the output folder (e.g. src/CostCalc.Pricing/Snapshot).
/// </summary>
internal static class LiveRefresh
{
    public static async Task<int> RunAsync(string output, string[] rest)
    {
        var source = rest.FirstOrDefault(a => a is "bulk" or "query" or "auto") ?? "bulk";
        var regions = rest.Where(a => a is not ("bulk" or "query" or "auto")).ToArray();
        var store = Directory.CreateTempSubdirectory("costcalc-refresh-").FullName;
        var settings = new Dictionary<string, string?>
        {
            ["Pricing:SnapshotDirectory"] = store,
            ["Pricing:Refresh:Source"] = source,
        };
        for (var i = 0; i < regions.Length; i++)
        {
            settings[$"Pricing:Refresh:Regions:{i}"] = regions[i];
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        await using var services = new ServiceCollection().AddPriceRefresh(configuration.GetSection(PricingOptions.Section), store).BuildServiceProvider();
        var refresher = services.GetRequiredService<PriceRefresher>();
        refresher.StatusChanged += status =>
        {
            if (status.Progress is { } p)
            {
                Console.Error.WriteLine($"{p.Step} {p.Region} {p.BytesRead / 1_048_576} MB");
            }
        };
        var attempt = await refresher.RefreshAsync("snapshot tool", CancellationToken.None);
        foreach (var note in attempt.Notes ?? [])
        {
            Console.WriteLine(note);
        }

        if (attempt.Succeeded != true)
        {
            Console.Error.WriteLine($"refresh failed: {attempt.Error}");
            return 1;
        }

        Directory.CreateDirectory(output);
        foreach (var name in SnapshotFormat.FileNames)
        {
            File.Copy(Path.Combine(store, attempt.SnapshotId!, name), Path.Combine(output, name), overwrite: true);
        }

        foreach (var name in SnapshotFormat.OptionalFileNames)
        {
            var from = Path.Combine(store, attempt.SnapshotId!, name);
            var to = Path.Combine(output, name);
            if (File.Exists(from))
            {
                File.Copy(from, to, overwrite: true);
            }
            else
            {
                File.Delete(to);
            }
        }

        Console.WriteLine($"wrote {attempt.SnapshotId} to {output}");
        return 0;
    }
}
