using System.Text.RegularExpressions;
using CostCalc.E2E.Infrastructure;
using CostCalc.E2E.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CostCalc.E2E;

/// <summary>The calculator in a real browser against the real server: inputs to headline numbers, validation, ranking.</summary>
[Collection(BrowserTests.Name)]
public sealed partial class CalculatorTests(AppFixture app)
{
    [Fact]
    public async Task Home_page_shows_a_headline_cost_for_every_path_without_browser_errors()
    {
        await using var session = await app.NewSessionAsync();
        var calculator = new CalculatorPageObject(session.Page);

        await calculator.OpenAsync();

        var costs = await calculator.ReadHeadlineAsync();
        Assert.Equal(["ec2", "eks", "eks-fargate", "ecs-ec2", "ecs-fargate"], costs.Costs.Keys);
        foreach (var (path, usd) in costs.Costs)
        {
            Assert.True(usd > 0, $"{path} monthly cost {usd}");
            await Expect(calculator.Headline(path)).ToHaveTextAsync(Money(), new() { Timeout = AppFixture.TimeoutMs });
        }

        await Expect(calculator.VerdictSummary).ToContainTextAsync("over 36 months", new() { Timeout = AppFixture.TimeoutMs });
        session.AssertNoErrors();
    }

    [Fact]
    public async Task Unticking_a_path_removes_its_card_and_the_link_keeps_it_hidden()
    {
        await using var session = await app.NewSessionAsync();
        var calculator = new CalculatorPageObject(session.Page);
        // The three paths EC2, EKS and EKS on Fargate (the ECS paths hidden by the link), then EKS on Fargate unticked.
        await calculator.OpenAsync("v=1&hiddenPaths=ecs-ec2,ecs-fargate");
        await Expect(calculator.PathCards).ToHaveCountAsync(3, new() { Timeout = AppFixture.TimeoutMs });
        var before = await calculator.ReadHeadlineAsync();

        await calculator.PathBox("EKS on Fargate").ClickAsync();

        await Expect(calculator.PathCards).ToHaveCountAsync(2, new() { Timeout = AppFixture.TimeoutMs });
        await Expect(session.Page.Locator("#headline-eks-fargate")).ToHaveCountAsync(0);
        await calculator.ExpectUrlParameterAsync("hiddenPaths", "ecs-ec2,ecs-fargate,eks-fargate");
        await Expect(calculator.PathBox("EKS on Fargate")).Not.ToBeCheckedAsync(new() { Timeout = AppFixture.TimeoutMs });
        await Expect(calculator.VerdictSummary).ToContainTextAsync("EKS is never cheaper", new() { Timeout = AppFixture.TimeoutMs });

        var other = new CalculatorPageObject(await session.NewPageAsync());
        await other.Page.GotoAsync(session.Page.Url);
        await other.WaitInteractiveAsync();
        await other.ExpectHeadlineAsync(new HeadlineCosts(new Dictionary<string, decimal> { ["ec2"] = before.Ec2, ["eks"] = before.Eks }));
        await Expect(other.PathBox("EKS on Fargate")).Not.ToBeCheckedAsync(new() { Timeout = AppFixture.TimeoutMs });
        session.AssertNoErrors();
    }

    [Fact]
    public async Task Unticking_the_last_shown_path_is_refused_with_a_message()
    {
        await using var session = await app.NewSessionAsync();
        var calculator = new CalculatorPageObject(session.Page);
        await calculator.OpenAsync("v=1&hiddenPaths=eks,eks-fargate,ecs-ec2,ecs-fargate");
        await Expect(calculator.PathCards).ToHaveCountAsync(1, new() { Timeout = AppFixture.TimeoutMs });

        await calculator.PathBox("EC2").ClickAsync();

        await Expect(calculator.PathsProblem).ToContainTextAsync("At least one path must stay shown", new() { Timeout = AppFixture.TimeoutMs });
        await Expect(calculator.PathBox("EC2")).ToBeCheckedAsync(new() { Timeout = AppFixture.TimeoutMs });
        await Expect(calculator.PathCards).ToHaveCountAsync(1);
        await Expect(calculator.Ec2Headline).ToBeVisibleAsync();
        session.AssertNoErrors();
    }

    [Fact]
    public async Task Changing_peak_connections_updates_every_cost_and_the_address()
    {
        await using var session = await app.NewSessionAsync();
        var calculator = new CalculatorPageObject(session.Page);
        await calculator.OpenAsync();
        var before = await calculator.ReadHeadlineAsync();

        await calculator.FillAsync("peakConnections", "1000000");

        await calculator.WaitForHeadlineChangeAsync(before);
        await calculator.ExpectUrlParameterAsync("peakConnections", "1000000");
        var after = await calculator.ReadHeadlineAsync();
        Assert.True(after.Ec2 > before.Ec2, $"EC2 {before.Ec2} -> {after.Ec2} for 10x the connections");
        Assert.True(after.Eks > before.Eks, $"EKS {before.Eks} -> {after.Eks} for 10x the connections");
        Assert.True(after.Fargate > before.Fargate, $"EKS on Fargate {before.Fargate} -> {after.Fargate} for 10x the connections");
        session.AssertNoErrors();
    }

    [Fact]
    public async Task An_invalid_value_shows_why_and_keeps_the_last_valid_estimate()
    {
        await using var session = await app.NewSessionAsync();
        var calculator = new CalculatorPageObject(session.Page);
        await calculator.OpenAsync();
        var defaults = await calculator.ReadHeadlineAsync();
        await calculator.FillAsync("peakConnections", "250000");
        await calculator.ExpectUrlParameterAsync("peakConnections", "250000");
        await calculator.WaitForHeadlineChangeAsync(defaults);
        var valid = await calculator.ReadHeadlineAsync();

        await calculator.FillAsync("peakConnections", "-5");

        await Expect(calculator.InvalidInputs).ToBeVisibleAsync(new() { Timeout = AppFixture.TimeoutMs });
        await Expect(calculator.InvalidInputs).ToContainTextAsync("Peak concurrent connections", new() { Timeout = AppFixture.TimeoutMs });
        await Expect(calculator.Input("peakConnections")).ToHaveAttributeAsync("aria-invalid", "true", new() { Timeout = AppFixture.TimeoutMs });
        await Expect(await calculator.DescriptionOfAsync("peakConnections"))
            .ToHaveTextAsync("Peak concurrent connections must be a whole number between 1 and 100,000,000 connections.", new() { Timeout = AppFixture.TimeoutMs });
        await calculator.ExpectHeadlineAsync(valid);
        await calculator.ExpectUrlParameterAsync("peakConnections", "250000");
        Assert.DoesNotContain("NaN", await session.Page.Locator("body").InnerTextAsync(), StringComparison.Ordinal);
        session.AssertNoErrors();
    }

    [Fact]
    public async Task Picking_a_ranked_instance_type_with_the_keyboard_sets_it_as_the_EC2_instance_type()
    {
        await using var session = await app.NewSessionAsync();
        var calculator = new CalculatorPageObject(session.Page);
        await calculator.OpenAsync();
        var before = await calculator.ReadHeadlineAsync();
        var current = await calculator.Ec2InstanceTypeInput.InputValueAsync();

        await calculator.Tab("Instance ranking").ClickAsync();
        var rows = calculator.RankingTable.Locator("tbody tr");
        await Expect(rows.First).ToBeVisibleAsync(new() { Timeout = AppFixture.TimeoutMs });
        // The cheapest listed type whose monthly cost differs from the current one, so the headline must move.
        // Each instance type is a real button, so it is reachable and usable with the keyboard.
        var pick = rows.Filter(new() { HasNot = session.Page.GetByRole(AriaRole.Button, new() { Name = current, Exact = true }) })
            .Filter(new() { HasNotText = Display(before.Ec2) })
            .First.GetByRole(AriaRole.Button);
        var picked = (await pick.InnerTextAsync()).Trim();

        await pick.FocusAsync();
        await session.Page.Keyboard.PressAsync("Enter");

        await calculator.ExpectUrlParameterAsync("ec2InstanceType", picked);
        await Expect(calculator.Ec2InstanceTypeInput).ToHaveValueAsync(picked, new() { Timeout = AppFixture.TimeoutMs });
        await Expect(calculator.Ec2Headline).Not.ToHaveAttributeAsync("data-value", before.Ec2.ToString(System.Globalization.CultureInfo.InvariantCulture),
            new() { Timeout = AppFixture.TimeoutMs });
        await Expect(calculator.Tab("Results")).ToHaveAttributeAsync("aria-selected", "true", new() { Timeout = AppFixture.TimeoutMs });
        session.AssertNoErrors();
    }

    private static string Display(decimal usd) => "$" + usd.ToString("#,0", System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^\$[0-9][0-9,]*$")]
    private static partial Regex Money();
}
