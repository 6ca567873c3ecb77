using System.Globalization;
using Bunit;
using CostCalc.Domain.Scenarios;
using CostCalc.Web.Components.Pages;
using CostCalc.Web.Tests.TestSupport;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CostCalc.Web.Tests.Components;

/// <summary>The "Paths compared" panel: one box per path; unticking one removes its card and writes hiddenPaths to the URL.</summary>
public sealed class PathsInputTests : MudBunitContext
{
    private static readonly DateOnly Today = new(2026, 11, 25);

    private static readonly string[] AllPaths = [PathIds.Ec2, PathIds.Eks, PathIds.EksFargate, PathIds.EcsEc2, PathIds.EcsFargate];

    private IRenderedComponent<CalculatorPage> RenderAt(string relativeUrl)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo(relativeUrl);
        Render<MudPopoverProvider>();
        return Render<CalculatorPage>();
    }

    private static List<string> Cards(IRenderedComponent<CalculatorPage> page) =>
        [.. page.FindAll(".cc-path-card").Select(c => c.Id!)];

    private static AngleSharp.Dom.IElement Box(IRenderedComponent<CalculatorPage> page, string path) =>
        page.Find($"#paths-input input[type=checkbox][data-path=\"{path}\"]");

    private string Url => Services.GetRequiredService<NavigationManager>().Uri;

    [Fact]
    public void Render_Defaults_ShowsOneCardPerPathAndEveryBoxTicked()
    {
        var page = RenderAt("/");

        Assert.Equal(AllPaths.Select(p => $"headline-{p}"), Cards(page));
        Assert.All(AllPaths, p => Assert.True(Box(page, p).HasAttribute("checked"), p));
        Assert.Contains("EKS on Fargate", page.Find("#paths-input").TextContent, StringComparison.Ordinal);
        Assert.Contains("ECS on EC2", page.Find("#paths-input").TextContent, StringComparison.Ordinal);
        Assert.Contains("ECS on Fargate", page.Find("#paths-input").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Untick_OnePath_RemovesItsCardAndHidesItInTheUrl()
    {
        var page = RenderAt("/");

        Box(page, PathIds.EksFargate).Change(false);

        page.WaitForAssertion(() => Assert.Equal(AllPaths.Where(p => p != PathIds.EksFargate).Select(p => $"headline-{p}"), Cards(page)), TimeSpan.FromSeconds(5));
        Assert.Contains($"hiddenPaths={PathIds.EksFargate}", Url, StringComparison.Ordinal);
        Assert.False(Box(page, PathIds.EksFargate).HasAttribute("checked"));
        Assert.Empty(page.FindAll($"#cost-lines-{PathIds.EksFargate}"));
        Assert.Empty(page.FindAll($"#capacity-table td[data-path=\"{PathIds.EksFargate}\"]"));
        var expected = Estimator.Estimate(Scenario.Default with { HiddenPaths = PathList.Of([PathIds.EksFargate]) }, Today);
        Assert.Equal(expected.Verdict.Summary, page.Find("#verdict-summary").TextContent.Trim());
        Assert.Equal(expected[PathIds.Eks].MonthlyUsd.ToString(CultureInfo.InvariantCulture),
            page.Find($"#headline-{PathIds.Eks} .cc-card-value").GetAttribute("data-value"));
    }

    [Fact]
    public void Tick_HiddenPathAgain_BringsItsCardBackAndClearsTheUrl()
    {
        var page = RenderAt($"/?v=1&hiddenPaths={PathIds.Eks}");
        Assert.Equal(AllPaths.Where(p => p != PathIds.Eks).Select(p => $"headline-{p}"), Cards(page));

        Box(page, PathIds.Eks).Change(true);

        page.WaitForAssertion(() => Assert.Equal(AllPaths.Select(p => $"headline-{p}"), Cards(page)), TimeSpan.FromSeconds(5));
        Assert.DoesNotContain("hiddenPaths", Url, StringComparison.Ordinal);
    }

    [Fact]
    public void Untick_LastShownPath_IsRefusedWithAMessage()
    {
        var page = RenderAt($"/?v=1&hiddenPaths={PathIds.Eks},{PathIds.EksFargate},{PathIds.EcsEc2},{PathIds.EcsFargate}");
        Assert.Equal([$"headline-{PathIds.Ec2}"], Cards(page));
        var before = Url;

        Box(page, PathIds.Ec2).Change(false);

        page.WaitForAssertion(() => Assert.Contains("At least one path must stay shown", page.Find("#paths-problem").TextContent, StringComparison.Ordinal),
            TimeSpan.FromSeconds(5));
        Assert.Equal([$"headline-{PathIds.Ec2}"], Cards(page));
        Assert.Equal(before, Url);
        Assert.True(Box(page, PathIds.Ec2).HasAttribute("checked"));
    }
}
