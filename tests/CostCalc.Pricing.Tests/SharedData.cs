namespace CostCalc.Pricing.Tests;

/// <summary>Finds the public data folder: ../shared/data next to the repository root (the folder holding CostCalc.sln).</summary>
internal static class SharedData
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string DataDirectory { get; } = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "data"));

    public static string SnapshotDirectory { get; } = Path.Combine(RepositoryRoot, "src", "CostCalc.Pricing", "Snapshot");

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
