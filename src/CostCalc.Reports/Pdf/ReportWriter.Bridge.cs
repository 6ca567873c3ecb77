using CostCalc.Domain.Vocabulary;

namespace CostCalc.Reports.Pdf;

/// <summary>Page 1, after the verdict: why each path costs what it does (the cost bridge) and where the answer flips (the crossover).</summary>
internal sealed partial class ReportWriter
{
    /// <summary>
    /// One table: a row per named difference (in the order the bridges name them), a column per path measured against the
    /// reference, from the reference's total to each path's. The arithmetic of each row is in the calculator's tooltips.
    /// </summary>
    private void BridgeSection()
    {
        var bridges = estimate.Bridges;
        if (bridges.Count == 0)
        {
            return;
        }

        var first = bridges[0];
        var names = new List<string>();
        foreach (var bar in bridges.SelectMany(b => b.Bars))
        {
            if (!names.Contains(bar.Name))
            {
                names.Add(bar.Name);
            }
        }

        var weight = 0.62f / bridges.Count;
        var table = new PdfTable(
            [
                new($"Over {Formats.Plural(first.Months, "month")}, against {first.ReferenceName}", 0.38f),
                .. bridges.Select(b => new TableColumn(b.Name, weight, TextAlign.Right, estimate.Find(b.Path) is { } p ? Colour(p) : null)),
            ]);
        table.Add([$"{first.ReferenceName} total (the cheapest)", .. bridges.Select(b => new TableCell(Formats.Usd(b.ReferenceUsd)))]);
        foreach (var name in names)
        {
            table.Add([name, .. bridges.Select(b => new TableCell(b.Bars.FirstOrDefault(x => x.Name == name) is { } bar ? Formats.UsdChange(bar.Usd) : Formats.NoValue))]);
        }

        table.AddTotal(["Total", .. bridges.Select(b => new TableCell(Formats.Usd(b.PathUsd), $"{Formats.UsdChange(b.DifferenceUsd)} against {b.ReferenceName}"))]);
        Heading(bridges.Count == 1 && first.DifferenceUsd >= 0 ? $"Why {first.Name} costs more" : "Why the paths cost what they do",
            keepWithNext: table.MeasureStart(flow, type) + 30);
        Paragraph("Each row is one named difference; the rows add up exactly to the difference the verdict quotes. Compute is split by "
            + "sizing each path again with one reason removed at a time (model.md §7.13).", PdfTheme.Body.WithColor(PdfTheme.Secondary));
        table.Draw(flow, type);
    }

    /// <summary>The crossover's sentences: where, at other peak connection counts, another path becomes the cheapest.</summary>
    private void CrossoverSection()
    {
        if (estimate.Crossover is not { Sentences.Count: > 0 } crossover)
        {
            return;
        }

        Heading("Where the answer flips", keepWithNext: 40);
        Paragraph($"Month-1 cost of every path at {Formats.CountShort(Domain.Estimation.Crossover.From)} to {Formats.CountShort(Domain.Estimation.Crossover.To)} peak connections, "
            + $"every other input as entered (this scenario: {Formats.Count(crossover.Current)}).", PdfTheme.Body.WithColor(PdfTheme.Secondary));
        foreach (var sentence in crossover.Sentences)
        {
            Paragraph(sentence, PdfTheme.Body.AsBold(), gapAfter: 2);
        }
    }
}
