using Bunit;
using CostCalc.Web.Components.Pages;
using CostCalc.Web.Tests.TestSupport;

namespace CostCalc.Web.Tests.Components;

public sealed class ModelPageTests : MudBunitContext
{
    [Fact]
    public void Render_ModelPage_ShowsSectionHeadingsWithIdsAndTables()
    {
        var page = Render<ModelPage>();

        Assert.Equal("H3", page.Find("#model-document #s1-1").TagName);
        Assert.StartsWith("1.1 EKS control plane", page.Find("#s1-1").TextContent, StringComparison.Ordinal);
        Assert.StartsWith("4.3 Schedulers", page.Find("#s4-3").TextContent, StringComparison.Ordinal);
        Assert.StartsWith("7.8 CPU credits", page.Find("#s7-8").TextContent, StringComparison.Ordinal);
        Assert.Equal("H2", page.Find("#s4").TagName);
        var controlPlane = page.Find("#s1-1 + table");
        Assert.Equal(["item", "figure", "tag", "source"], controlPlane.QuerySelectorAll("thead th").Select(th => th.TextContent));
        Assert.Contains("Standard support", controlPlane.QuerySelector("tbody")!.TextContent, StringComparison.Ordinal);
    }
}
