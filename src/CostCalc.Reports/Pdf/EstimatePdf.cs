using CostCalc.Domain.Comparing;
using CostCalc.Domain.Estimation;
using CostCalc.Domain.Vocabulary;
using SkiaSharp;

namespace CostCalc.Reports.Pdf;

/// <summary>
/// Renders an estimate as the PDF summary that goes with a budget request (issue 7): in-process
/// with SkiaSharp's PDF backend, charts as vectors through ScottPlot, text in the embedded
/// Liberation Sans. Thread-safe; callers should bound concurrency with <see cref="PdfGate"/>.
/// </summary>
public static class EstimatePdf
{
    public const string ContentType = "application/pdf";

    public static byte[] Render(Estimate estimate, PdfOptions options)
    {
        using var buffer = new MemoryStream(256 * 1024);
        Render(estimate, options, buffer);
        return buffer.ToArray();
    }

    public static void Render(Estimate estimate, PdfOptions options, Stream output)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        Render(estimate, options, output, writer => writer.Write(), options.TitleOf(estimate),
            $"Cost estimate for {estimate.Scenario.Region}, prices as of {Formats.Date(estimate.PricesAsOf)}");
    }

    /// <summary>A saved comparison's PDF: verdicts, totals and deltas against scenario 1, the overlaid chart, the inputs that differ.</summary>
    public static byte[] Render(Comparison comparison, PdfOptions options)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        ArgumentNullException.ThrowIfNull(options);
        using var buffer = new MemoryStream(256 * 1024);
        Render(comparison.First.Estimate, options, buffer, writer => writer.WriteComparison(comparison),
            options.Title ?? $"BEAM service: {comparison.Scenarios.Count} scenarios compared",
            $"Comparison of {comparison.Scenarios.Count} scenarios: {string.Join(" · ", comparison.Scenarios.Select(s => s.Label))}");
        return buffer.ToArray();
    }

    private static void Render(Estimate estimate, PdfOptions options, Stream output, Action<ReportWriter> write, string title, string subject)
    {
        PdfFonts.RegisterWithScottPlot();

        using var type = new Typesetter();
        var flow = new PageFlow(options.Paper);
        using var writer = new ReportWriter(estimate, options, flow, type);
        write(writer);

        var metadata = new SKDocumentPdfMetadata
        {
            Title = title,
            Subject = subject,
            Author = "CostCalc",
            Creator = "CostCalc",
            Producer = "CostCalc (SkiaSharp PDF)",
            Creation = options.CreatedAt.UtcDateTime,
            Modified = options.CreatedAt.UtcDateTime,
            RasterDpi = 300,
            EncodingQuality = 101,
        };
        using var document = SKDocument.CreatePdf(output, metadata);
        var count = flow.PageCount;
        for (var i = 0; i < count; i++)
        {
            var canvas = document.BeginPage(flow.Size.Width, flow.Size.Height);
            foreach (var step in flow.Pages[i])
            {
                step(canvas);
            }

            Footer(canvas, flow, type, options, i + 1, count);
            document.EndPage();
        }

        document.Close();
    }

    private static void Footer(SKCanvas canvas, PageFlow flow, Typesetter type, PdfOptions options, int page, int count)
    {
        var style = PdfTheme.Footer;
        var ruleY = flow.Size.Height - PageFlow.Margin + 2;
        var baseline = ruleY + 12;
        canvas.DrawLine(flow.Left, ruleY, flow.Right, ruleY, type.Stroke(PdfTheme.Rule, 0.6f));
        var pageText = $"Page {page} of {count}";
        type.Draw(canvas, pageText, flow.Right, baseline, style, TextAlign.Right);
        var room = flow.Width - type.Measure(pageText, style) - 24;
        var left = options.ReportLink ?? $"CostCalc · calculator export, not saved · {Formats.DateTime(options.CreatedAt)}";
        var shown = type.Wrap(left, style, room)[0];
        if (shown.Length < left.Length)
        {
            shown = shown[..Math.Max(0, shown.Length - 1)] + "…";
        }

        type.Draw(canvas, shown, flow.Left, baseline, style);
        if (options.ReportLink is { } link)
        {
            canvas.DrawUrlAnnotation(new SKRect(flow.Left, baseline - style.Size, flow.Left + type.Measure(shown, style), baseline + 2), link);
        }
    }
}
