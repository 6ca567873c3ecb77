using System.Globalization;
using System.Text.RegularExpressions;
using CostCalc.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CostCalc.E2E.Pages;

/// <summary>
/// The calculator page (/) as a test sees it: ids the components render (see
/// src/CostCalc.Web/Components/Calculator) and roles, never layout classes.
/// </summary>
public sealed partial class CalculatorPageObject(IPage page)
{
    private static readonly LocatorAssertionsToHaveAttributeOptions Wait = new() { Timeout = AppFixture.TimeoutMs };

    public IPage Page { get; } = page;

    /// <summary>Present once the SignalR circuit is up; clicks before that are silently lost.</summary>
    public ILocator Interactive => Page.Locator("#interactive[data-interactive=yes]");

    public ILocator Ec2Headline => Headline("ec2");

    public ILocator EksHeadline => Headline("eks");

    public ILocator FargateHeadline => Headline("eks-fargate");

    /// <summary>The value of one path's card (ids "ec2", "eks", "eks-fargate"); data-value holds the monthly USD.</summary>
    public ILocator Headline(string path) => Page.Locator($"#headline-{path} .cc-card-value");

    /// <summary>One card per shown path, in display order.</summary>
    public ILocator PathCards => Page.Locator("[id^=headline-]");

    /// <summary>Every headline card value (one per shown path), in order.</summary>
    public ILocator HeadlineValues => Page.Locator("[id^=headline-] .cc-card-value");

    public ILocator VerdictSummary => Page.Locator("#verdict-summary");

    /// <summary>The "Paths compared" box of one path, found by its label as a user finds it.</summary>
    public ILocator PathBox(string name) => Page.Locator("#paths-input").GetByRole(AriaRole.Checkbox, new() { Name = name, Exact = true });

    public ILocator PathsProblem => Page.Locator("#paths-problem");

    public ILocator CopyLink => Page.Locator("#copy-link");

    public ILocator ExportJson => Page.Locator("#export-json");

    public ILocator LinkError => Page.Locator("#link-error");

    public ILocator InvalidInputs => Page.Locator("#invalid-inputs");

    public ILocator RankingTable => Page.Locator("#ranking-table");

    public ILocator DarkModeToggle => Page.Locator("#dark-mode-toggle");

    public ILocator Ec2InstanceTypeInput => Page.GetByRole(AriaRole.Combobox, new() { Name = "Instance type", Exact = true });

    public ILocator Input(string field) => Page.Locator($"#in-{field}");

    public ILocator Tab(string name) => Page.GetByRole(AriaRole.Tab, new() { Name = name, Exact = true });

    /// <summary>Opens the calculator (optionally with a query such as "v=1&amp;peakConnections=5") and waits for interactivity.</summary>
    public async Task OpenAsync(string query = "")
    {
        await Page.GotoAsync(query.Length == 0 ? "/" : "/?" + query);
        await WaitInteractiveAsync();
    }

    public async Task WaitInteractiveAsync()
    {
        await Interactive.WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = AppFixture.TimeoutMs });
        await Expect(HeadlineValues.First).ToHaveAttributeAsync("data-value", StartsWithDigit(), Wait);
    }

    /// <summary>The monthly cost of every shown path, by path id, as the cards' data-value attributes hold them (invariant decimals).</summary>
    public async Task<HeadlineCosts> ReadHeadlineAsync()
    {
        var costs = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var card in await PathCards.AllAsync())
        {
            var id = (await card.GetAttributeAsync("id"))!["headline-".Length..];
            costs[id] = await ReadValueAsync(Headline(id));
        }

        return new HeadlineCosts(costs);
    }

    /// <summary>Waits until every cost card of <paramref name="before"/> shows something else.</summary>
    public async Task WaitForHeadlineChangeAsync(HeadlineCosts before)
    {
        foreach (var (path, usd) in before.Costs)
        {
            await Expect(Headline(path)).Not.ToHaveAttributeAsync("data-value", Text(usd), new() { Timeout = AppFixture.TimeoutMs });
        }
    }

    /// <summary>Waits until exactly the paths of <paramref name="expected"/> show, each with its cost.</summary>
    public async Task ExpectHeadlineAsync(HeadlineCosts expected)
    {
        await Expect(PathCards).ToHaveCountAsync(expected.Costs.Count, new() { Timeout = AppFixture.TimeoutMs });
        foreach (var (path, usd) in expected.Costs)
        {
            await Expect(Headline(path)).ToHaveAttributeAsync("data-value", Text(usd), Wait);
        }
    }

    /// <summary>The message a numeric input is described by (aria-describedby): its error or helper text.</summary>
    public async Task<ILocator> DescriptionOfAsync(string field)
    {
        await Expect(Input(field)).ToHaveAttributeAsync("aria-describedby", NonBlank(), Wait);
        var id = await Input(field).GetAttributeAsync("aria-describedby");
        return Page.Locator($"[id='{id}']");
    }

    /// <summary>Types into a numeric input the way a user does (the field debounces for 150 ms).</summary>
    public Task FillAsync(string field, string value) => Input(field).FillAsync(value);

    public Task ExpectUrlParameterAsync(string name, string value) =>
        Expect(Page).ToHaveURLAsync(new Regex($"[?&]{Regex.Escape(name)}={Regex.Escape(Uri.EscapeDataString(value))}(&|$)"),
            new() { Timeout = AppFixture.TimeoutMs });

    private static async Task<decimal> ReadValueAsync(ILocator card)
    {
        var text = await card.GetAttributeAsync("data-value") ?? throw new InvalidOperationException("A headline card has no data-value.");
        return decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);
    }

    private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^\d")]
    private static partial Regex StartsWithDigit();

    [GeneratedRegex(@"\S")]
    private static partial Regex NonBlank();
}

/// <summary>The monthly USD of every shown path's card, by path id, in display order.</summary>
public sealed record HeadlineCosts(IReadOnlyDictionary<string, decimal> Costs)
{
    public decimal Ec2 => Costs["ec2"];

    public decimal Eks => Costs["eks"];

    public decimal Fargate => Costs["eks-fargate"];
}
