using Bunit;
using CostCalc.Domain.Estimation;
using CostCalc.Domain.Scenarios;
using CostCalc.Web.Components.Calculator;
using CostCalc.Web.Tests.TestSupport;
using MudBlazor;

namespace CostCalc.Web.Tests.Components;

public sealed class RankingTableTests : MudBunitContext
{
    [Fact]
    public void Render_OnlyFargateShown_SaysNoPathHasAnInstanceTypeToRank()
    {
        // EKS on Fargate has no instance type to choose, so with it alone the ranking has no path.
        var ranking = Estimator.Rank(Scenario.Default with { HiddenPaths = PathList.Of([PathIds.Ec2, PathIds.Eks]) });
        Render<MudPopoverProvider>();

        var table = Render<RankingTable>(p => p.Add(c => c.Ranking, ranking));

        Assert.Empty(ranking.Paths);
        Assert.Contains("show EC2 or EKS", table.Find("#ranking-none").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_DefaultScenario_OffersOneToggleForEachPathWithInstanceTypes()
    {
        var ranking = Estimator.Rank(Scenario.Default);
        Render<MudPopoverProvider>();

        var table = Render<RankingTable>(p => p.Add(c => c.Ranking, ranking));

        Assert.Equal([PathIds.Ec2, PathIds.Eks], ranking.Paths.Select(p => p.Path));
        Assert.Empty(table.FindAll("#ranking-none"));
        Assert.Contains("EKS", table.Find(".mud-toggle-group").TextContent, StringComparison.Ordinal);
    }
}
