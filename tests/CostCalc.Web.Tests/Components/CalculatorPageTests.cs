using System.Globalization;
using Bunit;
using CostCalc.Domain.Scenarios;
using CostCalc.Web.Components.Pages;
using CostCalc.Web.Tests.TestSupport;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CostCalc.Web.Tests.Components;

public sealed class CalculatorPageTests : MudBunitContext
{
    private static readonly DateOnly Today = new(2026, 11, 25);

    private IRenderedComponent<CalculatorPage> RenderAt(string relativeUrl)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo(relativeUrl);
        Render<MudPopoverProvider>();
        return Render<CalculatorPage>();
    }

    private static decimal Headline(IRenderedComponent<CalculatorPage> page, string path) =>
        decimal.Parse(page.Find($"#headline-{path} .cc-card-value").GetAttribute("data-value")!, CultureInfo.InvariantCulture);

    [Fact]
    public void Render_Defaults_ShowsTheEstimatorsNumbers()
    {
        var page = RenderAt("/");

        var expected = Estimator.Estimate(Scenario.Default, Today);
        Assert.Equal(expected[PathIds.Ec2].MonthlyUsd, Headline(page, PathIds.Ec2));
        Assert.Equal(expected[PathIds.Eks].MonthlyUsd, Headline(page, PathIds.Eks));
        Assert.Equal(expected[PathIds.EksFargate].MonthlyUsd, Headline(page, PathIds.EksFargate));
        Assert.Contains("Prices as of", page.Find("#prices-as-of").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void RankingFilterInTheAddress_OpensTheRankingFiltered_AndStaysThroughAnInputChange()
    {
        var page = RenderAt("/instances?v=1&peakConnections=200000&rankPath=eks&rankFamily=m7g");

        Assert.Empty(page.FindAll("#link-error"));
        Assert.Equal("m7g", page.Find("#ranking-family").GetAttribute("value"));
        Assert.StartsWith("EKS:", page.Find("#ranking-table caption").TextContent, StringComparison.Ordinal);

        page.Find("#in-peakConnections").Input("300000");

        page.WaitForAssertion(() => Assert.Contains("peakConnections=300000", Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal), TimeSpan.FromSeconds(5));
        Assert.EndsWith("&rankPath=eks&rankFamily=m7g", Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal);
    }

    [Fact]
    public void ChangeConnections_ValidValue_UpdatesHeadlineAndUrl()
    {
        var page = RenderAt("/");
        var before = Headline(page, "ec2");

        page.Find("#in-peakConnections").Input("1000000");

        page.WaitForAssertion(() => Assert.NotEqual(before, Headline(page, "ec2")), TimeSpan.FromSeconds(5));
        var expected = Estimator.Estimate(Scenario.Default with { PeakConnections = 1_000_000 }, Today);
        Assert.Equal(expected[PathIds.Ec2].MonthlyUsd, Headline(page, "ec2"));
        Assert.Contains("peakConnections=1000000", Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-5", "between 1 and 100,000,000")]
    [InlineData("2.5", "whole number")]
    [InlineData("", "required")]
    public void ChangeConnections_InvalidValue_ShowsMessageAndKeepsLastEstimate(string typed, string message)
    {
        var page = RenderAt("/");
        var before = Headline(page, "ec2");

        page.Find("#in-peakConnections").Input(typed);

        page.WaitForAssertion(() => Assert.Contains(message, page.Find("#invalid-inputs").TextContent, StringComparison.Ordinal),
            TimeSpan.FromSeconds(5));
        Assert.Equal(before, Headline(page, "ec2"));
        Assert.DoesNotContain("NaN", string.Concat(page.Nodes.Select(n => n.TextContent)), StringComparison.Ordinal);
    }

    [Fact]
    public void TypeGroupedThousands_IsReadAsTheNumber_AndShownGroupedOnCommit()
    {
        var page = RenderAt("/");

        page.Find("#in-peakConnections").Input("2,500,000");

        page.WaitForAssertion(() => Assert.Contains("peakConnections=2500000", Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal),
            TimeSpan.FromSeconds(5));
        page.Find("#in-peakConnections").Change("2500000");
        Assert.Equal("2,500,000", page.Find("#in-peakConnections").GetAttribute("value"));
        Assert.Equal(Estimator.Estimate(Scenario.Default with { PeakConnections = 2_500_000 }, Today)[PathIds.Ec2].MonthlyUsd, Headline(page, "ec2"));
    }

    [Fact]
    public void TypeDecimalComma_IsRefusedWithTheReason_NotReadAsThousands()
    {
        var page = RenderAt("/");
        var before = Headline(page, "ec2");

        page.Find("#in-memoryPerConnectionKiB").Change("1,5");

        Assert.Contains("Use a point for decimals", page.Find("#invalid-inputs").TextContent, StringComparison.Ordinal);
        Assert.Equal("true", page.Find("#in-memoryPerConnectionKiB").GetAttribute("aria-invalid"));
        Assert.Equal(before, Headline(page, "ec2"));
    }

    [Fact]
    public void ChangedInput_OffersReset_WhichRestoresTheDefault()
    {
        var page = RenderAt("/?v=1&memoryPerConnectionKiB=12");
        Assert.Equal("12", page.Find("#in-memoryPerConnectionKiB").GetAttribute("value"));
        Assert.Empty(page.FindAll("[data-field=peakConnections] .cc-field-reset"));

        page.Find("[data-field=memoryPerConnectionKiB] .cc-field-reset").Click();

        Assert.Equal("28", page.Find("#in-memoryPerConnectionKiB").GetAttribute("value"));
        Assert.Empty(page.FindAll("[data-field=memoryPerConnectionKiB] .cc-field-reset"));
        Assert.DoesNotContain("memoryPerConnectionKiB", Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryInput_LinksItsSourceToTheModelPage()
    {
        var page = RenderAt("/");

        var link = page.Find("[data-field=memoryPerConnectionKiB] a.source-link");
        Assert.StartsWith("/model#s", link.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Contains("Default 28 KiB", page.Find("#in-memoryPerConnectionKiB-meta").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void OperationsLeftAtZero_IsSaidUnderTheVerdict_UntilHoursAreEntered()
    {
        var page = RenderAt("/");
        Assert.Contains("Operations effort is left at 0 h", page.Find("#operations-notice").TextContent, StringComparison.Ordinal);

        page.Find("#in-ec2OperationsHoursPerMonth").Change("12");

        Assert.Empty(page.FindAll("#operations-notice"));
    }

    [Fact]
    public void Render_Results_OpenWithTheBridgeAndTheCrossover()
    {
        var page = RenderAt("/");

        var markup = page.Markup;
        Assert.Contains("Why EC2 costs more", page.Find("#chart-bridge").TextContent, StringComparison.Ordinal);
        Assert.Contains("Where the answer flips", page.Find("#chart-crossover").TextContent, StringComparison.Ordinal);
        Assert.True(markup.IndexOf("id=\"chart-bridge\"", StringComparison.Ordinal) < markup.IndexOf("id=\"chart-crossover\"", StringComparison.Ordinal));
        Assert.True(markup.IndexOf("id=\"chart-crossover\"", StringComparison.Ordinal) < markup.IndexOf("id=\"chart-cumulative\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Render_Results_DrawsEveryChartWithSeries()
    {
        var page = RenderAt("/");

        // One line per path: EC2, EKS, EKS on Fargate, ECS on EC2 and ECS on Fargate are all shown by default;
        // each month of the 36-month default horizon is one column carrying its figures.
        Assert.Equal(5, page.FindAll("#chart-cumulative svg polyline.cc-series").Count);
        Assert.Equal(5, page.FindAll("#chart-monthly svg polyline.cc-series").Count);
        Assert.Equal(36, page.FindAll("#chart-monthly svg g[data-month]").Count);
        // Month-1 bars: one column of segments per path, so every path has its compute segment.
        Assert.Equal(5, page.FindAll("#chart-breakdown svg g[data-segment=Compute]").Count);
        Assert.NotEmpty(page.FindAll("#chart-split-memory svg rect.cc-bar"));
        Assert.NotEmpty(page.FindAll("#chart-split-cpu svg rect.cc-bar"));
        foreach (var legend in new[] { "Compute", "Control plane", "Kubelet reservation", "Eviction threshold", "DaemonSets", "OS", "BEAM base" })
        {
            Assert.Contains(legend, page.Markup, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void OpenLink_NonDefaultScenario_RestoresItExactly()
    {
        var scenario = Scenario.Default with
        {
            PeakConnections = 750_000,
            Region = "eu-west-1",
            Ec2InstanceType = "c7g.xlarge",
            EksPurchaseOption = CostCalc.Domain.Prices.PurchaseOption.ReservedStandard1Year,
            PodLayout = PodLayout.FixedPodSize,
            GrowthPercentPerMonth = 0,
        };
        var query = ScenarioUrl.Encode(scenario);

        var page = RenderAt("/?" + query);

        var expected = Estimator.Estimate(scenario, Today);
        Assert.Equal(expected[PathIds.Ec2].MonthlyUsd, Headline(page, "ec2"));
        Assert.Equal(expected[PathIds.Eks].MonthlyUsd, Headline(page, "eks"));
        Assert.Empty(page.FindAll("#link-error"));
    }

    [Theory]
    [InlineData("/?v=2&peakConnections=5")]
    [InlineData("/?peakConnections=5")]
    public void OpenLink_UnsupportedVersion_OpensDefaultsWithMessage(string url)
    {
        var page = RenderAt(url);

        Assert.Contains("could not be opened exactly", page.Find("#link-error").TextContent, StringComparison.Ordinal);
        Assert.Equal(Estimator.Estimate(Scenario.Default, Today)[PathIds.Ec2].MonthlyUsd, Headline(page, "ec2"));
    }

    [Theory]
    [InlineData("/?v=1&peakConnections=abc")]
    [InlineData("/?v=1&peakConnections=-1")]
    [InlineData("/?v=1&hackMe=1")]
    [InlineData("/?v=1&region=mars-1")]
    public void OpenLink_OneBadInput_FallsBackForThatInputAloneWithMessage(string url)
    {
        var page = RenderAt(url);

        Assert.Contains("opened with changes", page.Find("#link-error").TextContent, StringComparison.Ordinal);
        Assert.Equal(Estimator.Estimate(Scenario.Default, Today)[PathIds.Ec2].MonthlyUsd, Headline(page, "ec2"));
    }

    [Fact]
    public void OpenLink_BadInputBesideGoodOnes_KeepsTheGoodOnes()
    {
        // A link from an older version (daemonSetPods no longer exists; fargate=true swapped EKS nodes for
        // Fargate) still opens with its other inputs: EC2 against EKS on Fargate.
        var page = RenderAt("/?v=1&peakConnections=250000&daemonSetPods=5&fargate=true");

        var note = page.Find("#link-error").TextContent;
        Assert.Contains("daemonSetPods", note, StringComparison.Ordinal);
        Assert.Contains("'fargate' is now the EKS on Fargate path", note, StringComparison.Ordinal);
        var expected = Estimator.Estimate(Scenario.Default with { PeakConnections = 250_000, HiddenPaths = PathList.Of([PathIds.Eks]) }, Today);
        Assert.Equal(expected[PathIds.Ec2].MonthlyUsd, Headline(page, PathIds.Ec2));
        Assert.Equal(expected[PathIds.EksFargate].MonthlyUsd, Headline(page, PathIds.EksFargate));
        Assert.Empty(page.FindAll($"#headline-{PathIds.Eks}"));
    }

    [Fact]
    public void OpenLink_OneNumberOutOfRange_KeepsTheOtherNumbers()
    {
        var page = RenderAt("/?v=1&peakConnections=250000&horizonMonths=0");

        Assert.Contains("horizonMonths", page.Find("#link-error").TextContent, StringComparison.Ordinal);
        var expected = Estimator.Estimate(Scenario.Default with { PeakConnections = 250_000 }, Today);
        Assert.Equal(expected[PathIds.Ec2].MonthlyUsd, Headline(page, PathIds.Ec2));
        Assert.Equal(expected.Verdict.Summary, page.Find("#verdict-summary").TextContent.Trim());
    }

    [Fact]
    public void Render_Ec2AgainstEks_LeadsWithTheVerdictOverTheHorizon()
    {
        var hidden = PathList.Of([PathIds.EksFargate, PathIds.EcsEc2, PathIds.EcsFargate]);
        var page = RenderAt($"/?v=1&hiddenPaths={Uri.EscapeDataString(hidden.ToString())}");

        var expected = Estimator.Estimate(Scenario.Default with { HiddenPaths = hidden }, Today).Verdict.Summary;
        Assert.Equal(expected, page.Find("#verdict-summary").TextContent.Trim());
        Assert.StartsWith("EC2 saves $", expected, StringComparison.Ordinal);
        Assert.EndsWith("over 36 months; EKS is never cheaper.", expected, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Defaults_VerdictNamesTheNextCheapestOfThreePaths()
    {
        var page = RenderAt("/");

        var estimate = Estimator.Estimate(Scenario.Default, Today);
        var summary = page.Find("#verdict-summary").TextContent.Trim();
        Assert.Equal(estimate.Verdict.Summary, summary);
        Assert.Contains("over 36 months against ", summary, StringComparison.Ordinal);
        Assert.Contains(", the next cheapest", summary, StringComparison.Ordinal);
        // Every card but the cheapest one's says how it compares in month 1.
        var cheapest = estimate.Verdict.CheapestPath!;
        Assert.Contains("· cheapest", page.Find($"#headline-{cheapest}").TextContent, StringComparison.Ordinal);
        foreach (var path in estimate.Paths.Where(p => p.Id != cheapest))
        {
            var against = page.Find($"#headline-{path.Id} .cc-against").TextContent;
            Assert.Matches(@"^[+−]?\$[\d,]+ vs ", against);
            Assert.Contains($" vs {estimate[cheapest].Name} in month 1", against, StringComparison.Ordinal);
        }

        Assert.Empty(page.FindAll($"#headline-{cheapest} .cc-against"));
    }
}
