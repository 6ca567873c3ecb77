using System.Text;
using CostCalc.Pricing.Snapshot;

namespace CostCalc.Pricing.Tests;

public sealed class SnapshotBuilderTests
{
    private static readonly Lazy<SnapshotBuild> Build = new(() => SnapshotBuilder.Build(RepoData.RawDataDirectory));

    [Fact]
    public void Build_FromRawData_ProducesExactlyTheSnapshotFiles()
    {
        Assert.Equal(SnapshotFormat.FileNames.Order(), Build.Value.Files.Select(f => f.Name).Order());
    }

    [Theory]
    [InlineData(SnapshotFormat.InstanceTypesFile)]
    [InlineData(SnapshotFormat.PricesFile)]
    [InlineData(SnapshotFormat.RegionsFile)]
    [InlineData(SnapshotFormat.ServicesFile)]
    [InlineData(SnapshotFormat.SourcesFile)]
    public void Build_FromRawData_EqualsEmbeddedFileByteForByte(string fileName)
    {
        var built = SnapshotBuild.Encode(Build.Value.Files.Single(f => f.Name == fileName));
        using var embedded = new MemoryStream();
        EmbeddedSnapshot.OpenResource(fileName).CopyTo(embedded);

        Assert.True(
            built.AsSpan().SequenceEqual(embedded.ToArray()),
            $"{fileName} is out of date: run `dotnet run --project src/CostCalc.SnapshotTool -- build raw-data src/CostCalc.Pricing/Snapshot`");
    }

    [Fact]
    public void Build_Twice_GivesIdenticalText()
    {
        var again = SnapshotBuilder.Build(RepoData.RawDataDirectory);

        Assert.Equal(Build.Value.Files.Select(f => f.Content), again.Files.Select(f => f.Content));
    }

    [Fact]
    public void Build_EveryFile_StartsWithCommentsAndUsesLfOnly()
    {
        foreach (var file in Build.Value.Files)
        {
            Assert.StartsWith("# ", file.Content, StringComparison.Ordinal);
            Assert.DoesNotContain('\r', file.Content);
            Assert.EndsWith("\n", file.Content, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Build_PricesFile_KeepsTheSourcesDecimalText()
    {
        var prices = Build.Value.Files.Single(f => f.Name == SnapshotFormat.PricesFile).Content;

        // Karpenter writes 0.096000; the pricing page writes 0.06 for the 1-year standard RI.
        Assert.Contains("\nus-east-1,m5.large,0.096000,0.06,", prices, StringComparison.Ordinal);
        Assert.Contains("\neu-west-1,m5.large,0.107,", prices, StringComparison.Ordinal);
    }

    [Fact]
    public void Differences_ChangedAndExtraFiles_AreReported()
    {
        var directory = Directory.CreateTempSubdirectory("costcalc-snapshot-").FullName;
        try
        {
            Build.Value.WriteTo(directory);
            Assert.Empty(Build.Value.Differences(directory));

            File.AppendAllText(Path.Combine(directory, SnapshotFormat.RegionsFile), "x", Encoding.UTF8);
            File.WriteAllText(Path.Combine(directory, "stale.csv"), "");
            File.Delete(Path.Combine(directory, SnapshotFormat.SourcesFile));

            Assert.Equal(
                ["regions.csv (differs)", "sources.csv (missing)", "stale.csv (not generated)"],
                Build.Value.Differences(directory));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
