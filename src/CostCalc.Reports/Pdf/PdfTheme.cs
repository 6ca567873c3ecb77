using CostCalc.Domain.Estimation;
using CostCalc.Domain.Vocabulary;
using SkiaSharp;

namespace CostCalc.Reports.Pdf;

/// <summary>One kind of text: face, size in points and colour.</summary>
internal readonly record struct TextStyle(bool Bold, float Size, SKColor Color)
{
    public float LineHeight => MathF.Round(Size * 1.3f, 2);

    public TextStyle WithColor(SKColor color) => this with { Color = color };

    public TextStyle AsBold() => this with { Bold = true };
}

/// <summary>The report's colours and type scale; paths and cost kinds take the colours every view gives them.</summary>
internal static class PdfTheme
{
    public static readonly SKColor Ink = new(0x1F, 0x29, 0x33);
    public static readonly SKColor Secondary = new(0x4A, 0x55, 0x68);
    public static readonly SKColor Muted = new(0x71, 0x80, 0x96);
    public static readonly SKColor Rule = new(0xD5, 0xDB, 0xE3);
    public static readonly SKColor HeaderFill = new(0xEE, 0xF2, 0xF6);
    public static readonly SKColor Zebra = new(0xF8, 0xFA, 0xFC);
    public static readonly SKColor CardFill = new(0xF5, 0xF7, 0xFA);
    public static readonly SKColor Neutral = new(0x5B, 0x6B, 0x82);
    public static readonly SKColor Link = new(0x25, 0x63, 0xEB);
    public static readonly SKColor WarningAccent = new(0xB4, 0x53, 0x09);
    public static readonly SKColor WarningFill = new(0xFF, 0xF7, 0xED);

    public static readonly TextStyle Brand = new(true, 8, Muted);
    public static readonly TextStyle Title = new(true, 19, Ink);
    public static readonly TextStyle Meta = new(false, 8.5f, Secondary);
    public static readonly TextStyle Heading = new(true, 12.5f, Ink);
    public static readonly TextStyle SubHeading = new(true, 9.5f, Ink);
    public static readonly TextStyle Body = new(false, 8.5f, Ink);
    public static readonly TextStyle TableHeader = new(true, 7.5f, Secondary);
    public static readonly TextStyle Cell = new(false, 8, Ink);
    public static readonly TextStyle SmallCell = new(false, 7.2f, Secondary);
    public static readonly TextStyle Note = new(false, 6.8f, Muted);
    public static readonly TextStyle CardLabel = new(true, 7.5f, Secondary);
    public static readonly TextStyle CardValue = new(true, 18, Ink);
    public static readonly TextStyle CardDetail = new(false, 7.5f, Secondary);
    public static readonly TextStyle Footer = new(false, 7, Muted);

    /// <summary>A shared vocabulary colour, "#RRGGBB".</summary>
    public static SKColor Hex(string colour) => SKColor.Parse(colour);

    /// <summary>The colour of the path at <paramref name="index"/> of an estimate's paths.</summary>
    public static SKColor PathColour(string pathId, int index) => Hex(PathStyle.Colour(pathId, index));

    public static SKColor KindColour(CostKind kind) => Hex(CostKindStyle.Of(kind).Colour);
}
