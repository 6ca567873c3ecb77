using System.Globalization;
using CostCalc.Domain.Comparing;
using CostCalc.Domain.Vocabulary;

namespace CostCalc.Web.Components.Charts;

/// <summary>
/// The compared scenarios' cost over the horizon, overlaid in one SVG: cumulative cost by month for every path of every
/// scenario, one colour per path (<see cref="PathStyle"/>) and one dash pattern per scenario, money from $0. A month a
/// path cannot run breaks its line (a gap, never $0). One tooltip per line, at its last month.
/// </summary>
internal static class ComparisonChart
{
    public const string Id = "chart-compare-cumulative";

    /// <summary>Solid for the first scenario (the one deltas are measured against), then dashes, dots and dash-dots.</summary>
    public static readonly string[] Dashes = ["", "8 4", "2 3", "10 3 2 3"];

    private const double Width = 760;
    private const double Height = 340;
    private const double Left = 64;
    private const double Right = 16;
    private const double Top = 58;
    private const double Bottom = 44;

    public static string Render(Comparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var months = comparison.Scenarios.Max(s => s.HorizonMonths);
        var max = comparison.Scenarios.SelectMany(s => s.Estimate.Projection.Paths).SelectMany(p => p.CumulativeUsd)
            .Where(v => v is not null).Select(v => (double)v!.Value).DefaultIfEmpty(0).Max();
        var ticks = Ticks.Money(0, max);
        var yMax = ticks[^1];
        double X(int month) => Left + (months <= 1 ? 0 : (month - 1) / (double)(months - 1) * (Width - Left - Right));
        double Y(double usd) => Top + ((1 - (usd / yMax)) * (Height - Top - Bottom));

        var svg = new Svg(Id, Width, Height,
            $"Cumulative cost by month of every path in each of {comparison.Scenarios.Count} scenarios: colour is the path, line style the scenario.");
        foreach (var tick in ticks)
        {
            svg.Line(Left, Y(tick), Width - Right, Y(tick), tick == 0 ? "cc-axis-zero" : "cc-grid");
            svg.Text(Left - 6, Y(tick) + 4, Ticks.Usd(tick), "cc-tick cc-money-tick", "end");
        }

        var every = Math.Max(1, (int)Math.Ceiling(months / 12.0));
        for (var month = 1; month <= months; month++)
        {
            if (month == 1 || month % every == 0)
            {
                svg.Text(X(month), Height - Bottom + 16, month.ToString(CultureInfo.InvariantCulture), "cc-tick cc-month-tick", "middle");
            }
        }

        svg.Text((Left + Width - Right) / 2, Height - 8, "Month", "cc-axis-label", "middle");
        var pathIndex = comparison.Paths.Select((p, i) => (p.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        for (var s = 0; s < comparison.Scenarios.Count; s++)
        {
            var scenario = comparison.Scenarios[s];
            foreach (var series in scenario.Estimate.Projection.Paths)
            {
                var name = scenario.Find(series.Path)?.Name ?? series.Path;
                var colour = PathStyle.Colour(series.Path, pathIndex.GetValueOrDefault(series.Path));
                var attributes = $"class=\"cc-series\" stroke-width=\"2\" data-path=\"{Svg.Escape(series.Path)}\" data-scenario=\"{s}\"" +
                    (Dashes[s].Length > 0 ? $" stroke-dasharray=\"{Dashes[s]}\"" : "");
                var segment = new List<(double X, double Y)>();
                for (var m = 0; m <= series.CumulativeUsd.Count; m++)
                {
                    if (m < series.CumulativeUsd.Count && series.CumulativeUsd[m] is { } usd)
                    {
                        segment.Add((X(m + 1), Y((double)usd)));
                        continue;
                    }

                    if (segment.Count > 0)
                    {
                        svg.Polyline(segment, colour, attributes);
                        segment.Clear();
                    }
                }

                if (series.CumulativeUsd[^1] is { } total)
                {
                    svg.TipGroup($"{name}, {scenario.Label}: {Formats.Usd(total)} over {Formats.Plural(series.CumulativeUsd.Count, "month")}");
                    svg.Circle(X(series.CumulativeUsd.Count), Y((double)total), 5, colour, "class=\"cc-point\"");
                    svg.EndGroup();
                }
            }
        }

        Legend(svg, comparison);
        return svg.ToString();
    }

    /// <summary>Two rows: each path's colour, then each scenario's line style (drawn in the text colour).</summary>
    private static void Legend(Svg svg, Comparison comparison)
    {
        var x = Left;
        for (var p = 0; p < comparison.Paths.Count; p++)
        {
            var path = comparison.Paths[p];
            svg.Rect(x, 10, 14, 4, PathStyle.Colour(path.Id, p));
            svg.Text(x + 18, 16, path.Name, "cc-legend", "start", $"data-legend=\"{Svg.Escape(path.Id)}\"");
            x += 30 + (path.Name.Length * 6.5);
        }

        x = Left;
        for (var s = 0; s < comparison.Scenarios.Count; s++)
        {
            var label = $"{s + 1}. {Shorten(comparison.Scenarios[s].Label)}";
            var dash = Dashes[s].Length > 0 ? $" stroke-dasharray=\"{Dashes[s]}\"" : "";
            svg.Raw($"<line x1=\"{Svg.N(x)}\" y1=\"32\" x2=\"{Svg.N(x + 26)}\" y2=\"32\" stroke=\"currentColor\" stroke-width=\"2\"{dash}/>");
            svg.Text(x + 30, 36, label, "cc-legend", "start", $"data-legend-scenario=\"{s}\"");
            x += 44 + (label.Length * 6.5);
        }
    }

    /// <summary>A label short enough for four to share the legend's row; the full label is in the tables and tooltips.</summary>
    private static string Shorten(string label) => label.Length <= 18 ? label : label[..17] + "…";
}
