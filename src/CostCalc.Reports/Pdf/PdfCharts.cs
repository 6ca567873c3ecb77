using CostCalc.Domain.Comparing;
using CostCalc.Domain.Estimation;
using CostCalc.Domain.Vocabulary;
using ScottPlot;
using ScottPlot.TickGenerators;
using SkiaSharp;

namespace CostCalc.Reports.Pdf;

/// <summary>One entry of a legend we draw ourselves (so it uses the report's type and wraps).</summary>
internal sealed record LegendEntry(string Label, SKColor Color, bool Line = false);

/// <summary>One bar of a stacked bar chart: its name and its parts in stacking order.</summary>
internal sealed record BarRow(string Label, IReadOnlyList<(double Amount, SKColor Colour)> Parts);

/// <summary>
/// The report's charts as ScottPlot plots, styled for print: 1 plot pixel is 1 PDF point, small
/// type, no chart titles or legends (the report draws those), light grid, left and bottom axes only.
/// </summary>
internal static class PdfCharts
{
    private const float TickSize = 7f;

    /// <summary>One line per path; months a path cannot run are left out, never drawn at $0.</summary>
    public static Plot CumulativeCost(Projection projection) => CostLines(projection, s => s.CumulativeUsd);

    public static Plot MonthlyCost(Projection projection) => CostLines(projection, s => s.MonthlyUsd);

    /// <summary>Line styles of the compared scenarios, in order: as on the web, solid for scenario 1.</summary>
    private static readonly (LinePattern Pattern, string Name)[] ScenarioPatterns =
        [(LinePattern.Solid, "solid"), (LinePattern.Dashed, "dashed"), (LinePattern.Dotted, "dotted"), (LinePattern.DenselyDashed, "short dashes")];

    public static string PatternName(int scenario) => ScenarioPatterns[scenario].Name;

    /// <summary>Every compared scenario's cumulative cost by month, a line per path in its colour and the scenario's line style.</summary>
    public static Plot ComparisonCumulative(Comparison comparison)
    {
        var plot = new Plot();
        double max = 1;
        var months = comparison.Scenarios.Max(s => s.HorizonMonths);
        var pathIndex = comparison.Paths.Select((p, i) => (p.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        for (var s = 0; s < comparison.Scenarios.Count; s++)
        {
            foreach (var series in comparison.Scenarios[s].Estimate.Projection.Paths)
            {
                foreach (var (xs, ys) in Runs(series.CumulativeUsd))
                {
                    var line = plot.Add.ScatterLine(xs, ys);
                    line.Color = ToPlot(PdfTheme.PathColour(series.Path, pathIndex.GetValueOrDefault(series.Path)));
                    line.LineWidth = 1.6f;
                    line.LinePattern = ScenarioPatterns[s].Pattern;
                    line.MarkerSize = xs.Length == 1 ? 3.5f : 0;
                    max = Math.Max(max, ys.Max());
                }
            }
        }

        var last = Math.Max(2, months);
        plot.Axes.SetLimits(1, last, 0, max * 1.08);
        plot.Axes.Left.TickGenerator = new NumericAutomatic { LabelFormatter = Formats.UsdShort, TargetTickCount = 5 };
        plot.Axes.Bottom.TickGenerator = new NumericManual(MonthTicks(last), [.. MonthTicks(last).Select(m => Formats.Number(m))]);
        Style(plot, horizontalGrid: true, new PixelPadding(38, 10, 26, 6));
        plot.Axes.Bottom.Label.Text = "Month";
        return plot;
    }

    /// <summary>
    /// One horizontal bar per row, top to bottom, stacked from its parts in order; the left axis
    /// names the rows, the bottom axis is labelled by <paramref name="format"/>.
    /// </summary>
    public static Plot StackedBars(IReadOnlyList<BarRow> rows, Func<double, string> format)
    {
        var plot = new Plot();
        var bars = new List<Bar>();
        for (var r = 0; r < rows.Count; r++)
        {
            double start = 0;
            foreach (var (amount, colour) in rows[r].Parts.Where(p => p.Amount > 0))
            {
                bars.Add(new Bar
                {
                    Position = rows.Count - 1 - r,
                    ValueBase = start,
                    Value = start + amount,
                    FillColor = ToPlot(colour),
                    LineWidth = 0,
                    Orientation = Orientation.Horizontal,
                    Size = 0.6,
                });
                start += amount;
            }
        }

        plot.Add.Bars(bars);
        var max = rows.Count == 0 ? 1 : rows.Max(r => r.Parts.Where(p => p.Amount > 0).Sum(p => p.Amount));
        plot.Axes.SetLimits(0, Math.Max(1, max) * 1.04, -0.55, rows.Count - 0.45);
        plot.Axes.Left.TickGenerator = new NumericManual(
            [.. rows.Select((_, i) => (double)(rows.Count - 1 - i))],
            [.. rows.Select(r => r.Label)]);
        plot.Axes.Bottom.TickGenerator = new NumericAutomatic { LabelFormatter = format, TargetTickCount = 5 };
        Style(plot, horizontalGrid: false, new PixelPadding(LabelRoom(rows.Select(r => r.Label)), 14, 16, 4));
        plot.Axes.Left.TickLabelStyle.Bold = true;
        plot.Axes.Left.MajorTickStyle.Length = 0;
        return plot;
    }

    /// <summary>Each share of a machine in its own colour, as on the web; free capacity in neutral grey.</summary>
    public static SKColor SliceColor(string name) => PdfTheme.Hex(SliceStyle.Colour(name));

    /// <summary>
    /// Draws <paramref name="plot"/> as vectors with its top-left corner at (x, y). ScottPlot's
    /// first render of a plot is a layout pass followed by a second render, and a PDF canvas would
    /// keep both (every label twice), so the first render goes to a canvas that
    /// draws nothing: it does what RenderInMemory does for layout without rasterising anything.
    /// </summary>
    public static void Render(SKCanvas canvas, Plot plot, float x, float y, int width, int height)
    {
        using (var layoutPass = new SKNoDrawCanvas(width, height))
        {
            plot.Render(layoutPass, width, height);
        }

        canvas.Save();
        canvas.Translate(x, y);
        canvas.ClipRect(new SKRect(0, 0, width, height));
        plot.Render(canvas, width, height);
        canvas.Restore();
    }

    private static Plot CostLines(Projection projection, Func<PathSeries, IReadOnlyList<decimal?>> values)
    {
        var plot = new Plot();
        double max = 1;
        for (var p = 0; p < projection.Paths.Count; p++)
        {
            var series = projection.Paths[p];
            foreach (var (xs, ys) in Runs(values(series)))
            {
                var line = plot.Add.ScatterLine(xs, ys);
                line.Color = ToPlot(PdfTheme.PathColour(series.Path, p));
                line.LineWidth = 1.8f;
                line.MarkerSize = projection.Months <= 12 || xs.Length == 1 ? 3.5f : 0;
                max = Math.Max(max, ys.Max());
            }
        }

        var last = Math.Max(2, projection.Months);
        plot.Axes.SetLimits(1, last, 0, max * 1.08);
        plot.Axes.Left.TickGenerator = new NumericAutomatic { LabelFormatter = Formats.UsdShort, TargetTickCount = 5 };
        plot.Axes.Bottom.TickGenerator = new NumericManual(MonthTicks(last), [.. MonthTicks(last).Select(m => Formats.Number(m))]);
        Style(plot, horizontalGrid: true, new PixelPadding(38, 10, 26, 6));
        plot.Axes.Bottom.Label.Text = "Month";
        return plot;
    }

    /// <summary>The runs of consecutive months that have a value, as (month numbers, values).</summary>
    private static IEnumerable<(double[] Xs, double[] Ys)> Runs(IReadOnlyList<decimal?> values)
    {
        for (var m = 0; m < values.Count; m++)
        {
            var first = m;
            while (m < values.Count && values[m] is not null)
            {
                m++;
            }

            if (m > first)
            {
                yield return ([.. Enumerable.Range(first + 1, m - first).Select(x => (double)x)],
                    [.. values.Skip(first).Take(m - first).Select(v => (double)v!.Value)]);
            }
        }
    }

    /// <summary>Room for the left axis's bold row names.</summary>
    private static float LabelRoom(IEnumerable<string> labels)
    {
        using var font = new SKFont(PdfFonts.Bold, TickSize);
        return MathF.Ceiling(labels.Select(l => font.MeasureText(l)).DefaultIfEmpty(0).Max()) + 12;
    }

    /// <summary>Month 1 and then every 3, 6 or 12 months, about six labels in all.</summary>
    private static double[] MonthTicks(int last)
    {
        var step = last <= 12 ? 2 : last <= 24 ? 3 : last <= 48 ? 6 : 12;
        return [1, .. Enumerable.Range(1, last / step).Select(i => (double)(i * step)).Where(m => m > 1)];
    }

    /// <summary>
    /// Print styling. The data area is placed by fixed padding (left, right, bottom, top) rather
    /// than ScottPlot's automatic layout, which reserves room for the empty top axis and title and
    /// would leave the charts side by side with differently sized data areas.
    /// </summary>
    private static void Style(Plot plot, bool horizontalGrid, PixelPadding padding)
    {
        plot.Font.Set(PdfFonts.ChartFamily);
        plot.Layout.Fixed(padding);
        plot.FigureBackground.Color = Colors.Transparent;
        plot.DataBackground.Color = Colors.Transparent;
        plot.Legend.IsVisible = false;
        plot.Legend.SetBestFontOnEachRender = false;
        plot.Axes.Top.FrameLineStyle.Width = 0;
        plot.Axes.Right.FrameLineStyle.Width = 0;
        plot.Axes.Top.MajorTickStyle.Length = 0;
        plot.Axes.Right.MajorTickStyle.Length = 0;
        foreach (var axis in new IAxis[] { plot.Axes.Left, plot.Axes.Bottom })
        {
            axis.FrameLineStyle.Color = ToPlot(PdfTheme.Rule);
            axis.FrameLineStyle.Width = 0.8f;
            axis.TickLabelStyle.FontSize = TickSize;
            axis.TickLabelStyle.ForeColor = ToPlot(PdfTheme.Secondary);
            axis.MajorTickStyle.Color = ToPlot(PdfTheme.Rule);
            axis.MajorTickStyle.Length = 3;
            axis.MinorTickStyle.Length = 0;
            axis.Label.FontSize = TickSize;
            axis.Label.Bold = false;
            axis.Label.ForeColor = ToPlot(PdfTheme.Muted);
        }

        plot.Grid.MajorLineColor = ToPlot(new SKColor(0xE6, 0xEA, 0xEF));
        plot.Grid.MajorLineWidth = 0.6f;
        plot.Grid.XAxisStyle.IsVisible = !horizontalGrid;
        plot.Grid.YAxisStyle.IsVisible = horizontalGrid;
    }

    private static Color ToPlot(SKColor color) => new(color.Red, color.Green, color.Blue, color.Alpha);

}
