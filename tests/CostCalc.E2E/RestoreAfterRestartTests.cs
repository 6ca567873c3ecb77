using CostCalc.E2E.Infrastructure;
using CostCalc.E2E.Pages;
using CostCalc.Web.Tests.Processes;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CostCalc.E2E;

/// <summary>
/// Issue 14: the calculator restores after the server restarts. The app runs as its own process on a fixed port with
/// a report database (and so Data Protection keys) in a folder that outlives it; the test changes inputs, stops the
/// process as an orchestrator would (SIGTERM), starts a new one on the same port and database, and expects the same
/// page back: the valid change, the invalid text still typed with its error, the tab it had — in the same document,
/// resumed through .NET 10's circuit state persistence, not reloaded.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class RestoreAfterRestartTests(AppFixture app) : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "costcalc-restart-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }

    private Dictionary<string, string> Settings => new()
    {
        ["Reports__Provider"] = "Sqlite",
        ["Reports__SqlitePath"] = Path.Combine(_data, "reports.db"),
        ["Pricing__SnapshotDirectory"] = Path.Combine(_data, "snapshots"),
        ["Logging__LogLevel__CostCalc"] = "Information",
    };

    [Fact]
    public async Task After_a_restart_the_calculator_comes_back_with_the_values_typed_and_the_tab_open()
    {
        var port = AppProcess.FreePort();
        await using var first = await AppProcess.StartAsync(Settings, port, repositoryContentRoot: true);
        await using var context = await app.Browser.NewContextAsync(new() { BaseURL = $"http://127.0.0.1:{port}/" });
        context.SetDefaultTimeout(AppFixture.TimeoutMs);
        var calculator = new CalculatorPageObject(await context.NewPageAsync());
        await calculator.OpenAsync();

        await calculator.Input("peakConnections").FillAsync("123456");
        await calculator.Input("peakConnections").PressAsync("Tab");
        await calculator.ExpectUrlParameterAsync("peakConnections", "123456");
        await calculator.Input("memoryPerConnectionKiB").FillAsync("1,5");
        await Expect(FieldError("memoryPerConnectionKiB")).ToContainTextAsync("Use a point for decimals", new() { Timeout = AppFixture.TimeoutMs });
        await calculator.Tab("Cost lines").ClickAsync();
        await Expect(calculator.Tab("Cost lines")).ToHaveAttributeAsync("aria-selected", "true", new() { Timeout = AppFixture.TimeoutMs });
        await calculator.Page.EvaluateAsync("() => { window.costcalcTestDocument = 'before the restart'; }");

        Assert.Equal(0, await first.StopAsync());
        Assert.Contains("1 of 1 connected circuits paused", first.Output, StringComparison.Ordinal);
        await using var second = await AppProcess.StartAsync(Settings, port, repositoryContentRoot: true);

        // The page resumes on its own once the new process answers; until then nothing it shows proves anything (the old
        // document is still on screen), so first wait until a change re-prices again: the circuit is live on the new process.
        await ChangeUntilRepricedAsync(calculator, TimeSpan.FromSeconds(90));

        // Then: the same document (a reload would have cleared the marker), re-rendered by the new circuit with what the
        // address does not carry.
        Assert.Equal("before the restart", await calculator.Page.EvaluateAsync<string?>("() => window.costcalcTestDocument ?? null"));
        await Expect(calculator.Input("memoryPerConnectionKiB")).ToHaveValueAsync("1,5", new() { Timeout = AppFixture.TimeoutMs });
        await Expect(FieldError("memoryPerConnectionKiB")).ToContainTextAsync("Use a point for decimals", new() { Timeout = AppFixture.TimeoutMs });
        await Expect(calculator.Tab("Cost lines")).ToHaveAttributeAsync("aria-selected", "true", new() { Timeout = AppFixture.TimeoutMs });
        ILocator FieldError(string field) => calculator.Page.Locator($"#in-{field}-meta.cc-field-error");
    }

    /// <summary>Sets peak connections to a new value every few seconds until EC2's headline follows (the circuit answers).</summary>
    private static async Task ChangeUntilRepricedAsync(CalculatorPageObject calculator, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        for (var value = 200_000; DateTime.UtcNow < deadline; value += 50_000)
        {
            var before = await calculator.Headline("ec2").GetAttributeAsync("data-value");
            await calculator.Input("peakConnections").FillAsync(value.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await calculator.Input("peakConnections").PressAsync("Tab");
            try
            {
                await Expect(calculator.Headline("ec2")).Not.ToHaveAttributeAsync("data-value", before ?? "", new() { Timeout = 3_000 });
                await calculator.ExpectUrlParameterAsync("peakConnections", value.ToString(System.Globalization.CultureInfo.InvariantCulture));
                return;
            }
            catch (PlaywrightException)
            {
                // not resumed yet
            }
        }

        throw new TimeoutException($"The calculator did not re-price within {within} of the restart.");
    }
}
