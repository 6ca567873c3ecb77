namespace CostCalc.Domain.Tests.TestSupport;

/// <summary>Files of the repository these tests run from: the folder holding CostCalc.sln, found above the test binaries.</summary>
internal static class RepoFiles
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>docs/model.md, the model document the UI's sources link to.</summary>
    public static string ModelDocument => Path.Combine(RepositoryRoot, "docs", "model.md");

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
