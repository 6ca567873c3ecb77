using System.Globalization;
using Bunit;
using CostCalc.Domain.Estimation;
using CostCalc.Domain.Scenarios;
using CostCalc.Domain.Vocabulary;
using CostCalc.Web.Components.Charts;
using CostCalc.Web.Tests.TestSupport;

namespace CostCalc.Web.Tests.Components;

/// <summary>The cost bridge and the crossover chart: one SVG each, drawn from the domain's numbers.</summary>
public sealed class BridgeAndCrossoverChartTests : MudBunitContext
{
    private static readonly DateOnly Today = new(2026, 11, 25);

    private static Scenario FixedPodsOnLargeNodes { get; } = Scenario.Default with
    {
        PodLayout = PodLayout.FixedPodSize,
        EksNodeInstanceType = "m5.2xlarge",
        HiddenPaths = PathList.Of([PathIds.EksFargate, PathIds.EcsEc2, PathIds.EcsFargate]),
    };

    [Fact]
    public void Bridge_BarsSumToTheDifference_AndEachCarriesHowItWasComputed()
    {
        var estimate = Estimator.Estimate(Scenario.Default, Today);

        var chart = Render<BridgeChart>(p => p.Add(c => c.Estimate, estimate));

        // The default runner-up is EKS on Fargate (the verdict sentence names it): its bridge is shown first.
        var bridge = estimate.Bridges.Single(b => b.Path == estimate.Verdict.RunnerUpPath);
        Assert.Equal($"Why {bridge.Name} costs more", chart.Find("#bridge-heading").TextContent);
        Assert.Single(chart.FindAll("#chart-bridge svg"));
        var bars = chart.FindAll("#chart-bridge svg g[data-usd]");
        Assert.Equal(bridge.Bars.Select(b => b.Name), bars.Select(g => g.GetAttribute("data-bar")));
        var sum = bars.Sum(g => decimal.Parse(g.GetAttribute("data-usd")!, CultureInfo.InvariantCulture));
        Assert.Equal(bridge.DifferenceUsd, sum);
        Assert.Equal(estimate.Verdict.Comparisons.Single(c => c.Path == bridge.Path).HorizonDifferenceUsd, sum);
        foreach (var (g, bar) in bars.Zip(bridge.Bars))
        {
            Assert.Equal($"{bar.Name}: {Formats.UsdChange(bar.Usd)}. {bar.HowComputed}", g.QuerySelector("title")!.TextContent);
            Assert.Contains("cc-tip", g.ClassList);
        }

        Assert.NotNull(chart.Find("#chart-bridge svg").GetAttribute("aria-label"));
        Assert.All(chart.FindAll("#chart-bridge svg text.cc-tick"), t => Assert.Contains("$", t.TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public void Bridge_PickAnotherPath_ShowsItsBridge()
    {
        var estimate = Estimator.Estimate(Scenario.Default, Today);
        var chart = Render<BridgeChart>(p => p.Add(c => c.Estimate, estimate));

        chart.Find($"#bridge-pick-{PathIds.Eks}").Click();

        var eks = estimate.Bridges.Single(b => b.Path == PathIds.Eks);
        Assert.Equal("Why EKS costs more", chart.Find("#bridge-heading").TextContent);
        // Default EKS pays 1 cluster × $0.10/h × 730 h = $73 a month for its control plane: 36 × $73 = $2,628.
        Assert.Equal("2628", Math.Round(decimal.Parse(chart.Find("#chart-bridge svg g[data-bar=\"Control plane\"]").GetAttribute("data-usd")!, CultureInfo.InvariantCulture)).ToString(CultureInfo.InvariantCulture));
        Assert.Equal(eks.Bars.Count, chart.FindAll("#chart-bridge svg g[data-usd]").Count);
    }

    [Fact]
    public void Bridge_OnePathShown_SaysThereIsNothingToCompare()
    {
        var estimate = Estimator.Estimate(Scenario.Default with { HiddenPaths = PathList.Of([PathIds.Eks, PathIds.EksFargate, PathIds.EcsEc2, PathIds.EcsFargate]) }, Today);

        var chart = Render<BridgeChart>(p => p.Add(c => c.Estimate, estimate));

        Assert.NotNull(chart.Find("#bridge-empty"));
        Assert.Empty(chart.FindAll("svg"));
    }

    [Fact]
    public void Crossover_LabelsMatchTheDomainsPoints_AndMoneyTicksCarryDollars()
    {
        var estimate = Estimator.Estimate(FixedPodsOnLargeNodes, Today);
        var crossover = estimate.Crossover!;

        var chart = Render<CrossoverChart>(p => p.Add(c => c.Estimate, estimate));

        Assert.Single(chart.FindAll("#chart-crossover svg"));
        var point = Assert.Single(crossover.Points);
        var marks = chart.FindAll("#chart-crossover svg g[data-crossover]");
        Assert.Equal([point.Connections.ToString(CultureInfo.InvariantCulture)], marks.Select(m => m.GetAttribute("data-crossover")));
        Assert.Equal(Formats.CountShort(point.Connections), marks[0].QuerySelector("text")!.TextContent);
        Assert.StartsWith(point.Sentence, marks[0].QuerySelector("title")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(crossover.Sentences, chart.FindAll("#crossover-sentences li").Select(li => li.TextContent));

        var money = chart.FindAll("#chart-crossover svg text.cc-money-tick").Select(t => t.TextContent).ToList();
        Assert.Equal("$0", money[0]);
        Assert.All(money, t => Assert.StartsWith("$", t, StringComparison.Ordinal));
        Assert.Equal(["1k", "10k", "100k", "1M", "10M", "100M"], chart.FindAll("#chart-crossover svg text.cc-count-tick").Select(t => t.TextContent));
        // One line per path, in the path's colour, and the scenario marked.
        Assert.Equal(
            [PathStyle.Colour(PathIds.Ec2, 0), PathStyle.Colour(PathIds.Eks, 1)],
            chart.FindAll("#chart-crossover svg polyline.cc-series").Select(l => l.GetAttribute("stroke")));
        Assert.Contains("now 100k", chart.Find("#chart-crossover svg g[data-mark=\"current\"]").TextContent, StringComparison.Ordinal);
    }

    /// <summary>
    /// The premium panel under the money panel: one line per path, percent ticks from 0 %, and each line's tooltip says
    /// where it stands at the scenario's count, from the domain's premium (EKS's is its cost over EC2's, less one).
    /// </summary>
    [Fact]
    public void Crossover_PremiumPanel_NamesEachPathsStandingAtTheScenariosCount()
    {
        var estimate = Estimator.Estimate(FixedPodsOnLargeNodes, Today);
        var crossover = estimate.Crossover!;
        var index = crossover.Connections.ToList().IndexOf(100_000);

        var chart = Render<CrossoverChart>(p => p.Add(c => c.Estimate, estimate));

        var percent = chart.FindAll("#chart-crossover svg text.cc-percent-tick").Select(t => t.TextContent).ToList();
        Assert.Equal("0 %", percent[0]);
        Assert.All(percent, t => Assert.EndsWith(" %", t, StringComparison.Ordinal));
        foreach (var (series, p) in crossover.Paths.Select((s, p) => (s, p)))
        {
            var tip = chart.Find($"#chart-crossover svg g[data-premium=\"{series.Path}\"] > title").TextContent;
            var share = crossover.PremiumOverCheapest(p, index)!.Value;
            var expected = share == 0 ? "the cheapest" : Formats.Percent((double)share) + " above the cheapest";
            Assert.Equal($"{series.Name}: {expected} at 100k connections", tip);
        }
    }

    [Fact]
    public void Crossover_APathThatCannotRun_IsAGapNotZero()
    {
        // A 200,000 MiB pod is larger than Fargate's largest shape (120 GB): EKS on Fargate cannot run at any count.
        var estimate = Estimator.Estimate(Scenario.Default with { PodLayout = PodLayout.FixedPodSize, PodMemoryMiB = 200_000, EksNodeInstanceType = "r6i.8xlarge" }, Today);

        var chart = Render<CrossoverChart>(p => p.Add(c => c.Estimate, estimate));

        Assert.Empty(chart.FindAll($"#chart-crossover svg polyline[data-path=\"{PathIds.EksFargate}\"]"));
        Assert.Contains("gaps: cannot run there", chart.Find($"#chart-crossover svg text[data-legend=\"{PathIds.EksFargate}\"]").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("NaN", chart.Markup, StringComparison.Ordinal);
    }
}
