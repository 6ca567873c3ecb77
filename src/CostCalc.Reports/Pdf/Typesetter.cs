using SkiaSharp;

namespace CostCalc.Reports.Pdf;

internal enum TextAlign
{
    Left,
    Right,
    Center,
}

/// <summary>
/// Fonts, paints, measuring, wrapping and drawing of text for one document. Fonts and paints are
/// cached per document (Skia objects are cheap but not free) and all use the two shared typefaces.
/// </summary>
internal sealed class Typesetter : IDisposable
{
    private readonly Dictionary<(bool Bold, float Size), SKFont> _fonts = [];
    private readonly Dictionary<SKColor, SKPaint> _fills = [];
    private readonly Dictionary<(SKColor Color, float Width), SKPaint> _strokes = [];

    public SKFont Font(TextStyle style)
    {
        var key = (style.Bold, style.Size);
        if (!_fonts.TryGetValue(key, out var font))
        {
            font = new SKFont(style.Bold ? PdfFonts.Bold : PdfFonts.Regular, style.Size)
            {
                Hinting = SKFontHinting.None,
                Subpixel = true,
                LinearMetrics = true,
            };
            _fonts[key] = font;
        }

        return font;
    }

    public SKPaint Fill(SKColor color)
    {
        if (!_fills.TryGetValue(color, out var paint))
        {
            paint = new SKPaint { Color = color, IsAntialias = true, Style = SKPaintStyle.Fill };
            _fills[color] = paint;
        }

        return paint;
    }

    public SKPaint Stroke(SKColor color, float width)
    {
        if (!_strokes.TryGetValue((color, width), out var paint))
        {
            paint = new SKPaint { Color = color, IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = width };
            _strokes[(color, width)] = paint;
        }

        return paint;
    }

    public float Measure(string text, TextStyle style) => text.Length == 0 ? 0 : Font(style).MeasureText(text);

    /// <summary>Distance from the top of a line box to its baseline.</summary>
    public float Baseline(TextStyle style)
    {
        var metrics = Font(style).Metrics;
        return ((style.LineHeight - (metrics.Descent - metrics.Ascent)) / 2) - metrics.Ascent;
    }

    /// <summary>
    /// Greedy word wrap to <paramref name="width"/>; explicit newlines start new lines, and a word
    /// wider than a whole line (a long URL) is broken between characters.
    /// </summary>
    public IReadOnlyList<string> Wrap(string text, TextStyle style, float width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Split('\n'))
        {
            if (Measure(paragraph, style) <= width)
            {
                lines.Add(paragraph);
                continue;
            }

            var line = "";
            foreach (var word in paragraph.Split(' '))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (Measure(candidate, style) <= width)
                {
                    line = candidate;
                    continue;
                }

                if (line.Length > 0)
                {
                    lines.Add(line);
                }

                line = word;
                while (Measure(line, style) > width && line.Length > 1)
                {
                    var fit = FittingLength(line, style, width);
                    lines.Add(line[..fit]);
                    line = line[fit..];
                }
            }

            lines.Add(line);
        }

        return lines;
    }

    /// <summary>Draws one line with its baseline at <paramref name="baseline"/>.</summary>
    public void Draw(SKCanvas canvas, string text, float x, float baseline, TextStyle style, TextAlign align = TextAlign.Left)
    {
        if (text.Length == 0)
        {
            return;
        }

        var skAlign = align switch
        {
            TextAlign.Right => SKTextAlign.Right,
            TextAlign.Center => SKTextAlign.Center,
            _ => SKTextAlign.Left,
        };
        canvas.DrawText(text, x, baseline, skAlign, Font(style), Fill(style.Color));
    }

    public void Dispose()
    {
        foreach (var font in _fonts.Values)
        {
            font.Dispose();
        }

        foreach (var paint in _fills.Values.Concat(_strokes.Values))
        {
            paint.Dispose();
        }
    }

    private int FittingLength(string text, TextStyle style, float width)
    {
        var length = 1;
        while (length < text.Length && Measure(text[..(length + 1)], style) <= width)
        {
            length++;
        }

        return length;
    }
}
