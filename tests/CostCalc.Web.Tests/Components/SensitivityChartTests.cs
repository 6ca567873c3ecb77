using Bunit;
using CostCalc.Domain.Estimation;
using CostCalc.Domain.Scenarios;
using CostCalc.Domain.Vocabulary;
using CostCalc.Web.Components.Calculator;
using CostCalc.Web.Components.Pages;
using CostCalc.Web.Tests.TestSupport;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CostCalc.Web.Tests.Components;

/// <summary>The "What moves the answer" tornado (#chart-sensitivity, model.md §8.1).</summary>
public sealed class SensitivityChartTests : MudBunitContext
{
    private static readonly DateOnly Today = new(2026, 11, 25);

    /// <summary>
    /// A hand-made analysis: EC2 leads by $10,000. Memory per connection moves the lead to $4,000 (14 KiB is
    /// the low value … here it lowers the lead) and $16,000; messages per connection move it to −$2,000 (EKS
    /// cheaper: flips) and $12,000. Swings: memory 16,000 − 4,000 = $12,000; messages 12,000 − (−2,000) = $14,000.
    /// </summary>
    private static SensitivityAnalysis HandMade() => new(PathIds.Ec2, 10_000m, 36,
    [
        new("messagesPerConnectionPerSecond", "Messages per connection", "0.2 msg/s",
            new("0.1 msg/s", 12_000m, PathIds.Ec2, false), new("0.4 msg/s", -2_000m, PathIds.Eks, true), "×0.5 / ×2", Sources.SensitivityBand),
        new("memoryPerConnectionKiB", "Memory per connection", "28 KiB",
            new("14 KiB", 4_000m, PathIds.Ec2, false), new("56 KiB", 16_000m, PathIds.Ec2, false), "×0.5 / ×2", Sources.SensitivityMemoryPerConnection),
    ], null);

    private IRenderedComponent<SensitivityChart> RenderChart(SensitivityAnalysis analysis) =>
        Render<SensitivityChart>(p => p
            .Add(c => c.Analysis, analysis)
            .Add(c => c.Estimate, Estimator.Estimate(Scenario.Default, Today)));

    [Fact]
    public void Render_HandMadeAnalysis_OneSvgWithARowPerEntryInOrder()
    {
        var chart = RenderChart(HandMade());

        Assert.Single(chart.FindAll("#chart-sensitivity svg"));
        Assert.Contains("What moves the answer", chart.Find("#chart-sensitivity h2").TextContent, StringComparison.Ordinal);
        var rows = chart.FindAll(".cc-tornado-row").Select(r => r.GetAttribute("data-input")).ToList();
        Assert.Equal(["messagesPerConnectionPerSecond", "memoryPerConnectionKiB"], rows);
        Assert.NotNull(chart.Find("svg > title"));
    }

    [Fact]
    public void Render_FlippingEnd_IsMarkedInWordsAndTheNewCheapestPathsColour()
    {
        var chart = RenderChart(HandMade());

        var messages = chart.Find(".cc-tornado-row[data-input=messagesPerConnectionPerSecond]");
        Assert.Equal("yes", messages.GetAttribute("data-flips"));
        var flipping = messages.QuerySelector(".end.flips")!;
        Assert.Contains("0.4 msg/s · flips → EKS", flipping.TextContent, StringComparison.Ordinal);
        Assert.Equal(PathStyle.Colour(PathIds.Eks, 1), flipping.QuerySelector("rect")!.GetAttribute("fill"));
        Assert.Equal("no", chart.Find(".cc-tornado-row[data-input=memoryPerConnectionKiB]").GetAttribute("data-flips"));
        Assert.Contains("Flip the verdict: Messages per connection.", chart.Find("svg > desc").TextContent, StringComparison.Ordinal);
    }

    /// <summary>The hand-made entry's tooltip, worked out by hand: lead $12,000 at 0.1 msg/s, EC2 $2,000 dearer at 0.4.</summary>
    [Fact]
    public void Render_Tooltip_GivesTheNumbersOfBothEnds()
    {
        var chart = RenderChart(HandMade());

        var title = chart.Find(".cc-tornado-row[data-input=messagesPerConnectionPerSecond] > title").TextContent;

        Assert.Equal(
            "Messages per connection (now 0.2 msg/s; tried ×0.5 / ×2): at 0.1 msg/s EC2 stays cheapest by $12,000; "
            + "at 0.4 msg/s EKS is cheaper, EC2 $2,000 dearer. This input flips the verdict.",
            title);
    }

    /// <summary>A row is a focusable button whose title (its numbers) the page's script shows in the tip line under the chart.</summary>
    [Fact]
    public void Row_IsAButtonWhoseNumbersGoToTheTipLineUnderTheChart()
    {
        var chart = RenderChart(HandMade());

        var row = chart.Find(".cc-tornado-row[data-input=memoryPerConnectionKiB]");

        Assert.Equal("button", row.GetAttribute("role"));
        Assert.Equal("0", row.GetAttribute("tabindex"));
        Assert.Contains("at 14 KiB EC2 stays cheapest by $4,000; at 56 KiB EC2 stays cheapest by $16,000", row.QuerySelector("title")!.TextContent, StringComparison.Ordinal);
        Assert.Single(chart.FindAll("#chart-sensitivity .cc-chart-tip#sensitivity-detail"));
    }

    [Fact]
    public void Render_MoneyAxis_TicksCarryDollarsAndIncludeZero()
    {
        var chart = RenderChart(HandMade());

        var ticks = chart.FindAll("g.tick text").Select(t => t.TextContent).ToList();
        Assert.All(ticks, t => Assert.Contains("$", t, StringComparison.Ordinal));
        Assert.Contains("$0", ticks);
        // −$2,000 … $16,000 in steps of $5,000 (a fifth of $18,000 rounded up to 1/2/5): −$5,000 … $20,000.
        Assert.Equal(["−$5,000", "$0", "$5,000", "$10k", "$15k", "$20k"], ticks);
    }

    [Fact]
    public void Render_NoCheapestPath_SaysWhyInsteadOfAChart()
    {
        var chart = RenderChart(new SensitivityAnalysis(null, 0, 36, [], "No single path is cheapest."));

        Assert.Empty(chart.FindAll("svg"));
        Assert.Equal("No single path is cheapest.", chart.Find("#sensitivity-note").TextContent);
    }

    [Fact]
    public void CalculatorPage_ResultsTab_ShowsTheTornadoSortedBySwing()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/");
        Render<MudPopoverProvider>();
        var page = Render<CalculatorPage>();

        var analysis = Estimator.Sensitivity(Estimator.Estimate(Scenario.Default, Today));
        var rows = page.FindAll("#chart-sensitivity .cc-tornado-row").Select(r => r.GetAttribute("data-input")).ToList();
        Assert.Equal(analysis.Entries.Select(e => e.Input), rows);
        var swings = analysis.Entries.Select(e => e.SwingUsd(analysis.BaseMarginUsd)).ToList();
        Assert.Equal(swings.OrderDescending(), swings);
        Assert.True(rows.Count >= 11);
    }
}
