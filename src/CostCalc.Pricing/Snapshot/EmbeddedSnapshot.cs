using CostCalc.Pricing.Store;

namespace CostCalc.Pricing.Snapshot;

/// <summary>The snapshot compiled into this assembly from the CSV files beside this class.</summary>
public static class EmbeddedSnapshot
{
    /// <summary>Manifest resource names are this prefix plus the file name (see the csproj).</summary>
    public const string ResourcePrefix = "CostCalc.Snapshot.";

    /// <summary>Loads the embedded snapshot; its id is "embedded-" plus the newest price date.</summary>
    public static PriceSnapshot Load() =>
        SnapshotLoader.Load(
            name => new StreamReader(OpenResource(name)), PriceSourceKind.Embedded.DisplayName(), PriceSourceKind.Embedded.IdPrefix());

    /// <summary>The raw bytes of one embedded file, e.g. "prices.csv".</summary>
    public static Stream OpenResource(string fileName) =>
        typeof(EmbeddedSnapshot).Assembly.GetManifestResourceStream(ResourcePrefix + fileName)
            ?? throw new FileNotFoundException($"No embedded snapshot file {fileName}", fileName);
}
