using CostCalc.Domain.Estimation;
using CostCalc.Domain.Vocabulary;
using SkiaSharp;

namespace CostCalc.Reports.Pdf;

/// <summary>The detail sections: warnings, capacity, resource split, beyond cost, cost lines, projection.</summary>
internal sealed partial class ReportWriter
{
    private void Warnings()
    {
        Heading("Warnings", keepWithNext: 30);
        if (estimate.Warnings.Count == 0)
        {
            Paragraph("None: this estimate raised no warnings.", PdfTheme.Body);
            return;
        }

        var textWidth = flow.Width - 16;
        foreach (var warning in estimate.Warnings)
        {
            var lines = type.Wrap(warning.Message, PdfTheme.Body, textWidth);
            var note = warning.Path is null ? warning.Code : $"{warning.Code} · {RaisedBy(warning)}";
            var height = 6 + (lines.Count * PdfTheme.Body.LineHeight) + PdfTheme.Note.LineHeight + 5;
            flow.Ensure(height);
            var (top, left, right) = (flow.Y, flow.Left, flow.Right);
            flow.Draw(c =>
            {
                c.DrawRect(new SKRect(left, top, right, top + height), type.Fill(PdfTheme.WarningFill));
                c.DrawRect(new SKRect(left, top, left + 3, top + height), type.Fill(PdfTheme.WarningAccent));
                var y = top + 5;
                foreach (var line in lines)
                {
                    type.Draw(c, line, left + 11, y + type.Baseline(PdfTheme.Body), PdfTheme.Body);
                    y += PdfTheme.Body.LineHeight;
                }

                type.Draw(c, note, left + 11, y + type.Baseline(PdfTheme.Note), PdfTheme.Note);
            });
            flow.Advance(height + 4);
        }
    }

    /// <summary>The paths that raised a warning (shared warnings are listed once), or its path id if no path lists it.</summary>
    private string RaisedBy(Warning warning) =>
        NamesOf(p => p.Warnings.Any(w => w.Code == warning.Code && w.Message == warning.Message)) is { Length: > 0 } names ? names
        : estimate.Find(warning.Path!)?.Name ?? warning.Path!;

    private void Capacity()
    {
        var table = new PdfTable(
            [
                new("Month 1, at peak connections", 0.34f),
                .. estimate.Paths.Select(p => new TableColumn(p.Name, 0.66f / estimate.Paths.Count, TextAlign.Right, Colour(p))),
            ]) { KeepTogether = true };
        (string Label, Func<PathEstimate, string> Value)[] rows =
        [
            ("Machine type", p => p.MachineType),
            ("Machines (incl. system nodes)",
                p => Formats.Plural(p.Machines, p.MachineKind) + (p.SystemNodes > 0 ? $" ({Formats.Count(p.SystemNodes)} for add-ons)" : "")),
            ("Spare capacity", p => p.Survives ?? Formats.NoValue),
            ("BEAM VMs", p => Formats.Count(p.Vms)),
            ("VMs per machine", p => Formats.Count(p.VmsPerMachine)),
            ("Connections per VM", p => Formats.Count(p.ConnectionsPerVm)),
            ("… if memory binds", p => Formats.Count(p.MemoryBoundConnectionsPerVm)),
            ("… if CPU binds", p => Formats.Bound(p.CpuBoundConnectionsPerVm)),
            ("Binding resource", p => !p.Feasible ? Formats.NoValue : p.Binding == BindingResource.Cpu ? "CPU" : "Memory"),
            ("Memory per VM", p => Formats.Number(p.VmMemoryMiB, "#,0") + " MiB"),
            ("CPU per VM / schedulers", p => $"{Formats.Cores(p.VmCpuCores)} / {p.VmSchedulers}"),
            ("Messages crossing VMs", p => Formats.Percent(p.RemoteMessageShare)),
            ("Distribution mesh connections", p => Formats.Count(p.MeshConnections)),
            ("Connections dropped per month", p => Formats.Count(p.Disruption.ConnectionsDroppedPerMonth)),
            .. DropCauses.InOrder(estimate.Paths.SelectMany(p => p.Disruption.Causes.Select(c => c.Cause))).Select(cause =>
                ($"… {cause}", (Func<PathEstimate, string>)(p => p.Disruption.Find(cause) is { } c ? Formats.Count(c.ConnectionsDroppedPerMonth) : Formats.NoValue))),
            ("VM restarts per month", p => Formats.Count(p.Disruption.VmRestartsPerMonth)),
        ];
        foreach (var (label, value) in rows)
        {
            table.Add([label, .. estimate.Paths.Select(p => new TableCell(value(p)))]);
        }

        table.AddTotal(["USD per 10k connections per month",
            .. estimate.Paths.Select(p => new TableCell(p.Feasible ? Formats.UsdCents(p.UsdPer10kConnections) : Formats.NoValue))]);
        Heading("Capacity at peak", keepWithNext: table.Measure(flow, type));
        table.Draw(flow, type);
    }

    private void ResourceSplit()
    {
        var paths = estimate.Paths.Where(p => p.Feasible).ToList();
        if (paths.Count == 0)
        {
            return;
        }

        var plotHeight = 12 + (36 * paths.Count);
        Heading("Resource split of one machine", keepWithNext: plotHeight + 70);
        var machines = string.Join(", ", paths.Select(p => $"{p.Name} ({p.Memory.Machine})"));
        Paragraph($"What each MiB and millicore of one machine of each path goes to at peak: {machines}.",
            PdfTheme.Body.WithColor(PdfTheme.Secondary));
        var names = paths.SelectMany(p => p.Memory.Slices.Concat(p.Cpu.Slices))
            .Select(s => s.Name).Distinct(StringComparer.Ordinal).OrderBy(n => n == SliceStyle.Free).ToList();
        var legend = names.Select(n => new LegendEntry(n, PdfCharts.SliceColor(n))).ToList();
        Charts(
            [
                ($"Memory ({paths[0].Memory.Unit})", Split(paths, p => p.Memory)),
                ($"CPU ({paths[0].Cpu.Unit})", Split(paths, p => p.Cpu)),
            ], plotHeight, legend);
    }

    /// <summary>One bar per path, stacked in the path's own order of slices, each slice in its own colour.</summary>
    private static ScottPlot.Plot Split(List<PathEstimate> paths, Func<PathEstimate, ResourceSplit> split) =>
        PdfCharts.StackedBars(
            [.. paths.Select(p => new BarRow(p.Name, [.. split(p).Slices.Select(s => (s.Amount, PdfCharts.SliceColor(s.Name)))]))],
            v => Formats.Number(v, "#,0"));

    /// <summary>
    /// How each path counts each cause of dropped connections and each path's disruption facts, grouped
    /// under the paths that share them, then the facts common to all.
    /// </summary>
    private void BeyondCost()
    {
        var table = new PdfTable([new("Consideration", 0.24f), new("What it means, and its source", 0.76f)]);
        var facts = estimate.Paths.SelectMany(PathFacts).Distinct();
        foreach (var shared in facts.GroupBy(f => NamesOf(p => PathFacts(p).Contains(f))))
        {
            AddFacts(shared.Key, [.. shared]);
        }

        AddFacts("Every path", estimate.Facts);
        Heading("Beyond cost", keepWithNext: table.MeasureStart(flow, type));
        table.Draw(flow, type);

        static IEnumerable<Fact> PathFacts(PathEstimate p) =>
            p.Disruption.Causes.Select(c => new Fact(c.Cause, c.Detail, c.Source)).Concat(p.Disruption.Facts);

        void AddFacts(string group, IReadOnlyList<Fact> facts)
        {
            if (facts.Count > 0)
            {
                table.AddGroup(group);
            }

            foreach (var fact in facts)
            {
                table.Add(fact.Name, new TableCell(fact.Value, fact.Source));
            }
        }
    }

    private void CostLines()
    {
        var tables = estimate.Paths.Select(CostLineTable).ToList();
        Heading("Monthly cost lines, month 1", keepWithNext: tables.Count == 0 ? 0 : tables[0].Measure(flow, type));
        foreach (var table in tables)
        {
            table.Draw(flow, type);
            flow.Advance(12);
        }
    }

    private PdfTable CostLineTable(PathEstimate path)
    {
        var table = new PdfTable(
            [
                new($"{path.Name} cost line", 0.27f, HeaderColor: Colour(path)),
                new("How it is calculated, and the source of its rate", 0.53f),
                new("USD / month", 0.2f, TextAlign.Right),
            ], Colour(path)) { KeepTogether = true };
        foreach (var line in path.CostLines)
        {
            // With the user's prices in, every line says what it is priced at; at list prices the whole report is.
            var detail = estimate.AdjustedPrices is null ? line.Detail : $"{line.Detail} — {line.Basis}";
            table.Add(line.Name, new TableCell(detail, line.Source), Formats.UsdCents(line.MonthlyUsd));
        }

        table.AddTotal($"{path.Name} total", path.Feasible ? "" : $"Not feasible: {path.Name} cannot run these inputs; see the warnings",
            Formats.UsdCents(path.MonthlyUsd));
        return table;
    }

    /// <summary>Paths one projection table holds: each brings three columns, and more than three paths' would not fit the page's width.</summary>
    private const int PathsPerProjectionTable = 3;

    /// <summary>
    /// Month, connections, then each path's machines, monthly and cumulative cost; a month a path cannot run shows a dash.
    /// More paths than one table holds go into further tables of the same months, in the paths' order.
    /// </summary>
    private void ProjectionTable()
    {
        var s = estimate.Scenario;
        var projection = estimate.Projection;
        Heading($"Projection over {Formats.Plural(projection.Months, "month")}", keepWithNext: 60);
        Paragraph($"Peak connections grow {Signed(s.GrowthPercentPerMonth)} % a month; each month is sized and priced on its own. Whole dollars.",
            PdfTheme.Body.WithColor(PdfTheme.Secondary));
        for (var first = 0; first < estimate.Paths.Count; first += PathsPerProjectionTable)
        {
            var paths = estimate.Paths.Skip(first).Take(PathsPerProjectionTable).ToList();
            var series = paths.Select(p => projection[p.Id]).ToList();
            var table = new PdfTable(
                [
                    new("Month", 0.62f, TextAlign.Right),
                    new("Connections", 1.1f, TextAlign.Right),
                    .. paths.SelectMany(p => new TableColumn[]
                    {
                        new($"{p.Name} machines", 0.87f, TextAlign.Right, Colour(p)),
                        new($"{p.Name} / month", 0.85f, TextAlign.Right, Colour(p)),
                        new($"{p.Name} cumulative", 1.05f, TextAlign.Right, Colour(p)),
                    }),
                ]) { Dense = true };
            for (var m = 0; m < projection.Months; m++)
            {
                var month = m;
                table.Add([Formats.Count(m + 1), Formats.Count(projection.Connections[m]),
                    .. series.SelectMany(p => new TableCell[]
                    {
                        Formats.Count(p.Machines[month]), Formats.Usd(p.MonthlyUsd[month]), Formats.Usd(p.CumulativeUsd[month]),
                    })]);
            }

            table.Draw(flow, type);
        }
    }
}
