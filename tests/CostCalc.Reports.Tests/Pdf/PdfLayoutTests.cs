using CostCalc.Reports.Pdf;

namespace CostCalc.Reports.Tests.Pdf;

public sealed class PdfLayoutTests
{
    [Fact]
    public void Wrapping_keeps_every_line_within_the_width_and_loses_no_word()
    {
        using var type = new Typesetter();
        const string text = "Fargate adds 256 MB and rounds up to a supported vCPU/GB shape; $0.04048/vCPU-h, $0.004445/GB-h (AWS Fargate pricing)";
        var lines = type.Wrap(text, PdfTheme.Cell, 120);
        Assert.True(lines.Count > 2);
        Assert.All(lines, l => Assert.True(type.Measure(l, PdfTheme.Cell) <= 120, l));
        Assert.Equal(text, string.Join(" ", lines));
    }

    [Fact]
    public void A_word_wider_than_the_line_is_broken_between_characters()
    {
        using var type = new Typesetter();
        var url = "https://costcalc.example.com/r/" + new string('x', 80);
        var lines = type.Wrap(url, PdfTheme.Body, 100);
        Assert.True(lines.Count > 1);
        Assert.All(lines, l => Assert.True(type.Measure(l, PdfTheme.Body) <= 100, l));
        Assert.Equal(url, string.Concat(lines));
    }

    [Fact]
    public void Flow_breaks_the_page_only_when_content_does_not_fit()
    {
        var flow = new PageFlow(PaperSize.A4);
        flow.Ensure(flow.Remaining + 1);
        Assert.Equal(1, flow.PageCount);
        flow.Advance(10);
        flow.Ensure(flow.Remaining - 1);
        Assert.Equal(1, flow.PageCount);
        flow.Ensure(flow.Remaining + 1);
        Assert.Equal(2, flow.PageCount);
        Assert.True(flow.AtPageTop);
    }

    [Fact]
    public void A_table_row_never_splits_and_the_header_repeats()
    {
        using var type = new Typesetter();
        var flow = new PageFlow(PaperSize.Letter);
        var table = new PdfTable([new("A", 1), new("B", 1, TextAlign.Right)]);
        for (var i = 0; i < 120; i++)
        {
            table.Add($"row {i}", "1");
        }

        table.Draw(flow, type);
        Assert.True(flow.PageCount >= 3);
        Assert.All(flow.Pages, steps => Assert.NotEmpty(steps));
    }

    [Theory]
    [InlineData(1234.5, "$1,234.50")]
    [InlineData(-0.5, "−$0.50")]
    [InlineData(0, "$0.00")]
    public void Money_has_cents_grouping_and_a_true_minus(decimal value, string expected) =>
        Assert.Equal(expected, PdfFormat.UsdCents(value));

    [Theory]
    [InlineData(950, "$950")]
    [InlineData(12_000, "$12k")]
    [InlineData(1_500_000, "$1.5M")]
    public void Axis_money_is_short(double value, string expected) => Assert.Equal(expected, PdfFormat.UsdShort(value));

    [Theory]
    [InlineData("letter", PaperSize.Letter)]
    [InlineData("LETTER", PaperSize.Letter)]
    [InlineData("a4", PaperSize.A4)]
    [InlineData(null, PaperSize.A4)]
    [InlineData("legal", PaperSize.A4)]
    public void Paper_parses_letter_and_defaults_to_a4(string? value, PaperSize expected) =>
        Assert.Equal(expected, PdfOptions.ParsePaper(value));
}
