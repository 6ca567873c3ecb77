using SkiaSharp;

namespace CostCalc.Reports.Pdf;

/// <summary>One kind of text: face, size in points and colour.</summary>
internal readonly record struct TextStyle(bool Bold, float Size, SKColor Color)
{
    public float LineHeight => MathF.Round(Size * 1.3f, 2);

    public TextStyle WithColor(SKColor color) => this with { Color = color };

    public TextStyle AsBold() => this with { Bold = true };
}

/// <summary>The report's colours and type scale; EC2 is always amber and EKS always blue.</summary>
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
    public static readonly SKColor Ec2 = new(0xD9, 0x6C, 0x06);
    public static readonly SKColor Eks = new(0x25, 0x63, 0xEB);
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

    /// <summary>Cost kinds and resource slices: muted hues that never collide with the EC2/EKS accents.</summary>
    public static readonly SKColor[] Categories =
    [
        new(0x3E, 0x7C, 0x8C), // teal
        new(0x8E, 0x6C, 0xB8), // purple
        new(0x6B, 0xA3, 0x68), // green
        new(0xC9, 0xA2, 0x27), // mustard
        new(0xC4, 0x5C, 0x5A), // brick
        new(0x7F, 0xB8, 0xC6), // light teal
        new(0xB9, 0xA5, 0xD6), // lavender
        new(0xA8, 0xCF, 0x9E), // light green
        new(0x8A, 0x94, 0xA3), // grey
    ];

    public static SKColor PathColor(Domain.Estimation.DeploymentPath path) =>
        path == Domain.Estimation.DeploymentPath.Ec2 ? Ec2 : Eks;
}
