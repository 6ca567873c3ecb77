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
    public const string DefaultTitle = "BEAM service on EC2 vs EKS: cost estimate";

    public PaperSize Paper { get; init; } = PaperSize.A4;

    public string Title { get; init; } = DefaultTitle;

    /// <summary>"letter" (any case) means US Letter; anything else, including null, A4.</summary>
    public static PaperSize ParsePaper(string? value) =>
        string.Equals(value?.Trim(), "letter", StringComparison.OrdinalIgnoreCase) ? PaperSize.Letter : PaperSize.A4;
}
