using CostCalc.Domain.Estimation;
using CostCalc.Domain.Scenarios;
using CostCalc.Domain.Vocabulary;
using CostCalc.Reports.Pdf;
using UglyToad.PdfPig;

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
        Assert.Equal(expected, Formats.UsdCents(value));

    [Theory]
    [InlineData(950, "$950")]
    [InlineData(12_000, "$12k")]
    [InlineData(1_500_000, "$1.5M")]
    public void Axis_money_is_short(double value, string expected) => Assert.Equal(expected, Formats.UsdShort(value));

    public static TheoryData<string> EveryPathSamples => ["default", "large", "three"];

    [Theory]
    [MemberData(nameof(EveryPathSamples))]
    public void Every_path_stays_within_the_margins_and_no_figure_is_broken(string sample)
    {
        var estimate = PdfSamples.Estimate(sample switch { "large" => PdfSamples.Large, "three" => PdfSamples.ThreePaths, _ => Scenario.Default });
        Assert.Equal(sample == "three" ? 3 : DeploymentPaths.BuiltIn.Count, estimate.Paths.Count);
        using var pdf = PdfDocument.Open(EstimatePdf.Render(estimate, PdfSamples.Options(PdfSamples.Link)));
        foreach (var page in pdf.GetPages())
        {
            var outside = page.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value))
                .Where(l => l.BoundingBox.Left < PageFlow.Margin - 0.5 || l.BoundingBox.Right > page.Width - PageFlow.Margin + 0.5)
                .Select(l => $"'{l.Value}' at {l.BoundingBox.Left:0.#}").ToList();
            Assert.True(outside.Count == 0, $"page {page.Number}: {outside.Count} letters outside the margins, e.g. {string.Join(", ", outside.Take(5))}");
        }

        // A figure too wide for its cell or card would be broken between characters into several words.
        var words = pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text).ToHashSet(StringComparer.Ordinal);
        var projection = estimate.Projection;
        foreach (var path in estimate.Paths)
        {
            var series = projection[path.Id];
            Assert.Contains(Formats.UsdCents(path.MonthlyUsd), words);
            Assert.Contains(Formats.Usd(series.CumulativeUsd[^1]), words);
            Assert.Contains(Formats.Usd(series.MonthlyUsd[^1]), words);
            Assert.Contains(Formats.Count(series.Machines[^1]), words);
        }

        Assert.Contains(Formats.Count(projection.Connections[^1]), words);

        // The projection's header has a column per path and figure; each header word must fit its column whole.
        var projectionPage = pdf.GetPages().First(p => p.Text.Contains("Projection over", StringComparison.Ordinal));
        var headerWords = projectionPage.GetWords().Select(w => w.Text).ToHashSet(StringComparer.Ordinal);
        var headers = estimate.Paths.SelectMany(p => new[] { $"{p.Name} machines", $"{p.Name} / month", $"{p.Name} cumulative" }).Append("Month Connections");
        Assert.All(headers.SelectMany(h => h.Split(' ')), w => Assert.Contains(w, headerWords));
    }

    [Theory]
    [InlineData("letter", PaperSize.Letter)]
    [InlineData("LETTER", PaperSize.Letter)]
    [InlineData("a4", PaperSize.A4)]
    [InlineData(null, PaperSize.A4)]
    [InlineData("legal", PaperSize.A4)]
    public void Paper_parses_letter_and_defaults_to_a4(string? value, PaperSize expected) =>
        Assert.Equal(expected, PdfOptions.ParsePaper(value));
}
