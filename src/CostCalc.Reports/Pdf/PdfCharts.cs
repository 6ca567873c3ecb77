using CostCalc.Domain.Estimation;
using ScottPlot;
using ScottPlot.TickGenerators;
using SkiaSharp;

namespace CostCalc.Reports.Pdf;

/// <summary>One entry of a legend we draw ourselves (so it uses the report's type and wraps).</summary>
internal sealed record LegendEntry(string Label, SKColor Color, bool Line = false);

/// <summary>
/// The report's charts as ScottPlot plots, styled for print: 1 plot pixel is 1 PDF point, small
/// type, no chart titles or legends (the report draws those), light grid, left and bottom axes only.
/// </summary>
internal static class PdfCharts
{
    private const float TickSize = 7f;

    public static Plot CumulativeCost(IReadOnlyList<ProjectionMonth> months) =>
        CostLines(months, m => m.Ec2CumulativeUsd, m => m.EksCumulativeUsd);

    public static Plot MonthlyCost(IReadOnlyList<ProjectionMonth> months) =>
        CostLines(months, m => m.Ec2MonthlyUsd, m => m.EksMonthlyUsd);

    /// <summary>Month 1's cost of each path as one horizontal bar stacked by kind, total at the end.</summary>
    public static Plot Breakdown(Estimate estimate, IReadOnlyList<CostKind> kinds)
    {
        var plot = new Plot();
        var bars = new List<Bar>();
        var paths = new[] { estimate.Ec2, estimate.Eks };
        for (var p = 0; p < paths.Length; p++)
        {
            double start = 0;
            foreach (var kind in kinds)
            {
                var amount = (double)paths[p].CostLines.Where(l => l.Kind == kind).Sum(l => l.MonthlyUsd);
                if (amount <= 0)
                {
                    continue;
                }

                bars.Add(new Bar
                {
                    Position = paths.Length - 1 - p,
                    ValueBase = start,
                    Value = start + amount,
                    FillColor = ToPlot(KindColor(kind)),
                    LineWidth = 0,
                    Orientation = Orientation.Horizontal,
                    Size = 0.62,
                });
                start += amount;
            }
        }

        plot.Add.Bars(bars);
        var max = paths.Max(p => (double)p.MonthlyUsd);
        plot.Axes.SetLimits(0, Math.Max(1, max) * 1.04, -0.55, paths.Length - 0.45);
        plot.Axes.Left.TickGenerator = new NumericManual(
            [.. paths.Select((_, i) => (double)(paths.Length - 1 - i))],
            [.. paths.Select(p => PdfFormat.PathName(p.Path))]);
        plot.Axes.Bottom.TickGenerator = new NumericAutomatic { LabelFormatter = PdfFormat.UsdShort, TargetTickCount = 6 };
        Style(plot, horizontalGrid: false, new PixelPadding(30, 14, 16, 4));
        plot.Axes.Left.TickLabelStyle.Bold = true;
        plot.Axes.Left.MajorTickStyle.Length = 0;
        return plot;
    }

    /// <summary>
    /// What one machine of each path is split into, one horizontal bar per path stacked in the
    /// path's own order; <paramref name="names"/> (every slice name of both) only picks colours.
    /// </summary>
    public static Plot Split(ResourceSplit ec2, ResourceSplit eks, IReadOnlyList<string> names)
    {
        var plot = new Plot();
        var bars = new List<Bar>();
        var splits = new[] { ec2, eks };
        for (var p = 0; p < splits.Length; p++)
        {
            double start = 0;
            foreach (var (name, amount) in splits[p].Slices.Select(s => (s.Name, s.Amount)))
            {
                if (amount <= 0)
                {
                    continue;
                }

                bars.Add(new Bar
                {
                    Position = splits.Length - 1 - p,
                    ValueBase = start,
                    Value = start + amount,
                    FillColor = ToPlot(SliceColor(name, names)),
                    LineWidth = 0,
                    Orientation = Orientation.Horizontal,
                    Size = 0.6,
                });
                start += amount;
            }
        }

        plot.Add.Bars(bars);
        var max = splits.Max(s => s.Slices.Sum(x => x.Amount));
        plot.Axes.SetLimits(0, Math.Max(1, max) * 1.03, -0.55, splits.Length - 0.45);
        plot.Axes.Left.TickGenerator = new NumericManual([1, 0], ["EC2", "EKS"]);
        plot.Axes.Bottom.TickGenerator = new NumericAutomatic
        {
            LabelFormatter = v => PdfFormat.Number(v, "#,0"),
            TargetTickCount = 5,
        };
        Style(plot, horizontalGrid: false, new PixelPadding(30, 14, 16, 4));
        plot.Axes.Left.TickLabelStyle.Bold = true;
        plot.Axes.Left.MajorTickStyle.Length = 0;
        return plot;
    }

    /// <summary>Cost kinds keep one colour each, whichever are present.</summary>
    public static SKColor KindColor(CostKind kind) => PdfTheme.Categories[(int)kind % PdfTheme.Categories.Length];

    /// <summary>Headroom is pale grey (unused capacity); the rest take category colours in order.</summary>
    public static SKColor SliceColor(string name, IReadOnlyList<string> names) =>
        name == "Headroom" ? new SKColor(0xD9, 0xDE, 0xE5) : PdfTheme.Categories[Math.Max(0, IndexOf(names, name)) % PdfTheme.Categories.Length];

    public static string KindName(CostKind kind) => kind switch
    {
        CostKind.Compute => "Compute",
        CostKind.SystemNodes => "System nodes",
        CostKind.CpuCredits => "CPU credits",
        CostKind.ControlPlane => "Control plane",
        CostKind.AutoModeFee => "Auto Mode fee",
        CostKind.Storage => "EBS storage",
        CostKind.LoadBalancer => "Load balancer",
        CostKind.NatGateway => "NAT gateway",
        CostKind.CrossAzTransfer => "Cross-AZ transfer",
        CostKind.Operations => "Operations",
        _ => kind.ToString(),
    };

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

    /// <summary>One line per path that can be costed; a path with no cost is left out, never drawn at $0.</summary>
    private static Plot CostLines(IReadOnlyList<ProjectionMonth> months, Func<ProjectionMonth, decimal?> ec2, Func<ProjectionMonth, decimal?> eks)
    {
        var plot = new Plot();
        double[] xs = [.. months.Select(m => (double)m.Month)];
        double max = 1;
        foreach (var (values, color) in new[] { (ec2, PdfTheme.Ec2), (eks, PdfTheme.Eks) })
        {
            if (months.Count == 0 || months.Any(m => values(m) is null))
            {
                continue;
            }

            var line = plot.Add.ScatterLine(xs, [.. months.Select(m => (double)values(m)!.Value)]);
            line.Color = ToPlot(color);
            line.LineWidth = 1.8f;
            line.MarkerSize = months.Count <= 12 ? 3.5f : 0;
            max = Math.Max(max, months.Max(m => (double)values(m)!.Value));
        }

        var last = Math.Max(2, months.Count);
        plot.Axes.SetLimits(1, last, 0, Math.Max(1, max) * 1.08);
        plot.Axes.Left.TickGenerator = new NumericAutomatic { LabelFormatter = PdfFormat.UsdShort, TargetTickCount = 5 };
        plot.Axes.Bottom.TickGenerator = new NumericManual(MonthTicks(last), [.. MonthTicks(last).Select(m => PdfFormat.Number(m))]);
        Style(plot, horizontalGrid: true, new PixelPadding(38, 10, 26, 6));
        plot.Axes.Bottom.Label.Text = "Month";
        return plot;
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

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (names[i] == name)
            {
                return i;
            }
        }

        return -1;
    }
}
