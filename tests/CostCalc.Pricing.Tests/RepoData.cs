namespace CostCalc.Pricing.Tests;

/// <summary>
/// The raw data files in the repository (raw-data/, see its README). Paths are resolved under the
/// repository root, the folder holding CostCalc.sln, and never outside it.
/// </summary>
internal static class RepoData
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>raw-data: the files the snapshot builder reads.</summary>
    public static string RawDataDirectory { get; } = Inside("raw-data");

    /// <summary>raw-data/samples: real-format files for the live-refresh parsers.</summary>
    public static string SamplesDirectory { get; } = Inside("raw-data", "samples");

    /// <summary>A file of raw-data, e.g. "eni-max-pods.txt".</summary>
    public static string RawFile(string name) => Inside("raw-data", name);

    /// <summary>A file of raw-data/samples.</summary>
    public static string Sample(string name) => Inside("raw-data", "samples", name);

    private static string Inside(params string[] segments)
    {
        var path = Path.GetFullPath(Path.Combine([RepositoryRoot, .. segments]));
        if (!path.StartsWith(RepositoryRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{path} is outside the repository {RepositoryRoot}");
        }

        return File.Exists(path) || Directory.Exists(path)
            ? path
            : throw new FileNotFoundException($"{path} is missing from the repository", path);
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CostCalc.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No CostCalc.sln above {AppContext.BaseDirectory}");
    }
}
