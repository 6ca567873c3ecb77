namespace CostCalc.Pricing.Tests.TestSupport;

/// <summary>The real-format samples in shared/data/samples.</summary>
internal static class Samples
{
    public static string Directory { get; } = System.IO.Path.Combine(SharedData.DataDirectory, "samples");

    public static string PathOf(string name) => System.IO.Path.Combine(Directory, name);

    public static string Text(string name) => File.ReadAllText(PathOf(name));

    public static FileStream Open(string name) => File.OpenRead(PathOf(name));
}
