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
        // EKS on Fargate and ECS on Fargate have no instance type to choose, so with them alone the ranking has no path.
        var ranking = Estimator.Rank(Scenario.Default with { HiddenPaths = PathList.Of([PathIds.Ec2, PathIds.Eks, PathIds.EcsEc2]) });
        Render<MudPopoverProvider>();

        var table = Render<RankingTable>(p => p.Add(c => c.Ranking, ranking));

        Assert.Empty(ranking.Paths);
        Assert.Contains("show EC2, EKS or ECS on EC2 to rank", table.Find("#ranking-none").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_DefaultScenario_OffersOneToggleForEachPathWithInstanceTypes()
    {
        var ranking = Estimator.Rank(Scenario.Default);
        Render<MudPopoverProvider>();

        var table = Render<RankingTable>(p => p.Add(c => c.Ranking, ranking));

        Assert.Equal([PathIds.Ec2, PathIds.Eks, PathIds.EcsEc2], ranking.Paths.Select(p => p.Path));
        Assert.Empty(table.FindAll("#ranking-none"));
        Assert.Contains("EKS", table.Find(".mud-toggle-group").TextContent, StringComparison.Ordinal);
        Assert.Contains("ECS on EC2", table.Find(".mud-toggle-group").TextContent, StringComparison.Ordinal);
    }
}
