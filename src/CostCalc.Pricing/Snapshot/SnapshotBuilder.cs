using System.Text;

namespace CostCalc.Pricing.Snapshot;

/// <summary>One generated snapshot file: its name, full text, and number of data rows.</summary>
public sealed record SnapshotFile(string Name, string Content, int Rows);

/// <summary>The generated files plus notes on what was merged, derived or dropped.</summary>
public sealed record SnapshotBuild(IReadOnlyList<SnapshotFile> Files, IReadOnlyList<string> Notes)
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    public static byte[] Encode(SnapshotFile file) => Utf8NoBom.GetBytes(file.Content);

    public void WriteTo(string directory)
    {
        Directory.CreateDirectory(directory);
        foreach (var file in Files)
        {
            File.WriteAllBytes(Path.Combine(directory, file.Name), Encode(file));
        }
    }

    /// <summary>Names of the files that differ from, are missing from, or are extra in <paramref name="directory"/>.</summary>
    public IReadOnlyList<string> Differences(string directory)
    {
        var differences = new List<string>();
        foreach (var file in Files)
        {
            var path = Path.Combine(directory, file.Name);
            if (!File.Exists(path))
            {
                differences.Add($"{file.Name} (missing)");
            }
            else if (!File.ReadAllBytes(path).AsSpan().SequenceEqual(Encode(file)))
            {
                differences.Add($"{file.Name} (differs)");
            }
        }

        var expected = Files.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        differences.AddRange(Directory.EnumerateFiles(directory, "*.csv")
            .Select(Path.GetFileName)
            .Where(name => !expected.Contains(name!))
            .Order(StringComparer.Ordinal)
            .Select(name => $"{name} (not generated)"));
        return differences;
    }
}

/// <summary>
/// Turns the raw public data files (raw-data/, see its README) into the snapshot's own compact
/// CSV files. The output depends only on the input files: sorted, invariant culture, LF endings,
/// and prices copied as their source text.
/// </summary>
public static class SnapshotBuilder
{
    public static SnapshotBuild Build(string dataDirectory)
    {
        var raw = RawDataReader.Read(dataDirectory);
        var notes = new List<string>();
        var (types, instanceTypes) = InstanceTypeTable.Build(raw, notes);
        var (prices, origins) = PriceTable.Build(raw, types, notes);
        var regions = RegionTable.Build(raw, origins, notes);
        SnapshotFile[] files = [instanceTypes, prices, regions, ServiceTable.Build(raw), SourceLegend.Build()];
        return new SnapshotBuild(files, notes);
    }
}
