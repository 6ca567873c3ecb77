using CostCalc.Domain.Estimation;
using ScottPlot;
using SkiaSharp;

namespace CostCalc.Reports.Pdf;

/// <summary>
/// Lays one estimate out as the report's sections (this file holds the shared building blocks;
/// the sections are in the other ReportWriter.*.cs files). Layout only: drawing happens later,
/// page by page, when <see cref="EstimatePdf"/> replays the steps into the PDF.
/// </summary>
internal sealed partial class ReportWriter(Estimate estimate, PdfOptions options, PageFlow flow, Typesetter type) : IDisposable
{
    private const float ChartGutter = 18;
    private readonly List<Plot> _plots = [];

    public void Write()
    {
        Title();
        Headlines();
        CostOverTime();
        Breakdown();
        BridgeSection();
        CrossoverSection();
        Warnings();
        Capacity();
        ResourceSplit();
        BeyondCost();
        CostLines();
        ProjectionTable();
        Inputs();
        Closing();
    }

    public void Dispose()
    {
        foreach (var plot in _plots)
        {
            plot.Dispose();
        }
    }

    private void Heading(string text, float keepWithNext)
    {
        flow.Gap(16);
        var style = PdfTheme.Heading;
        var height = style.LineHeight + 7;
        flow.Ensure(height + keepWithNext);
        var (y, left, right) = (flow.Y, flow.Left, flow.Right);
        flow.Draw(c =>
        {
            type.Draw(c, text, left, y + type.Baseline(style), style);
            c.DrawLine(left, y + style.LineHeight + 2.5f, right, y + style.LineHeight + 2.5f, type.Stroke(PdfTheme.Rule, 0.7f));
        });
        flow.Advance(height);
    }

    private void Paragraph(string text, TextStyle style, float gapAfter = 4)
    {
        var left = flow.Left;
        foreach (var line in type.Wrap(text, style, flow.Width))
        {
            flow.Ensure(style.LineHeight);
            var y = flow.Y;
            flow.Draw(c => type.Draw(c, line, left, y + type.Baseline(style), style));
            flow.Advance(style.LineHeight);
        }

        flow.Advance(gapAfter);
    }

    /// <summary>A row of colour swatches and labels that wraps to the width.</summary>
    private float LegendHeight(IReadOnlyList<LegendEntry> entries, float width) => LegendLines(entries, width).Count * PdfTheme.Cell.LineHeight;

    private void Legend(IReadOnlyList<LegendEntry> entries, float x, float y, float width)
    {
        var style = PdfTheme.Cell.WithColor(PdfTheme.Secondary);
        var lineY = y;
        foreach (var line in LegendLines(entries, width))
        {
            var cx = x;
            var baseline = lineY + type.Baseline(style);
            var (top, mid) = (baseline - 6.5f, baseline - 2.8f);
            foreach (var entry in line)
            {
                var at = cx;
                flow.Draw(c =>
                {
                    if (entry.Line)
                    {
                        c.DrawRect(new SKRect(at, mid - 1, at + 14, mid + 1), type.Fill(entry.Color));
                    }
                    else
                    {
                        c.DrawRoundRect(new SKRect(at + 3, top, at + 11, top + 8), 1.5f, 1.5f, type.Fill(entry.Color));
                    }

                    type.Draw(c, entry.Label, at + 18, baseline, style);
                });
                cx += EntryWidth(entry, style);
            }

            lineY += style.LineHeight;
        }
    }

    private List<List<LegendEntry>> LegendLines(IReadOnlyList<LegendEntry> entries, float width)
    {
        var style = PdfTheme.Cell.WithColor(PdfTheme.Secondary);
        var lines = new List<List<LegendEntry>> { new() };
        var used = 0f;
        foreach (var entry in entries)
        {
            var w = EntryWidth(entry, style);
            if (used + w > width && lines[^1].Count > 0)
            {
                lines.Add([]);
                used = 0;
            }

            lines[^1].Add(entry);
            used += w;
        }

        return lines;
    }

    private float EntryWidth(LegendEntry entry, TextStyle style) => 18 + type.Measure(entry.Label, style) + 14;

    /// <summary>Charts side by side, each with a small title above; kept together on one page.</summary>
    private void Charts(IReadOnlyList<(string Title, Plot Plot)> charts, int plotHeight, IReadOnlyList<LegendEntry>? legend = null)
    {
        _plots.AddRange(charts.Select(c => c.Plot));
        var titleStyle = PdfTheme.SubHeading.WithColor(PdfTheme.Secondary) with { Size = 8.5f };
        var width = (flow.Width - (ChartGutter * (charts.Count - 1))) / charts.Count;
        var legendHeight = legend is null ? 0 : LegendHeight(legend, flow.Width) + 2;
        flow.Ensure(titleStyle.LineHeight + plotHeight + legendHeight + 2);
        var y = flow.Y;
        for (var i = 0; i < charts.Count; i++)
        {
            var (title, plot) = charts[i];
            var x = flow.Left + (i * (width + ChartGutter));
            var plotWidth = (int)MathF.Floor(width);
            flow.Draw(c =>
            {
                type.Draw(c, title, x, y + type.Baseline(titleStyle), titleStyle);
                PdfCharts.Render(c, plot, x, y + titleStyle.LineHeight + 2, plotWidth, plotHeight);
            });
        }

        flow.Advance(titleStyle.LineHeight + 2 + plotHeight);
        if (legend is not null)
        {
            Legend(legend, flow.Left, flow.Y + 2, flow.Width);
            flow.Advance(legendHeight);
        }
    }

    /// <summary>A clickable link: the text is drawn, and a PDF link annotation covers it.</summary>
    private void Link(SKCanvas canvas, string url, string text, float x, float baseline, TextStyle style)
    {
        type.Draw(canvas, text, x, baseline, style);
        var width = type.Measure(text, style);
        canvas.DrawUrlAnnotation(new SKRect(x, baseline - style.Size, x + width, baseline + (style.Size * 0.25f)), url);
    }

    /// <summary>The path's colour, by its place among the estimate's paths.</summary>
    private SKColor Colour(PathEstimate path) => PdfTheme.PathColour(path.Id, estimate.Paths.Select(p => p.Id).ToList().IndexOf(path.Id));

    /// <summary>"EKS and EKS on Fargate": the names of the paths that <paramref name="match"/>.</summary>
    private string NamesOf(Func<PathEstimate, bool> match)
    {
        var names = estimate.Paths.Where(match).Select(p => p.Name).ToList();
        return names.Count <= 1 ? string.Concat(names) : string.Join(", ", names[..^1]) + " and " + names[^1];
    }
}
