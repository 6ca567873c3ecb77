using CostCalc.E2E.Infrastructure;
using Microsoft.Playwright;

namespace CostCalc.E2E.Pages;

/// <summary>
/// The "Model &amp; sources" page (/model): docs/model.md with one id per numbered section ("s4-3" for §4.3),
/// which the calculator's source links open.
/// </summary>
public sealed class ModelPageObject(IPage page)
{
    public IPage Page { get; } = page;

    /// <summary>The page is static server-side rendering (no circuit): this marker says so once it is loaded.</summary>
    public ILocator Rendered => Page.Locator("#interactive[data-interactive=no]");

    public ILocator Document => Page.Locator("#model-document");

    /// <summary>The heading of a section, by its id ("s4-3").</summary>
    public ILocator Section(string anchor) => Document.Locator($"#{anchor}");

    /// <summary>Opens /model, at a section when <paramref name="anchor"/> is given, and waits for the page.</summary>
    public async Task OpenAsync(string? anchor = null)
    {
        await Page.GotoAsync(anchor is null ? "/model" : "/model#" + anchor);
        await Rendered.WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = AppFixture.TimeoutMs });
    }
}
