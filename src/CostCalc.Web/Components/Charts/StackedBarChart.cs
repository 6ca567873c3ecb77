namespace CostCalc.Web.Components.Charts;

/// <summary>One stacked column per category (a path, a machine), one segment per series, written as one SVG string.</summary>
internal static class StackedBarChart
{
    private const double Width = 760;
    private const double Height = 280;
    private const double Left = 64;
    private const double Right = 16;
    private const double Bottom = 44;
    private const double LegendRowHeight = 16;

    /// <summary>One kind of segment: its name and colour, and its amount in each category (0 where it has none).</summary>
    public sealed record Series(string Name, string Colour, IReadOnlyList<double> Values);

    /// <summary>A column's label under the axis: a title and an optional second line (e.g. the machine type).</summary>
    public sealed record Category(string Title, string? Detail = null);

    /// <param name="axis">Writes an axis tick ("$950", "1,024").</param>
    /// <param name="amount">Writes a segment's amount for its tooltip ("$12.50 a month", "1,024 MiB").</param>
    public static string Render(string id, string label, IReadOnlyList<Category> categories, IReadOnlyList<Series> series,
        Func<double, string> axis, Func<double, string> amount)
    {
        // The legend wraps over as many rows as it needs above the plot.
        var legend = new List<(double X, int Row, Series Series)>(series.Count);
        var (legendX, legendRow) = (Left, 0);
        foreach (var s in series)
        {
            var width = 30 + (s.Name.Length * 6.5);
            if (legendX + width > Width - Right && legendX > Left)
            {
                (legendX, legendRow) = (Left, legendRow + 1);
            }

            legend.Add((legendX, legendRow, s));
            legendX += width;
        }

        var top = 14 + ((legendRow + 1) * LegendRowHeight);
        var totals = new double[categories.Count];
        foreach (var s in series)
        {
            for (var c = 0; c < categories.Count; c++)
            {
                totals[c] += Math.Max(0, s.Values[c]);
            }
        }

        var ticks = Ticks.Money(0, totals.Length == 0 ? 0 : totals.Max());
        var yMax = ticks[^1];
        var plotHeight = Height - top - Bottom;
        var slot = (Width - Left - Right) / Math.Max(1, categories.Count);
        var barWidth = Math.Min(90, slot * 0.6);
        double Y(double value) => top + ((1 - (value / yMax)) * plotHeight);

        var svg = new Svg(id, Width, Height, label);
        foreach (var tick in ticks)
        {
            svg.Line(Left, Y(tick), Width - Right, Y(tick), tick == 0 ? "cc-axis-zero" : "cc-grid");
            svg.Text(Left - 6, Y(tick) + 4, axis(tick), "cc-tick", "end");
        }

        foreach (var (x, row, s) in legend)
        {
            svg.Rect(x, 8 + (row * LegendRowHeight), 12, 10, s.Colour);
            svg.Text(x + 16, 17 + (row * LegendRowHeight), s.Name, "cc-legend");
        }

        for (var c = 0; c < categories.Count; c++)
        {
            var centre = Left + (slot * (c + 0.5));
            var category = categories[c];
            var name = category.Detail is null ? category.Title : $"{category.Title} {category.Detail}";
            double stacked = 0;
            foreach (var s in series)
            {
                var value = s.Values[c];
                if (value <= 0)
                {
                    continue;
                }

                svg.TipGroup($"{name}: {s.Name} {amount(value)}", $"data-segment=\"{Svg.Escape(s.Name)}\"");
                svg.Rect(centre - (barWidth / 2), Y(stacked + value), barWidth, Y(stacked) - Y(stacked + value), s.Colour, "class=\"cc-bar\"");
                svg.EndGroup();
                stacked += value;
            }

            svg.Text(centre, Height - Bottom + 16, category.Title, "cc-tick", "middle");
            if (category.Detail is { } detail)
            {
                svg.Text(centre, Height - Bottom + 30, detail, "cc-tick", "middle");
            }
        }

        return svg.ToString();
    }
}
