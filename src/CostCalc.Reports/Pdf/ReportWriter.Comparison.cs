using CostCalc.Domain.Comparing;
using CostCalc.Domain.Scenarios;
using CostCalc.Domain.Vocabulary;

namespace CostCalc.Reports.Pdf;

/// <summary>
/// A saved comparison as a PDF: the title and the author's notes, each scenario's verdict and prices, the totals and
/// deltas against scenario 1, the cumulative cost of every scenario overlaid, and the inputs that differ. The writer's
/// own estimate is scenario 1's.
/// </summary>
internal sealed partial class ReportWriter
{
    public void WriteComparison(Comparison comparison)
    {
        ComparisonTitle(comparison);
        ComparisonVerdicts(comparison);
        ComparisonTotals(comparison);
        ComparisonChart(comparison);
        ComparisonInputs(comparison);
        ComparisonClosing(comparison);
    }

    private void ComparisonTitle(Comparison comparison)
    {
        var (left, right, y) = (flow.Left, flow.Right, flow.Y);
        flow.Draw(c =>
        {
            type.Draw(c, "COSTCALC", left, y + 5.5f, PdfTheme.Brand);
            type.Draw(c, "Scenario comparison", right, y + 5.5f, PdfTheme.Brand, TextAlign.Right);
        });
        flow.Advance(16);
        Paragraph(options.Title ?? $"BEAM service: {comparison.Scenarios.Count} scenarios compared", PdfTheme.Title, gapAfter: 6);
        if (options.Notes is { Length: > 0 } notes)
        {
            Paragraph(notes.Replace('\t', ' '), PdfTheme.Body, gapAfter: 6);
        }

        KeyValue("Created", Formats.DateTime(options.CreatedAt), null);
        if (options.ReportLink is { } link)
        {
            KeyValue("Report", link, link);
        }

        flow.Advance(4);
    }

    private void ComparisonVerdicts(Comparison comparison)
    {
        Heading("Verdict of each scenario", keepWithNext: 60);
        for (var s = 0; s < comparison.Scenarios.Count; s++)
        {
            var scenario = comparison.Scenarios[s];
            Paragraph($"{s + 1}. {scenario.Label}", PdfTheme.SubHeading, gapAfter: 1);
            Paragraph(scenario.Verdict, PdfTheme.Body.AsBold(), gapAfter: 1);
            Paragraph($"Prices as of {Formats.Date(scenario.Estimate.PricesAsOf)} · snapshot {scenario.Estimate.SnapshotId} · {scenario.Estimate.RegionName}",
                PdfTheme.Body.WithColor(PdfTheme.Secondary), gapAfter: 6);
        }
    }

    private void ComparisonTotals(Comparison comparison)
    {
        var weight = 0.75f / comparison.Scenarios.Count;
        var table = new PdfTable([new("", 0.25f), .. comparison.Scenarios.Select((s, i) => new TableColumn($"{i + 1}. {s.Label}", weight, TextAlign.Right))]);
        var first = comparison.First;
        table.Add([
            "Cheapest over the horizon",
            .. comparison.Scenarios.Select((s, i) => new TableCell(
                $"{(s.CheapestPath is { } id ? s.Find(id)!.Name : "no single cheapest")}, {Formats.Usd(s.BestHorizonUsd)}",
                i == 0 ? null : s.BestDelta.Describe(s.BestHorizonUsd, first.BestHorizonUsd)))]);
        foreach (var path in comparison.Paths)
        {
            table.AddGroup(path.Name);
            table.Add(["Month 1", .. comparison.Scenarios.Select((s, i) => Cell(s.Find(path.Id), first.Find(path.Id), i, month1: true))]);
            table.Add(["Over the horizon", .. comparison.Scenarios.Select((s, i) => Cell(s.Find(path.Id), first.Find(path.Id), i, month1: false))]);
        }

        const string text = "Totals per path in USD; under each, the delta against scenario 1: this scenario's figure less scenario 1's, "
            + "in the whole dollars shown, and as a percentage of scenario 1's.";
        var intro = PdfTheme.Body.WithColor(PdfTheme.Secondary);
        Heading("Totals and deltas against scenario 1", keepWithNext: (type.Wrap(text, intro, flow.Width).Count * intro.LineHeight) + 4 + table.MeasureStart(flow, type));
        Paragraph(text, intro);
        table.Draw(flow, type);
    }

    private static TableCell Cell(ComparedPath? path, ComparedPath? first, int index, bool month1)
    {
        if (path is null)
        {
            return "not shown";
        }

        var (value, reference, delta) = month1
            ? (path.Month1Usd, first?.Month1Usd, path.Month1Delta)
            : (path.HorizonUsd, first?.HorizonUsd, path.HorizonDelta);
        return new TableCell(value is null ? "cannot run" : Formats.Usd(value), index == 0 ? null : delta.Describe(value, reference));
    }

    private void ComparisonChart(Comparison comparison)
    {
        Heading("Cost over the horizon, overlaid", keepWithNext: 230);
        Paragraph("Cumulative cost by month: colour is the path, line style the scenario (solid is scenario 1). A gap is a month the path cannot run.",
            PdfTheme.Body.WithColor(PdfTheme.Secondary));
        var legend = comparison.Paths.Select((p, i) => new LegendEntry(p.Name, PdfTheme.PathColour(p.Id, i), Line: true))
            .Concat(comparison.Scenarios.Select((s, i) => new LegendEntry($"{i + 1}. {s.Label}: {PdfCharts.PatternName(i)}", PdfTheme.Ink, Line: true)))
            .ToList();
        Charts([("Cumulative cost", PdfCharts.ComparisonCumulative(comparison))], plotHeight: 190, legend);
    }

    private void ComparisonInputs(Comparison comparison)
    {
        var weight = 0.6f / (comparison.Scenarios.Count + 1);
        var table = new PdfTable([new("Input", 0.4f), .. comparison.Scenarios.Select((s, i) => new TableColumn($"{i + 1}. {s.Label}", weight)), new("Default", weight)]);
        foreach (var group in comparison.Differences.GroupBy(d => d.Group))
        {
            table.AddGroup(ScenarioInputs.GroupName(group.Key));
            foreach (var row in group)
            {
                table.Add([row.Label, .. row.Values.Select(v => new TableCell(v)), row.DefaultValue]);
            }
        }

        Heading("Inputs that differ between the scenarios", keepWithNext: 40);
        if (comparison.Differences.Count == 0)
        {
            Paragraph("Every input is the same in every scenario.", PdfTheme.Body);
            return;
        }

        Paragraph($"{InputDifferences.NotUsed} : the input does not apply to that scenario.", PdfTheme.Body.WithColor(PdfTheme.Secondary));
        table.Draw(flow, type);
    }

    private void ComparisonClosing(Comparison comparison)
    {
        Heading("About these numbers", keepWithNext: 30);
        Paragraph($"Each scenario keeps the prices it was estimated with ({string.Join("; ", comparison.Scenarios.Select((s, i) => $"{i + 1}: {Formats.Date(s.Estimate.PricesAsOf)}"))}), "
            + $"from {options.PricesSource}. Estimates are monthly, at 730 hours a month, in USD before tax.", PdfTheme.Body.WithColor(PdfTheme.Secondary));
    }
}
