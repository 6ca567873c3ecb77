using Bunit;
using CostCalc.Domain.Estimation;
using CostCalc.Domain.Scenarios;
using CostCalc.Domain.Vocabulary;
using CostCalc.Web.Components.Calculator;
using CostCalc.Web.Tests.TestSupport;

namespace CostCalc.Web.Tests.Components;

public sealed class RankingTableTests : MudBunitContext
{
    [Fact]
    public void Render_OnlyFargateShown_SaysNoPathHasAnInstanceTypeToRank()
    {
        // EKS on Fargate and ECS on Fargate have no instance type to choose, so with them alone the ranking has no path.
        var ranking = Estimator.Rank(Scenario.Default with { HiddenPaths = PathList.Of([PathIds.Ec2, PathIds.Eks, PathIds.EcsEc2]) });

        var table = Render<RankingTable>(p => p.Add(c => c.Ranking, ranking));

        Assert.Empty(ranking.Paths);
        Assert.Contains("show EC2, EKS or ECS on EC2 to rank", table.Find("#ranking-none").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_DefaultScenario_ShowsTheCheapestTypeOfEachPathSideBySide()
    {
        var ranking = Estimator.Rank(Scenario.Default);

        var table = Render<RankingTable>(p => p.Add(c => c.Ranking, ranking));

        var best = table.FindAll("#ranking-best [data-path]");
        Assert.Equal([PathIds.Ec2, PathIds.Eks, PathIds.EcsEc2], best.Select(b => b.GetAttribute("data-path")));
        var ec2 = ranking.Paths[0];
        Assert.Contains($"Cheapest: {ec2.Best!.InstanceType} at {Formats.Usd(ec2.Best.MonthlyUsd)}/month", best[0].TextContent, StringComparison.Ordinal);
        Assert.Contains($"against the current m6i.large ({Formats.Usd(ec2.Current!.MonthlyUsd)})", best[0].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_MarksTheCurrentPick_AndSaysWhatEachRowSavesAgainstIt()
    {
        var ranking = Estimator.Rank(Scenario.Default);
        var ec2 = ranking.Paths[0];
        var current = ec2.Current!;

        var table = Render<RankingTable>(p => p.Add(c => c.Ranking, ranking).Add(c => c.Filter, new RankingFilter(Family: "m6i")));

        var currentRow = table.Find("#ranking-table tbody tr.cc-current");
        Assert.Contains("m6i.large", currentRow.TextContent, StringComparison.Ordinal);
        Assert.Contains("current", currentRow.QuerySelector(".cc-tag")!.TextContent, StringComparison.Ordinal);
        Assert.EndsWith("same", currentRow.Children[^1].TextContent.Trim(), StringComparison.Ordinal);
        // Every other m6i row: its cost less the current's; a dearer type shows "+$…", a cheaper one "saves $…".
        foreach (var row in table.FindAll("#ranking-table tbody tr").Where(r => !r.ClassList.Contains("cc-current")))
        {
            var type = ec2.Rows.Single(r => r.InstanceType == row.QuerySelector("button")!.TextContent);
            var difference = type.MonthlyUsd - current.MonthlyUsd;
            var expected = difference > 0 ? "+" + Formats.Usd(difference) : "saves " + Formats.Usd(-difference);
            Assert.Equal(expected, row.Children[^1].TextContent.Trim());
        }
    }

    [Fact]
    public void Render_BurstableTypes_AreFlaggedWithTheirBaseline()
    {
        var ranking = Estimator.Rank(Scenario.Default);

        var table = Render<RankingTable>(p => p.Add(c => c.Ranking, ranking).Add(c => c.Filter, new RankingFilter(Family: "t3")));

        // AWS's burstable performance table: t3.medium earns 24 credits an hour on 2 vCPUs, a 20 % baseline per vCPU.
        var medium = table.FindAll("#ranking-table tbody tr").Single(r => r.QuerySelector("button")!.TextContent == "t3.medium");
        Assert.Contains("burstable · 20 % baseline", medium.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Filters_ChangeThroughTheCallback_AndFilterTheRows()
    {
        var ranking = Estimator.Rank(Scenario.Default);
        RankingFilter? changed = null;

        var table = Render<RankingTable>(p => p.Add(c => c.Ranking, ranking)
            .Add(c => c.Filter, new RankingFilter(Path: PathIds.Eks, Architecture: RankingFilter.Arm64))
            .Add(c => c.FilterChanged, f => changed = f));
        table.Find("#ranking-family").Change("M7G ");

        Assert.Equal(new RankingFilter(Path: PathIds.Eks, Family: "m7g", Architecture: RankingFilter.Arm64), changed);
        Assert.StartsWith("EKS:", table.Find("#ranking-table caption").TextContent, StringComparison.Ordinal);
        var names = table.FindAll("#ranking-table tbody tr button").Select(b => b.TextContent).ToList();
        Assert.NotEmpty(names);
        Assert.All(names, n => Assert.True(Estimator.Catalog.Find(n)!.Architecture == CostCalc.Domain.Catalog.CpuArchitecture.Arm64, n));
    }

    [Fact]
    public void Filter_RoundTripsThroughTheAddress_AndDropsWhatItCannotUse()
    {
        var filter = new RankingFilter(PathIds.Eks, "m7g", RankingFilter.Arm64, 7, RankingFilter.No);
        var query = filter.Encode().Split('&').Select(p => p.Split('=')).ToDictionary(p => p[0], p => Uri.UnescapeDataString(p[1]), StringComparer.Ordinal);

        Assert.Equal(filter, RankingFilter.Read(query));
        Assert.Equal("rankFamily=m7g", new RankingFilter(Family: "m7g").Encode());
        Assert.Equal("", RankingFilter.None.Encode());
        var bad = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [RankingFilter.FamilyKey] = "<script>", [RankingFilter.ArchitectureKey] = "sparc", [RankingFilter.GenerationKey] = "-1",
            [RankingFilter.BurstableKey] = "maybe",
        };
        Assert.Equal(RankingFilter.None, RankingFilter.Read(bad));
    }
}
