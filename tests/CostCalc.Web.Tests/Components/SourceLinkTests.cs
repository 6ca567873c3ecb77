using Bunit;
using CostCalc.Domain.Scenarios;
using CostCalc.Web.Components.Calculator;
using CostCalc.Web.Tests.TestSupport;

namespace CostCalc.Web.Tests.Components;

public sealed class SourceLinkTests : MudBunitContext
{
    [Fact]
    public void Render_SourceWithASection_LinksToItOnTheModelPage()
    {
        var link = Render<SourceLink>(p => p.Add(c => c.Source, Sources.ControlPlane)).Find("a");

        Assert.Equal("/model#s1-1", link.GetAttribute("href"));
        Assert.Equal(Sources.ControlPlane, link.GetAttribute("title"));
        Assert.Equal("source-link", link.GetAttribute("class"));
        Assert.Null(link.GetAttribute("target"));
        Assert.Equal(Sources.ControlPlane, link.TextContent);
    }

    [Fact]
    public void Render_CostLines_ShowDetailThenALinkToTheSource()
    {
        var estimate = Estimator.Estimate(Scenario.Default, new DateOnly(2026, 11, 25));

        var table = Render<CostLinesTable>(p => p.Add(c => c.Path, estimate[PathIds.Eks]));

        var row = table.FindAll("tbody tr").Single(r => r.QuerySelector("td")?.TextContent == "EKS control plane");
        var how = row.QuerySelectorAll("td")[2];
        Assert.StartsWith("1 cluster", how.TextContent, StringComparison.Ordinal);
        Assert.Equal("/model#s1-1", how.QuerySelector("a.source-link")!.GetAttribute("href"));
        Assert.All(table.FindAll("a.source-link"), a => Assert.StartsWith("/model#s", a.GetAttribute("href"), StringComparison.Ordinal));
    }

    [Fact]
    public void Render_TextThatIsNoSource_IsPlainText()
    {
        var rendered = Render<SourceLink>(p => p.Add(c => c.Source, "a note of our own"));

        Assert.Empty(rendered.FindAll("a"));
        Assert.Equal("a note of our own", rendered.Find("span").TextContent);
    }
}
