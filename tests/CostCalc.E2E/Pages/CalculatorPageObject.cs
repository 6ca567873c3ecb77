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

    public ILocator Ec2Headline => Page.Locator("#headline-ec2 .cc-card-value");

    public ILocator EksHeadline => Page.Locator("#headline-eks .cc-card-value");

    /// <summary>Every headline card value (cost, difference, per 10k, break-even), in order.</summary>
    public ILocator HeadlineValues => Page.Locator("[id^=headline-] .cc-card-value");

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
        await Expect(Ec2Headline).ToHaveAttributeAsync("data-value", StartsWithDigit(), Wait);
    }

    /// <summary>The monthly EC2 and EKS cost as the cards' data-value attributes hold them (invariant decimals).</summary>
    public async Task<(decimal Ec2, decimal Eks)> ReadHeadlineAsync() =>
        (await ReadValueAsync(Ec2Headline), await ReadValueAsync(EksHeadline));

    /// <summary>Waits until both cost cards show something other than <paramref name="before"/>.</summary>
    public async Task WaitForHeadlineChangeAsync((decimal Ec2, decimal Eks) before)
    {
        await Expect(Ec2Headline).Not.ToHaveAttributeAsync("data-value", Text(before.Ec2), new() { Timeout = AppFixture.TimeoutMs });
        await Expect(EksHeadline).Not.ToHaveAttributeAsync("data-value", Text(before.Eks), new() { Timeout = AppFixture.TimeoutMs });
    }

    public async Task ExpectHeadlineAsync((decimal Ec2, decimal Eks) expected)
    {
        await Expect(Ec2Headline).ToHaveAttributeAsync("data-value", Text(expected.Ec2), Wait);
        await Expect(EksHeadline).ToHaveAttributeAsync("data-value", Text(expected.Eks), Wait);
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
