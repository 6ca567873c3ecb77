using SkiaSharp;

namespace CostCalc.Reports.Pdf;

/// <summary>
/// Lays content out top to bottom over as many pages as it needs. Nothing is drawn while laying
/// out: each page collects drawing steps, so the page count is known before the first page is
/// drawn and every footer can say "Page N of M".
/// </summary>
internal sealed class PageFlow
{
    public const float Margin = 48;
    public const float TopMargin = 44;
    public const float FooterHeight = 34;

    private readonly List<List<Action<SKCanvas>>> _pages = [[]];

    public PageFlow(PaperSize paper)
    {
        Size = paper == PaperSize.Letter ? new SKSize(612, 792) : new SKSize(595.28f, 841.89f);
        Y = Top;
    }

    /// <summary>Page size in points (1/72 in).</summary>
    public SKSize Size { get; }

    public float Left { get; } = Margin;

    public float Right => Size.Width - Margin;

    public float Width => Right - Left;

    public float Top { get; } = TopMargin;

    /// <summary>The lowest point content may reach; the footer lives below it.</summary>
    public float Bottom => Size.Height - Margin - FooterHeight + 14;

    /// <summary>The top of the next thing to lay out.</summary>
    public float Y { get; private set; }

    public int PageCount => _pages.Count;

    public float Remaining => Bottom - Y;

    public bool AtPageTop => Y <= Top;

    public IReadOnlyList<IReadOnlyList<Action<SKCanvas>>> Pages => _pages;

    /// <summary>Adds a drawing step to the current page.</summary>
    public void Draw(Action<SKCanvas> step) => _pages[^1].Add(step);

    /// <summary>Starts a new page unless <paramref name="height"/> still fits on this one (or this page is empty).</summary>
    public void Ensure(float height)
    {
        if (height > Remaining && !AtPageTop)
        {
            NewPage();
        }
    }

    public void NewPage()
    {
        _pages.Add([]);
        Y = Top;
    }

    /// <summary>Moves down; at most to the bottom, the next <see cref="Ensure"/> breaks the page.</summary>
    public void Advance(float height) => Y = Math.Min(Y + height, Bottom);

    /// <summary>Vertical space between blocks, dropped at the top of a page.</summary>
    public void Gap(float height)
    {
        if (!AtPageTop)
        {
            Advance(height);
        }
    }
}
