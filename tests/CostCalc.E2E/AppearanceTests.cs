using CostCalc.E2E.Infrastructure;
using CostCalc.E2E.Pages;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CostCalc.E2E;

/// <summary>Theme, layout at phone and desktop sizes (with screenshots to look at), and accessibility.</summary>
[Collection(BrowserTests.Name)]
public sealed class AppearanceTests(AppFixture app, ITestOutputHelper output)
{
    [Fact]
    public async Task Dark_mode_toggle_switches_the_theme()
    {
        await using var session = await app.NewSessionAsync();
        var calculator = new CalculatorPageObject(session.Page);
        await calculator.OpenAsync();
        var light = await BackgroundAsync(session.Page);

        await calculator.DarkModeToggle.ClickAsync();

        await Expect(session.Page.Locator("body")).Not.ToHaveCSSAsync("background-color", light, new() { Timeout = AppFixture.TimeoutMs });
        var dark = await BackgroundAsync(session.Page);
        Assert.True(Luminance(dark) < Luminance(light), $"dark background {dark} is not darker than light {light}");

        await calculator.DarkModeToggle.ClickAsync();
        await Expect(session.Page.Locator("body")).ToHaveCSSAsync("background-color", light, new() { Timeout = AppFixture.TimeoutMs });
        session.AssertNoErrors();
    }

    [Fact]
    public async Task Dark_mode_chosen_by_the_user_is_remembered_after_a_reload()
    {
        await using var session = await app.NewSessionAsync();
        var calculator = new CalculatorPageObject(session.Page);
        await calculator.OpenAsync();
        var light = await BackgroundAsync(session.Page);
        await calculator.DarkModeToggle.ClickAsync();
        await Expect(session.Page.Locator("body")).Not.ToHaveCSSAsync("background-color", light, new() { Timeout = AppFixture.TimeoutMs });

        await session.Page.ReloadAsync();
        await calculator.WaitInteractiveAsync();

        await Expect(session.Page.Locator("body")).Not.ToHaveCSSAsync("background-color", light, new() { Timeout = AppFixture.TimeoutMs });
        session.AssertNoErrors();
    }

    [Fact]
    public async Task The_theme_follows_the_system_setting_until_the_user_picks_one()
    {
        await using var lightSession = await app.NewSessionAsync();
        var lightCalculator = new CalculatorPageObject(lightSession.Page);
        await lightCalculator.OpenAsync();
        var light = await BackgroundAsync(lightSession.Page);

        await using var session = await app.NewSessionAsync(new() { ColorScheme = ColorScheme.Dark });
        var calculator = new CalculatorPageObject(session.Page);
        await calculator.OpenAsync();

        await Expect(session.Page.Locator("body")).Not.ToHaveCSSAsync("background-color", light, new() { Timeout = AppFixture.TimeoutMs });
        Assert.True(Luminance(await BackgroundAsync(session.Page)) < Luminance(light), "a dark system setting did not give the dark theme");
        session.AssertNoErrors();
    }

    [Theory]
    [InlineData(390, 844)]
    [InlineData(1440, 900)]
    public async Task The_verdict_is_on_the_first_screen(int width, int height)
    {
        await using var session = await app.NewSessionAsync(new()
        {
            ViewportSize = new() { Width = width, Height = height },
            IsMobile = width < 600,
            HasTouch = width < 600,
        });
        var calculator = new CalculatorPageObject(session.Page);
        await calculator.OpenAsync();

        var verdict = session.Page.Locator("#verdict-summary");
        await Expect(verdict).ToContainTextAsync("saves", new() { Timeout = AppFixture.TimeoutMs });
        var box = (await verdict.BoundingBoxAsync())!;
        Assert.True(box.Y >= 0 && box.Y + box.Height <= height, $"the verdict spans {box.Y}–{box.Y + box.Height}px on a {width}×{height} screen");
        session.AssertNoErrors();
    }

    [Theory]
    [InlineData("phone", 390, 844)]
    [InlineData("desktop", 1440, 900)]
    public async Task The_calculator_fits_the_screen(string name, int width, int height)
    {
        await using var session = await app.NewSessionAsync(new()
        {
            ViewportSize = new() { Width = width, Height = height },
            IsMobile = width < 600,
            HasTouch = width < 600,
            DeviceScaleFactor = 1,
        });
        var calculator = new CalculatorPageObject(session.Page);
        await calculator.OpenAsync();

        var path = Path.Combine(Artifacts.Folder("screenshots"), $"calculator-{name}-{width}x{height}.png");
        await session.Page.ScreenshotAsync(new() { Path = path, FullPage = true });
        output.WriteLine($"screenshot: {path}");

        var scrollWidth = await session.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= width + 2, $"The page is {scrollWidth}px wide at a {width}px viewport (horizontal scrolling); see {path}");

        // One card per path (five by default), each inside the viewport and its value inside its card.
        var cards = await calculator.PathCards.AllAsync();
        Assert.Equal(5, cards.Count);
        foreach (var card in cards)
        {
            var id = await card.GetAttributeAsync("id");
            var box = (await card.BoundingBoxAsync())!;
            Assert.True(box.X >= 0 && box.X + box.Width <= width + 1, $"{id} spans {box.X}–{box.X + box.Width}px at a {width}px viewport; see {path}");
            var overflow = await card.EvaluateAsync<int>("c => c.scrollWidth - c.clientWidth");
            Assert.True(overflow <= 1, $"{id} overflows by {overflow}px; see {path}");
        }
        session.AssertNoErrors();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_calculator_has_no_serious_accessibility_violations(bool darkMode)
    {
        // The app's Content-Security-Policy rightly refuses inline scripts and styles; the test's own axe-core
        // script and its no-transitions style are inline, so this session alone bypasses the policy.
        await using var session = await app.NewSessionAsync(new() { BypassCSP = true });
        var calculator = new CalculatorPageObject(session.Page);
        await calculator.OpenAsync();
        // Colours mid-transition (MudBlazor animates buttons and labels for ~250 ms) are not the ones to judge.
        await session.Page.AddStyleTagAsync(new() { Content = "*, *::before, *::after { transition: none !important; animation: none !important; }" });
        if (darkMode)
        {
            var light = await BackgroundAsync(session.Page);
            await calculator.DarkModeToggle.ClickAsync();
            await Expect(session.Page.Locator("body")).Not.ToHaveCSSAsync("background-color", light, new() { Timeout = AppFixture.TimeoutMs });
        }

        var violations = await Axe.RunAsync(session.Page);

        foreach (var violation in violations)
        {
            output.WriteLine(violation.ToString());
        }

        var serious = violations.Where(v => v.SeriousOrWorse).ToList();
        Assert.True(serious.Count == 0, $"axe found {serious.Count} serious or critical violations ({(darkMode ? "dark" : "light")} mode):\n" + string.Join("\n", serious));
        session.AssertNoErrors();
    }

    private static Task<string> BackgroundAsync(IPage page) =>
        page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");

    /// <summary>Relative luminance-ish of "rgb(r, g, b)" / "rgba(...)", enough to order two colours.</summary>
    private static double Luminance(string css)
    {
        var parts = css[(css.IndexOf('(', StringComparison.Ordinal) + 1)..css.IndexOf(')', StringComparison.Ordinal)]
            .Split(',', StringSplitOptions.TrimEntries)
            .Select(p => double.Parse(p, System.Globalization.CultureInfo.InvariantCulture))
            .ToArray();
        return (0.2126 * parts[0]) + (0.7152 * parts[1]) + (0.0722 * parts[2]);
    }
}
