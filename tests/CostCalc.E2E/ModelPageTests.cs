using System.Text.RegularExpressions;
using CostCalc.E2E.Infrastructure;
using CostCalc.E2E.Pages;
using static Microsoft.Playwright.Assertions;

namespace CostCalc.E2E;

/// <summary>The "Model &amp; sources" page that the calculator's source links open, one anchor per section.</summary>
[Collection(BrowserTests.Name)]
public sealed partial class ModelPageTests(AppFixture app)
{
    [Fact]
    public async Task A_section_anchor_opens_the_model_page_at_that_heading()
    {
        await using var session = await app.NewSessionAsync();
        var model = new ModelPageObject(session.Page);

        await model.OpenAsync("s4-3");

        var heading = model.Section("s4-3");
        await Expect(heading).ToBeVisibleAsync(new() { Timeout = AppFixture.TimeoutMs });
        await Expect(heading).ToHaveTextAsync(SchedulersHeading(), new() { Timeout = AppFixture.TimeoutMs });
        // Scrolled to (a static page: nothing re-renders it).
        await Expect(heading).ToBeInViewportAsync(new() { Timeout = AppFixture.TimeoutMs });
        await Expect(session.Page).ToHaveTitleAsync("Model & sources — CostCalc", new() { Timeout = AppFixture.TimeoutMs });
        session.AssertNoErrors();
    }

    [GeneratedRegex(@"^4\.3 Schedulers and CPU quota")]
    private static partial Regex SchedulersHeading();
}
