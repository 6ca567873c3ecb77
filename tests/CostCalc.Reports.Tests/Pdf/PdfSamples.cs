using CostCalc.Domain.Estimation;
using CostCalc.Domain.Prices;
using CostCalc.Domain.Scenarios;
using CostCalc.Pricing.Snapshot;
using CostCalc.Reports.Pdf;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace CostCalc.Reports.Tests.Pdf;

/// <summary>Real estimates from the embedded snapshot, and their PDFs read back with PdfPig.</summary>
internal static class PdfSamples
{
    public static readonly DateOnly Today = new(2026, 11, 25);
    public static readonly DateTimeOffset Created = new(2026, 11, 25, 14, 3, 0, TimeSpan.Zero);
    public const string PricesSource = "embedded snapshot";
    public const string Link = "https://costcalc.example.com/r/k7Q2mX9vLp3RtB8wZc4NfA";

    private static readonly Lazy<Estimator> Estimator = new(() =>
    {
        var snapshot = EmbeddedSnapshot.Load();
        return new Estimator(snapshot.Catalog, snapshot.Prices);
    });

    /// <summary>Two million connections over 60 months on big nodes: long tables, many pages.</summary>
    public static Scenario Large { get; } = Scenario.Default with
    {
        PeakConnections = 2_000_000,
        GrowthPercentPerMonth = 4,
        HorizonMonths = 60,
        PodLayout = PodLayout.FixedPodSize,
        EksNodeInstanceType = "m6i.4xlarge",
        Ec2PurchaseOption = PurchaseOption.SavingsPlan1Year,
        EksPurchaseOption = PurchaseOption.Spot,
        Ec2DeployMethod = Ec2DeployMethod.RollingRestart,
        NatGateways = 2,
        NatProcessedGbPerMonth = 500,
        EksOperationsHoursPerMonth = 10,
    };

    /// <summary>The two paths the calculator compared before EKS on Fargate was a path of its own.</summary>
    public static Scenario TwoPaths { get; } = Scenario.Default with { HiddenPaths = PathList.Of([PathIds.EksFargate, PathIds.EcsEc2, PathIds.EcsFargate]) };

    /// <summary>The three paths the calculator compared before ECS on EC2 and ECS on Fargate were added.</summary>
    public static Scenario ThreePaths { get; } = Scenario.Default with { HiddenPaths = PathList.Of([PathIds.EcsEc2, PathIds.EcsFargate]) };

    /// <summary>A pod larger than Fargate's largest shape: EKS on Fargate cannot run; EKS runs it on 256 GiB nodes.</summary>
    public static Scenario InfeasibleFargate { get; } = Scenario.Default with
    {
        PodLayout = PodLayout.FixedPodSize,
        PodMemoryMiB = 200_000,
        EksNodeInstanceType = "r6i.8xlarge",
    };

    public static Estimate Estimate(Scenario scenario) => Estimator.Value.Estimate(scenario, Today);

    public static PdfOptions Options(string? link = null, PaperSize paper = PaperSize.A4) =>
        new(Created, PricesSource, link) { Paper = paper };

    public static byte[] Render(Scenario scenario, string? link = null, PaperSize paper = PaperSize.A4) =>
        EstimatePdf.Render(Estimate(scenario), Options(link, paper));

    /// <summary>All text of the document with every run of whitespace removed, so wrapped lines still match.</summary>
    public static string Squeezed(PdfDocument document) => Squeeze(string.Concat(document.GetPages().Select(p => p.Text)));

    public static string Squeeze(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    public static IReadOnlyList<Page> Pages(PdfDocument document) => [.. document.GetPages()];
}
