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

    public static SnapshotTables Read(Func<string, TextReader> openFile)
    {
        using var types = openFile(SnapshotFormat.InstanceTypesFile);
        return new SnapshotTables
        {
            InstanceTypesText = types.ReadToEnd(),
            Sources = Rows(openFile, SnapshotFormat.SourcesFile, SnapshotFormat.SourceColumns,
                (csv, c) => new SourceEntry(csv[c[0]], csv[c[1]], csv[c[2]], CsvValues.Date(csv, c[3]))),
            Regions = Rows(openFile, SnapshotFormat.RegionsFile, SnapshotFormat.RegionColumns,
                (csv, c) => new RegionRow(csv[c[0]], csv[c[1]], csv[c[2]], csv[c[3]], csv[c[4]], CsvValues.Bool(csv, c[5]),
                    csv[c[6]].Split(' ', StringSplitOptions.RemoveEmptyEntries))),
            Prices = Rows(openFile, SnapshotFormat.PricesFile, SnapshotFormat.PriceColumns,
                (csv, c) => new PriceRow(csv[c[0]], csv[c[1]], csv[c[2]], csv[c[3]], csv[c[4]], csv[c[5]], csv[c[6]], csv[c[7]],
                    csv[c[8]], Optional(csv, c[9]), Optional(csv, c[10]))),
            Services = Rows(openFile, SnapshotFormat.ServicesFile, SnapshotFormat.ServiceColumns,
                (csv, c) => new ServiceRow(csv[c[0]], csv[c[1]], csv[c[2]], csv[c[3]], csv[c[4]], Optional(csv, c[5]))),
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

        return
        [
            new SnapshotFile(SnapshotFormat.InstanceTypesFile, InstanceTypesText, 0),
            File(SnapshotFormat.PricesFile, SnapshotFormat.PriceColumns, Prices.Select(p => new[]
            {
                p.Region, p.InstanceType, p.OnDemand, p.Standard1, p.Standard3, p.Convertible1, p.Convertible3, p.SpotSavings,
                p.OnDemandSource, p.SavingsPlan1, p.SavingsPlan3,
            })),
            File(SnapshotFormat.RegionsFile, SnapshotFormat.RegionColumns, Regions.Select(r => new[]
            {
                r.Code, r.Name, r.Gp3PerGbMonth, r.Gp3PerIopsMonth, r.Gp3PerMiBpsMonth, CsvValues.Text(r.Gp3Regional), string.Join(' ', r.Origins),
            })),
            File(SnapshotFormat.ServicesFile, SnapshotFormat.ServiceColumns, Services.Select(s => new[]
            {
                s.Key, s.Usd, s.Unit, s.Confidence, s.Source, s.Region,
            })),
            File(SnapshotFormat.SourcesFile, SnapshotFormat.SourceColumns, Sources.Select(s => new[]
            {
                s.Code, s.What, s.Source, CsvValues.Text(s.AsOf),
            })),
        ];
    }

    /// <summary>Loads written files with the same loader as the embedded snapshot.</summary>
    public static PriceSnapshot Load(IReadOnlyList<SnapshotFile> files, string source, string snapshotId)
    {
        var byName = files.ToDictionary(f => f.Name, StringComparer.Ordinal);
        return SnapshotLoader.LoadWithId(name => new StringReader(byName[name].Content), source, snapshotId);
    }

    private static string Optional(CsvFile csv, int column) => column < 0 ? "" : csv[column];

    private static List<T> Rows<T>(
        Func<string, TextReader> openFile, string name, IReadOnlyList<string> columns, Func<CsvFile, int[], T> read)
    {
        using var reader = openFile(name);
        var csv = new CsvFile(reader, name);
        int[] c = [.. columns.Select(column => SnapshotFormat.OptionalColumns.Contains(column) ? csv.OptionalColumn(column) : csv.Column(column))];
        var rows = new List<T>();
        while (csv.ReadRow())
        {
            rows.Add(read(csv, c));
        }

        return rows;
    }
}
