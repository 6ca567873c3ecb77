using CostCalc.Domain.Scenarios;
using CostCalc.Domain.Vocabulary;
using UglyToad.PdfPig;

namespace CostCalc.Reports.Tests.Pdf;

/// <summary>The PDF's summary pages say why each path costs more (the cost bridge) and where the answer flips (the crossover).</summary>
public sealed class BridgePdfTests
{
    /// <summary>
    /// The default scenario over 36 months: EKS pays its control plane, 1 × $0.10/h × 730 h = $73 a month, 36 × $73 =
    /// $2,628; the row says so, and each bridge ends at the path's horizon total.
    /// </summary>
    [Fact]
    public void Page_one_has_every_bridge_row_and_the_crossover_sentence()
    {
        // The three paths this was worked for: EC2 cheapest, both EKS paths pay the control plane.
        var scenario = Scenario.Default with { HiddenPaths = PathList.Of([PathIds.EcsEc2, PathIds.EcsFargate]) };
        var estimate = PdfSamples.Estimate(scenario);
        using var pdf = PdfDocument.Open(PdfSamples.Render(scenario));
        var text = PdfSamples.Squeeze(string.Concat(pdf.GetPages().Take(3).Select(p => p.Text)));

        Assert.Contains(PdfSamples.Squeeze("Why the paths cost what they do"), text, StringComparison.Ordinal);
        Assert.NotEmpty(estimate.Bridges);
        foreach (var bridge in estimate.Bridges)
        {
            foreach (var bar in bridge.Bars)
            {
                Assert.Contains(PdfSamples.Squeeze(bar.Name), text, StringComparison.Ordinal);
                Assert.Contains(PdfSamples.Squeeze(Formats.UsdChange(bar.Usd)), text, StringComparison.Ordinal);
            }

            Assert.Contains(PdfSamples.Squeeze($"{Formats.UsdChange(bridge.DifferenceUsd)} against {bridge.ReferenceName}"), text, StringComparison.Ordinal);
        }

        // Both EKS paths pay the same control plane: one row, the same amount in each column.
        Assert.Contains(PdfSamples.Squeeze("Control plane +$2,628 +$2,628"), text, StringComparison.Ordinal);
        Assert.Contains(PdfSamples.Squeeze("Where the answer flips"), text, StringComparison.Ordinal);
        Assert.All(estimate.Crossover!.Sentences, s => Assert.Contains(PdfSamples.Squeeze(s), text, StringComparison.Ordinal));
    }

    /// <summary>EKS on m5.2xlarge with fixed pods is dearer at 100k connections and cheaper at millions: the PDF says where it flips.</summary>
    [Fact]
    public void The_crossover_point_is_written_as_a_sentence()
    {
        var scenario = Scenario.Default with
        {
            PodLayout = PodLayout.FixedPodSize,
            EksNodeInstanceType = "m5.2xlarge",
            HiddenPaths = PathList.Of([PathIds.EksFargate, PathIds.EcsEc2, PathIds.EcsFargate]),
        };
        var estimate = PdfSamples.Estimate(scenario);
        using var pdf = PdfDocument.Open(PdfSamples.Render(scenario));
        var text = PdfSamples.Squeeze(string.Concat(pdf.GetPages().Take(3).Select(p => p.Text)));

        var point = Assert.Single(estimate.Crossover!.Points);
        Assert.StartsWith("EKS becomes cheaper than EC2 above ", point.Sentence, StringComparison.Ordinal);
        Assert.Contains(PdfSamples.Squeeze(point.Sentence), text, StringComparison.Ordinal);
        Assert.Contains(PdfSamples.Squeeze("Why EKS costs more"), text, StringComparison.Ordinal);
    }
}
