using CostCalc.Domain.Estimation;

namespace CostCalc.Reports.Pdf;

/// <summary>The paper a PDF is laid out for.</summary>
public enum PaperSize
{
    A4,
    Letter,
}

/// <summary>What a PDF needs besides the estimate itself.</summary>
/// <param name="CreatedAt">When the report (or the unsaved export) was made; printed on page 1.</param>
/// <param name="PricesSource">Where the prices came from, e.g. "embedded snapshot" or "AWS Price List API".</param>
/// <param name="ReportLink">The saved report's absolute link, or null for an unsaved calculator export.</param>
public sealed record PdfOptions(DateTimeOffset CreatedAt, string PricesSource, string? ReportLink = null)
{
    public PaperSize Paper { get; init; } = PaperSize.A4;

    /// <summary>The document's title; null names the estimate's paths (see <see cref="TitleOf"/>).</summary>
    public string? Title { get; init; }

    /// <summary>The author's notes (plain text; line breaks start paragraphs), printed under the title; null for none.</summary>
    public string? Notes { get; init; }

    /// <summary>The title, by default "BEAM service on EC2 vs EKS vs EKS on Fargate: cost estimate".</summary>
    public string TitleOf(Estimate estimate)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        return Title ?? $"BEAM service on {string.Join(" vs ", estimate.Paths.Select(p => p.Name))}: cost estimate";
    }

    /// <summary>"letter" (any case) means US Letter; anything else, including null, A4.</summary>
    public static PaperSize ParsePaper(string? value) =>
        string.Equals(value?.Trim(), "letter", StringComparison.OrdinalIgnoreCase) ? PaperSize.Letter : PaperSize.A4;
}
