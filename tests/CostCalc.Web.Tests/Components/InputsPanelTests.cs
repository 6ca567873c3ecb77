using Bunit;
using CostCalc.Domain.Scenarios;
using CostCalc.Web.Components.Pages;
using CostCalc.Web.Tests.TestSupport;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CostCalc.Web.Tests.Components;

/// <summary>The inputs come from ScenarioFields and ScenarioChoices, and show only while they matter.</summary>
public sealed class InputsPanelTests : MudBunitContext
{
    private IRenderedComponent<CalculatorPage> RenderAt(string relativeUrl)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo(relativeUrl);
        Render<MudPopoverProvider>();
        return Render<CalculatorPage>();
    }

    private static bool Shows(IRenderedComponent<CalculatorPage> page, string field) => page.FindAll($"[data-field=\"{field}\"]").Count > 0;

    [Fact]
    public void Render_Defaults_ShowsEveryInputInUseByName()
    {
        var page = RenderAt("/");

        // Every group but "Your prices" is open by default; a closed group's inputs are not rendered.
        Assert.All(ScenarioChoices.All.Where(c => c.Matters(Scenario.Default) && c.Group != FieldGroup.YourPrices), c => Assert.True(Shows(page, c.Name), c.Name));
        Assert.All(ScenarioFields.All.Where(f => f.Matters(Scenario.Default) && f.Group != FieldGroup.YourPrices), f => Assert.NotEmpty(page.FindAll($"#in-{f.Name}")));
        Assert.Empty(page.FindAll("#in-ec2DiscountPercent"));
        Assert.False(Shows(page, "fargate"), "the Fargate switch became the eks-fargate path");
        // Pod sizes size EKS on Fargate, shown by default.
        Assert.NotEmpty(page.FindAll("#in-podMemoryMiB"));
        // Only in fixed max-pods mode.
        Assert.Empty(page.FindAll("#in-fixedMaxPods"));
    }

    [Fact]
    public void OpenAndCloseAGroup_RendersItsInputsOnlyWhileOpen()
    {
        var page = RenderAt("/");
        Header(page, "Your prices").Click();
        page.WaitForElement("#in-ec2DiscountPercent");

        Header(page, "Workload").Click();

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("#in-peakConnections")), TimeSpan.FromSeconds(5));
        Assert.NotEmpty(page.FindAll("#in-ec2DiscountPercent"));
    }

    /// <summary>Closing a group drops what its boxes held that the scenario refused: its message goes with the box.</summary>
    [Fact]
    public void CloseAGroup_WithAnInvalidInput_DropsItsProblem()
    {
        var page = RenderAt("/");
        page.Find("#in-peakConnections").Change("-5");
        page.WaitForElement("#invalid-inputs");

        Header(page, "Workload").Click();

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("#invalid-inputs")), TimeSpan.FromSeconds(5));
        Header(page, "Workload").Click();
        page.WaitForAssertion(() => Assert.Equal("100,000", page.Find("#in-peakConnections").GetAttribute("value")), TimeSpan.FromSeconds(5));
    }

    private static AngleSharp.Dom.IElement Header(IRenderedComponent<CalculatorPage> page, string title) =>
        page.FindAll(".mud-expand-panel-header").First(h => h.TextContent.Contains(title, StringComparison.Ordinal));

    [Fact]
    public void Render_EksPathsHidden_HidesTheirInputs()
    {
        var page = RenderAt($"/?v=1&hiddenPaths={PathIds.Eks},{PathIds.EksFargate}");

        Assert.False(Shows(page, "eksNodeInstanceType"));
        Assert.False(Shows(page, "autoMode"));
        Assert.Empty(page.FindAll("#in-podMemoryMiB"));
        Assert.Empty(page.FindAll("#in-clusters"));
        Assert.True(Shows(page, "ec2InstanceType"));
        Assert.NotEmpty(page.FindAll("#in-osMemoryMiB"));
    }

    [Fact]
    public void Toggle_YesNoChoice_IsASwitchThatWritesTheUrl()
    {
        var page = RenderAt("/");
        var autoMode = page.Find("input[type=checkbox][data-field=\"autoMode\"]");
        Assert.Equal("switch", autoMode.GetAttribute("role"));
        Assert.Equal("false", autoMode.GetAttribute("aria-checked"));

        autoMode.Change(true);

        page.WaitForAssertion(() => Assert.Contains("autoMode=true", Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal),
            TimeSpan.FromSeconds(5));
        Assert.Equal("true", page.Find("input[type=checkbox][data-field=\"autoMode\"]").GetAttribute("aria-checked"));
    }
}
