using Bunit;
using CostCalc.Web.Components.Calculator;
using CostCalc.Web.Components.Pages;
using CostCalc.Web.Tests.TestSupport;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CostCalc.Web.Tests.Components;

/// <summary>
/// What a paused circuit keeps beyond its address (CalculatorSession): invalid text as typed and the open tab. A session
/// filled before the page renders stands for the state .NET restores into a resumed circuit.
/// </summary>
public sealed class CalculatorSessionTests : MudBunitContext
{
    private CalculatorSession Session => Services.GetRequiredService<CalculatorSession>();

    private IRenderedComponent<CalculatorPage> RenderAt(string relativeUrl)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo(relativeUrl);
        Render<MudPopoverProvider>();
        return Render<CalculatorPage>();
    }

    private static string SelectedTab(IRenderedComponent<CalculatorPage> page) =>
        Assert.Single(page.FindAll("[role=tab][aria-selected=true]")).TextContent.Trim();

    [Fact]
    public void Typing_InvalidText_IsRecorded_AndCorrectingItForgetsIt()
    {
        var page = RenderAt("/");
        var input = page.Find("#in-memoryPerConnectionKiB");

        input.Change("1,5");
        Assert.Equal("1,5", Session.DraftOf("memoryPerConnectionKiB"));

        page.Find("#in-memoryPerConnectionKiB").Change("12");
        Assert.Null(Session.DraftOf("memoryPerConnectionKiB"));
        Assert.Empty(Session.Drafts);
    }

    [Fact]
    public void Resumed_WithADraft_ShowsTheTextAsTypedWithItsError_AndKeepsTheLastValidEstimate()
    {
        Session.Drafts["memoryPerConnectionKiB"] = "1,5";
        Session.Drafts["peakConnections"] = "-3";

        var page = RenderAt("/?v=1&peakConnections=123456");

        Assert.Equal("1,5", page.Find("#in-memoryPerConnectionKiB").GetAttribute("value"));
        Assert.Equal(NumberText.DecimalCommaMessage, page.Find("#in-memoryPerConnectionKiB-meta").TextContent.Trim());
        Assert.Equal("-3", page.Find("#in-peakConnections").GetAttribute("value"));
        Assert.Equal("true", page.Find("#in-peakConnections").GetAttribute("aria-invalid"));
        // The address's value is what the estimate uses: the invalid text never reached it.
        Assert.Contains("peakConnections=123456", Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal);
        Assert.NotEmpty(page.FindAll("#invalid-inputs"));
    }

    [Fact]
    public void Resumed_OnTheCostLinesTab_OpensIt()
    {
        Session.Tab = 1;

        var page = RenderAt("/");

        Assert.Equal("Cost lines", SelectedTab(page));
    }

    [Fact]
    public void NewPage_OnTheRoot_OpensTheResultsAndRemembersIt()
    {
        var page = RenderAt("/");

        Assert.Equal(0, Session.Tab);
        Assert.Equal("Results", SelectedTab(page));
    }

    [Fact]
    public void NewPage_OnInstances_OpensTheRankingAndRemembersIt()
    {
        var page = RenderAt("/instances");

        Assert.Equal(2, Session.Tab);
        Assert.Equal("Instance ranking", SelectedTab(page));
    }
}
