namespace CostCalc.Pricing.Snapshot;

/// <summary>A row of regions.csv, fields as text.</summary>
internal sealed record RegionRow(
    string Code, string Name, string Gp3PerGbMonth, string Gp3PerIopsMonth, string Gp3PerMiBpsMonth, bool Gp3Regional,
    IReadOnlyList<string> Origins);

/// <summary>A row of prices.csv, prices as text (empty = none).</summary>
internal sealed record PriceRow(
    string Region, string InstanceType, string OnDemand, string Standard1, string Standard3, string Convertible1,
    string Convertible3, string SpotSavings, string OnDemandSource, string SavingsPlan1, string SavingsPlan3);

/// <summary>A row of services.csv; an empty region applies to every region.</summary>
internal sealed record ServiceRow(string Key, string Usd, string Unit, string Confidence, string Source, string Region);

/// <summary>A row of auto-mode-fees.csv: one instance type's Auto Mode fee in one region, with its origin code.</summary>
internal sealed record AutoModeFeeRow(string Region, string InstanceType, string UsdPerHour, string Source);

/// <summary>
/// A snapshot as the rows of its CSV files, so a refresh can replace some regions' rows and keep
/// the others exactly as they were (with their per-row origin codes), then write and reload it.
/// </summary>
internal sealed class SnapshotTables
{
    public required string InstanceTypesText { get; init; }

    public required IReadOnlyList<SourceEntry> Sources { get; init; }

    public required IReadOnlyList<RegionRow> Regions { get; init; }

    public required IReadOnlyList<PriceRow> Prices { get; init; }

    public required IReadOnlyList<ServiceRow> Services { get; init; }

    /// <summary>Per-type Auto Mode fees; empty when the snapshot has none (then no file is written).</summary>
    public IReadOnlyList<AutoModeFeeRow> AutoModeFees { get; init; } = [];

    public static SnapshotTables Read(Func<string, TextReader> openFile)
    {
        using var types = openFile(SnapshotFormat.InstanceTypesFile);
        return new SnapshotTables
        {
            InstanceTypesText = types.ReadToEnd(),
            Sources = Rows(openFile, SnapshotFormat.SourcesFile, csv => new SourceColumns(csv),
                (csv, c) => new SourceEntry(csv[c.Code], csv[c.What], csv[c.Source], CsvValues.Date(csv, c.AsOf))),
            Regions = Rows(openFile, SnapshotFormat.RegionsFile, csv => new RegionColumns(csv),
                (csv, c) => new RegionRow(csv[c.Code], csv[c.Name], csv[c.Gp3PerGbMonth], csv[c.Gp3PerIopsMonth], csv[c.Gp3PerMiBpsMonth],
                    CsvValues.Bool(csv, c.Gp3Regional), csv[c.Origins].Split(' ', StringSplitOptions.RemoveEmptyEntries))),
            Prices = Rows(openFile, SnapshotFormat.PricesFile, csv => new PriceColumns(csv),
                (csv, c) => new PriceRow(csv[c.Region], csv[c.InstanceType], csv[c.OnDemand], csv[c.Standard1], csv[c.Standard3],
                    csv[c.Convertible1], csv[c.Convertible3], csv[c.SpotSavings], csv[c.OnDemandSource],
                    Optional(csv, c.SavingsPlan1), Optional(csv, c.SavingsPlan3))),
            Services = Rows(openFile, SnapshotFormat.ServicesFile, csv => new ServiceColumns(csv),
                (csv, c) => new ServiceRow(csv[c.Key], csv[c.Usd], csv[c.Unit], csv[c.Confidence], csv[c.Source], Optional(csv, c.Region))),
            AutoModeFees = OptionalRows(openFile, SnapshotFormat.AutoModeFeesFile, csv => new AutoModeFeeColumns(csv),
                (csv, c) => new AutoModeFeeRow(csv[c.Region], csv[c.InstanceType], csv[c.UsdPerHour], csv[c.Source])),
        };
    }

    /// <summary>The five files, in the snapshot CSV format, each headed by <paramref name="headline"/>.</summary>
    public IReadOnlyList<SnapshotFile> Write(string headline)
    {
        SnapshotFile File(string name, IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<string?>> rows)
        {
            var csv = new CsvWriter();
            csv.Comment(headline);
            csv.Row(columns);
            foreach (var row in rows)
            {
                csv.Row(row);
            }

            return new SnapshotFile(name, csv.ToString(), csv.RowCount - 1);
        }

        List<SnapshotFile> files =
        [
            new SnapshotFile(SnapshotFormat.InstanceTypesFile, InstanceTypesText, 0),
            File(SnapshotFormat.PricesFile, SnapshotFormat.PriceHeader, Prices.Select(p => new[]
            {
                p.Region, p.InstanceType, p.OnDemand, p.Standard1, p.Standard3, p.Convertible1, p.Convertible3, p.SpotSavings,
                p.OnDemandSource, p.SavingsPlan1, p.SavingsPlan3,
            })),
            File(SnapshotFormat.RegionsFile, SnapshotFormat.RegionHeader, Regions.Select(r => new[]
            {
                r.Code, r.Name, r.Gp3PerGbMonth, r.Gp3PerIopsMonth, r.Gp3PerMiBpsMonth, CsvValues.Text(r.Gp3Regional), string.Join(' ', r.Origins),
            })),
            File(SnapshotFormat.ServicesFile, SnapshotFormat.ServiceHeader, Services.Select(s => new[]
            {
                s.Key, s.Usd, s.Unit, s.Confidence, s.Source, s.Region,
            })),
            File(SnapshotFormat.SourcesFile, SnapshotFormat.SourceHeader, Sources.Select(s => new[]
            {
                s.Code, s.What, s.Source, CsvValues.Text(s.AsOf),
            })),
        ];
        if (AutoModeFees.Count > 0)
        {
            files.Add(File(SnapshotFormat.AutoModeFeesFile, SnapshotFormat.AutoModeFeeHeader, AutoModeFees.Select(f => new[]
            {
                f.Region, f.InstanceType, f.UsdPerHour, f.Source,
            })));
        }

        return files;
    }

    /// <summary>Loads written files with the same loader as the embedded snapshot.</summary>
    public static PriceSnapshot Load(IReadOnlyList<SnapshotFile> files, string source, string snapshotId)
    {
        var byName = files.ToDictionary(f => f.Name, StringComparer.Ordinal);
        return SnapshotLoader.LoadWithId(
            name => byName.TryGetValue(name, out var file) ? new StringReader(file.Content) : throw new FileNotFoundException($"No snapshot file {name}", name),
            source, snapshotId);
    }

    private static string Optional(CsvFile csv, int column) => column < 0 ? "" : csv[column];

    /// <summary>The rows of an optional file; none when the snapshot lacks it.</summary>
    private static List<T> OptionalRows<TColumns, T>(
        Func<string, TextReader> openFile, string name, Func<CsvFile, TColumns> columns, Func<CsvFile, TColumns, T> read)
    {
        try
        {
            openFile(name).Dispose();
        }
        catch (FileNotFoundException)
        {
            return [];
        }

        return Rows(openFile, name, columns, read);
    }

    private static List<T> Rows<TColumns, T>(
        Func<string, TextReader> openFile, string name, Func<CsvFile, TColumns> columns, Func<CsvFile, TColumns, T> read)
    {
        using var reader = openFile(name);
        var csv = new CsvFile(reader, name);
        var c = columns(csv);
        var rows = new List<T>();
        while (csv.ReadRow())
        {
            rows.Add(read(csv, c));
        }

        return rows;
    }
}
