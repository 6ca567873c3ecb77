namespace CostCalc.Pricing.Tests.TestSupport;

/// <summary>The real-format samples in raw-data/samples.</summary>
internal static class Samples
{
    public static string Directory => RepoData.SamplesDirectory;

    public static string PathOf(string name) => RepoData.Sample(name);

    public static string Text(string name) => File.ReadAllText(PathOf(name));

    public static FileStream Open(string name) => File.OpenRead(PathOf(name));
}
