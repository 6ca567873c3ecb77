using CostCalc.Domain.Scenarios;
using CostCalc.Web.Exports;
using CostCalc.Web.Tests.TestSupport;

namespace CostCalc.Web.Tests.Exports;

public sealed class EstimateMarkdownTests : MudBunitContext
{
    private static readonly DateOnly Today = new(2026, 11, 25);

    private static string Write(Scenario scenario) =>
        EstimateMarkdown.Write(Estimator.Estimate(scenario, Today), "http://127.0.0.1:5000/?v=1", "http://127.0.0.1:5000/model");

    [Fact]
    public void Defaults_LeadWithTheVerdictThenOneColumnPerPath()
    {
        var estimate = Estimator.Estimate(Scenario.Default, Today);

        var lines = Write(Scenario.Default).Split('\n');

        Assert.Equal("# CostCalc estimate: EC2, EKS, EKS on Fargate, ECS on EC2, ECS on Fargate", lines[0]);
        Assert.Equal($"**{EstimateMarkdown.Escape(estimate.Verdict.Summary)}**", lines[2]);
        Assert.Contains("| | EC2 | EKS | EKS on Fargate | ECS on EC2 | ECS on Fargate |", lines);
        // The default totals, worked by hand in the domain tests: EC2 $2,621.89, EKS $2,694.89, EKS on Fargate $2,634.47,
        // ECS on EC2 $2,624.59 and ECS on Fargate $2,525.00 a month.
        Assert.Contains("| Per month (month 1) | $2,622 | $2,695 | $2,634 | $2,625 | $2,525 |", lines);
        Assert.Contains("| **Total** | **$2,621.89** | |", lines);
    }

    [Fact]
    public void Defaults_ListEveryCostLineOfEveryPath()
    {
        var estimate = Estimator.Estimate(Scenario.Default, Today);

        var text = Write(Scenario.Default);

        Assert.All(estimate.Paths.SelectMany(p => p.CostLines),
            line => Assert.Contains($"| {EstimateMarkdown.Escape(line.Name)} | ", text, StringComparison.Ordinal));
        Assert.Contains("Every input is at its default.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ChangedInputs_AreListedWithTheirDefaults_AndTheLinksClose()
    {
        var text = Write(Scenario.Default with { PeakConnections = 500_000 });

        Assert.Contains("| Peak concurrent connections | 500,000 connections | 100,000 connections |", text, StringComparison.Ordinal);
        Assert.EndsWith("[Open this scenario in CostCalc](http://127.0.0.1:5000/?v=1) · [Model and sources](http://127.0.0.1:5000/model)\n", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a|b", @"a\|b")]
    [InlineData("*bold* _it_", @"\*bold\* \_it\_")]
    [InlineData("<script>", @"\<script\>")]
    [InlineData("line\nbreak", "line break")]
    [InlineData("$2,621.89 × 730 h", "$2,621.89 × 730 h")]
    public void Escape_KeepsMarkupCharactersLiteral(string text, string expected) =>
        Assert.Equal(expected, EstimateMarkdown.Escape(text));
}
