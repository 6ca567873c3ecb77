using CostCalc.Domain.Vocabulary;

namespace CostCalc.Web.Components.Charts;

/// <summary>One line per series over the months of the horizon, on a money axis from $0, written as one SVG string.</summary>
internal static class LineChart
{
    private const double Width = 760;
    private const double Height = 270;
    private const double Left = 64;
    private const double Right = 16;
    private const double Top = 30;
    private const double Bottom = 40;

    /// <summary>One line: its name and colour, and one value per month (month 1 first).</summary>
    public sealed record Series(string Name, string Colour, IReadOnlyList<double> Values);

    /// <summary>
    /// The chart for <paramref name="series"/> (all of the same length). Each month is a column that carries every
    /// series' value as its tooltip (hover, tap or Enter), so a reader gets the figures without one mark per point.
    /// </summary>
    public static string Render(string id, string label, IReadOnlyList<Series> series)
    {
        var months = series.Count == 0 ? 0 : series[0].Values.Count;
        var max = 0.0;
        foreach (var line in series)
        {
            foreach (var value in line.Values)
            {
                max = Math.Max(max, value);
            }
        }

        var ticks = Ticks.Money(0, max);
        var yMax = ticks[^1];
        var step = months > 1 ? (Width - Left - Right) / (months - 1) : 0;
        double X(int month) => Left + ((month - 1) * step);
        double Y(double usd) => Top + ((1 - (usd / yMax)) * (Height - Top - Bottom));

        var svg = new Svg(id, Width, Height, label);
        foreach (var tick in ticks)
        {
            svg.Line(Left, Y(tick), Width - Right, Y(tick), tick == 0 ? "cc-axis-zero" : "cc-grid");
            svg.Text(Left - 6, Y(tick) + 4, Ticks.Usd(tick), "cc-tick cc-money-tick", "end");
        }

        var labelEvery = Math.Max(1, months / 12);
        for (var month = 1; month <= months; month++)
        {
            if (month == 1 || month % labelEvery == 0)
            {
                svg.Text(X(month), Height - Bottom + 16, Formats.Count(month), "cc-tick", "middle");
            }
        }

        svg.Text((Left + Width - Right) / 2, Height - 6, "Month", "cc-axis-label", "middle");

        var legendX = Left;
        var points = new List<(double X, double Y)>(months);
        foreach (var line in series)
        {
            points.Clear();
            for (var month = 1; month <= months; month++)
            {
                points.Add((X(month), Y(line.Values[month - 1])));
            }

            svg.Polyline(points, line.Colour, $"class=\"cc-series\" stroke-width=\"2\" data-series=\"{Svg.Escape(line.Name)}\"");
            svg.Rect(legendX, 10, 14, 4, line.Colour);
            svg.Text(legendX + 18, 16, line.Name, "cc-legend");
            legendX += 30 + (line.Name.Length * 6.5);
        }

        for (var month = 1; month <= months && series.Count > 0; month++)
        {
            var m = month;
            svg.TipGroup($"Month {Formats.Count(m)}: {string.Join(" · ", series.Select(s => $"{s.Name} {Formats.Usd((decimal)s.Values[m - 1])}"))}",
                $"data-month=\"{Formats.Count(m)}\"");
            svg.Rect(X(m) - (step / 2), Top, Math.Max(step, 4), Height - Top - Bottom, "transparent", "class=\"cc-column\"");
            svg.EndGroup();
        }

        return svg.ToString();
    }
}
