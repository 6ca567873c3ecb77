using ScottPlot;
using SkiaSharp;

namespace CostCalc.Reports.Pdf;

/// <summary>
/// The PDF's only font family, CostCalc Sans (a Latin subset of Liberation Sans 2.1.5, SIL OFL 1.1;
/// Fonts/OFL.txt and Fonts/derive-fonts.py), loaded from this assembly so a host without any fonts
/// still produces text. Skia 3.119 embeds whole font files, hence the subset (26 KB a face instead
/// of 410 KB). The two faces are created once and shared by our own text and by ScottPlot: Skia
/// embeds every typeface instance it meets, so a second instance of a face would be embedded twice.
/// </summary>
internal static class PdfFonts
{
    /// <summary>The family name ScottPlot knows our faces by; no system font answers to it.</summary>
    public const string ChartFamily = "CostCalc Sans";

    private static readonly Lock RegisterLock = new();
    private static bool _registered;

    public static SKTypeface Regular { get; } = Load("CostCalcSans-Regular.ttf");

    public static SKTypeface Bold { get; } = Load("CostCalcSans-Bold.ttf");

    /// <summary>
    /// Puts our faces first in ScottPlot's resolver list and makes them its default, so no chart
    /// text falls back to a system font (DejaVu Serif by default, or nothing on a bare host).
    /// </summary>
    public static void RegisterWithScottPlot()
    {
        lock (RegisterLock)
        {
            if (_registered)
            {
                return;
            }

            ScottPlot.Fonts.FontResolvers.Insert(0, new EmbeddedResolver());
            ScottPlot.Fonts.Default = ChartFamily;
            ScottPlot.Fonts.Sans = ChartFamily;
            _registered = true;
        }
    }

    private static SKTypeface Load(string fileName)
    {
        using var stream = typeof(PdfFonts).Assembly.GetManifestResourceStream("CostCalc.Reports.Fonts." + fileName)
            ?? throw new InvalidOperationException($"The font {fileName} is not embedded in {typeof(PdfFonts).Assembly.GetName().Name}.");
        using var data = SKData.Create(stream);
        return SKTypeface.FromData(data)
            ?? throw new InvalidOperationException($"Skia could not read the embedded font {fileName}.");
    }

    /// <summary>Answers only to <see cref="ChartFamily"/>; every other name goes to ScottPlot's next resolver.</summary>
    private sealed class EmbeddedResolver : IFontResolver
    {
        public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) =>
            fontName == ChartFamily ? (bold ? Bold : Regular) : null;

        public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing width) =>
            CreateTypeface(fontName, weight >= FontWeight.SemiBold, slant != FontSlant.Upright);
    }
}
