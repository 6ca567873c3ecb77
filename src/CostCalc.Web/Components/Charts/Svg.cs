using System.Globalization;
using System.Net;
using System.Text;
using CostCalc.Domain.Vocabulary;

namespace CostCalc.Web.Components.Charts;

/// <summary>
/// Writes one chart as one SVG element (a string the component renders as markup), so a chart of a hundred marks is
/// one node for Blazor to diff, not a hundred components. Numbers are written with the invariant culture; text is escaped.
/// </summary>
internal sealed class Svg
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private readonly StringBuilder _text = new(8_192);

    /// <summary>Opens the SVG with its accessible name: role="img", an aria-label and a &lt;title&gt;.</summary>
    public Svg(string id, double width, double height, string label)
    {
        _text.Append(Inv, $"<svg id=\"{Escape(id)}\" class=\"cc-svg-chart\" viewBox=\"0 0 {N(width)} {N(height)}\" width=\"100%\" role=\"img\" aria-label=\"{Escape(label)}\" preserveAspectRatio=\"xMinYMin meet\"><title>{Escape(label)}</title>");
    }

    /// <summary>A coordinate to a tenth of a unit: the charts are 760 units wide, so finer is invisible and only costs markup.</summary>
    public static string N(double value) => Math.Round(value, 1).ToString("0.#", Inv);

    public static string Escape(string text) => WebUtility.HtmlEncode(text);

    public Svg Raw(string markup)
    {
        _text.Append(markup);
        return this;
    }

    public Svg Line(double x1, double y1, double x2, double y2, string cssClass, string? stroke = null)
    {
        _text.Append(Inv, $"<line class=\"{cssClass}\" x1=\"{N(x1)}\" y1=\"{N(y1)}\" x2=\"{N(x2)}\" y2=\"{N(y2)}\"");
        if (stroke is not null)
        {
            _text.Append(" stroke=\"").Append(Escape(stroke)).Append('"');
        }

        _text.Append("/>");
        return this;
    }

    /// <param name="anchor">start, middle or end.</param>
    public Svg Text(double x, double y, string text, string cssClass, string anchor = "start", string? attributes = null)
    {
        _text.Append(Inv, $"<text class=\"{cssClass}\" x=\"{N(x)}\" y=\"{N(y)}\" text-anchor=\"{anchor}\"");
        if (attributes is not null)
        {
            _text.Append(' ').Append(attributes);
        }

        _text.Append('>').Append(Escape(text)).Append("</text>");
        return this;
    }

    /// <summary>
    /// Opens a group that carries a tooltip: an SVG &lt;title&gt;, shown on hover, which the page's script also shows
    /// under the chart on a click or tap (the text is written once: a circuit holds every chart's markup); focusable so
    /// a keyboard reaches it too.
    /// </summary>
    public Svg TipGroup(string tip, string attributes = "")
    {
        _text.Append("<g class=\"cc-tip\" tabindex=\"0\"");
        if (attributes.Length > 0)
        {
            _text.Append(' ').Append(attributes);
        }

        _text.Append("><title>").Append(Escape(tip)).Append("</title>");
        return this;
    }

    public Svg EndGroup()
    {
        _text.Append("</g>");
        return this;
    }

    public Svg Rect(double x, double y, double width, double height, string fill, string? attributes = null)
    {
        _text.Append(Inv, $"<rect x=\"{N(x)}\" y=\"{N(y)}\" width=\"{N(Math.Max(0, width))}\" height=\"{N(Math.Max(0, height))}\" fill=\"{Escape(fill)}\"");
        if (attributes is not null)
        {
            _text.Append(' ').Append(attributes);
        }

        _text.Append("/>");
        return this;
    }

    public Svg Circle(double x, double y, double r, string fill, string? attributes = null)
    {
        _text.Append(Inv, $"<circle cx=\"{N(x)}\" cy=\"{N(y)}\" r=\"{N(r)}\" fill=\"{Escape(fill)}\"");
        if (attributes is not null)
        {
            _text.Append(' ').Append(attributes);
        }

        _text.Append("/>");
        return this;
    }

    /// <summary>A polyline through the points, in the given colour, without fill.</summary>
    public Svg Polyline(IReadOnlyList<(double X, double Y)> points, string stroke, string attributes = "")
    {
        _text.Append("<polyline fill=\"none\" stroke=\"").Append(Escape(stroke)).Append("\" points=\"");
        for (var i = 0; i < points.Count; i++)
        {
            if (i > 0)
            {
                _text.Append(' ');
            }

            _text.Append(N(points[i].X)).Append(',').Append(N(points[i].Y));
        }

        _text.Append('"');
        if (attributes.Length > 0)
        {
            _text.Append(' ').Append(attributes);
        }

        _text.Append("/>");
        return this;
    }

    /// <summary>The chart's markup, closed; one copy of the text (concatenating would build it twice).</summary>
    public override string ToString()
    {
        const string close = "</svg>";
        _text.Append(close);
        var markup = _text.ToString();
        _text.Length -= close.Length;
        return markup;
    }
}

/// <summary>Axis ticks every chart shares: money from 0 in round steps, counts on a log axis.</summary>
internal static class Ticks
{
    /// <summary>
    /// Round money ticks covering [min, max] with 0 always among them (money axes start at 0): steps of 1, 2, 2.5 or 5 ×
    /// a power of ten, about <paramref name="count"/> of them.
    /// </summary>
    public static IReadOnlyList<double> Money(double min, double max, int count = 5)
    {
        min = Math.Min(0, min);
        max = Math.Max(0, max);
        if (max - min <= 0)
        {
            max = 1;
        }

        var step = NiceStep((max - min) / Math.Max(1, count));
        var first = Math.Floor(min / step) * step;
        var last = Math.Ceiling(max / step) * step;
        var ticks = new List<double>();
        for (var v = first; v <= last + (step / 2); v += step)
        {
            ticks.Add(Math.Abs(v) < step / 1e6 ? 0 : v);
        }

        return ticks;
    }

    /// <summary>1, 2, 2.5 or 5 × 10^k, the smallest not below <paramref name="raw"/>.</summary>
    public static double NiceStep(double raw)
    {
        if (raw <= 0 || double.IsNaN(raw) || double.IsInfinity(raw))
        {
            return 1;
        }

        var power = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        foreach (var factor in (double[])[1, 2, 2.5, 5, 10])
        {
            if (factor * power >= raw - (power * 1e-9))
            {
                return factor * power;
            }
        }

        return 10 * power;
    }

    /// <summary>Powers of ten from <paramref name="from"/> to <paramref name="to"/>: 1k, 10k, … 100M.</summary>
    public static IReadOnlyList<long> Decades(long from, long to)
    {
        var ticks = new List<long>();
        for (var v = from; v <= to && v > 0; v *= 10)
        {
            ticks.Add(v);
        }

        return ticks;
    }

    public static string Usd(double value) => Formats.UsdShort(value);
}
