using System.Globalization;
using CostCalc.Domain.Scenarios;
using CostCalc.E2E.Infrastructure;
using Microsoft.Playwright;

namespace CostCalc.LoadProbe;

/// <summary>
/// <c>rss --url URL --pid PID --circuits N --ready calculator|counter --label TEXT [--unique yes]</c>: the resident set
/// (VmRSS) of an already running server process, read from /proc, before and after Chromium opens N idle pages at URL,
/// each waited for until its circuit answers. With <c>--unique yes</c> each calculator page asks for a what-if of its own
/// (its own peak connections), so no two circuits can share their results. Used by bench/measure-rss.sh for the app and the Blazor template side by side.
/// Prints one line "RSS-PER-CIRCUIT label bytes" for the script to read.
/// </summary>
internal static class RssProbe
{
    private const float Timeout = 60_000;

    public static async Task<int> RunAsync(string[] args)
    {
        string? url = null, label = null, ready = null;
        int pid = 0, circuits = 40;
        var unique = false;
        for (var i = 1; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--url": url = args[i + 1]; break;
                case "--pid": pid = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--circuits": circuits = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--ready": ready = args[i + 1]; break;
                case "--label": label = args[i + 1]; break;
                case "--unique": unique = args[i + 1] == "yes"; break;
                default: throw new ArgumentException($"Unknown argument '{args[i]}'.");
            }
        }

        if (url is null || pid <= 0 || ready is not ("calculator" or "counter"))
        {
            Console.Error.WriteLine("Usage: CostCalc.LoadProbe rss --url URL --pid PID [--circuits N] --ready calculator|counter [--label TEXT]");
            return 2;
        }

        label ??= url;
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        await using var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1440, Height = 900 } });

        // Warm-up pages (JIT, caches, pools) stay open and are not counted.
        for (var i = 0; i < 3; i++)
        {
            await OpenAsync(await context.NewPageAsync(), url, ready);
        }

        await Task.Delay(3000);
        var before = ProcStatus.Rss(pid);
        for (var i = 0; i < circuits; i++)
        {
            // 101,000, 102,000, …: a what-if no other page asks for (the warm-up pages show the default 100,000).
            // A link names its version (v=1), or the page shows the defaults and a notice.
            var pageUrl = unique ? $"{url}?{ScenarioUrl.VersionKey}={ScenarioUrl.Version}&peakConnections={100_000 + ((i + 1) * 1_000)}" : url;
            await OpenAsync(await context.NewPageAsync(), pageUrl, ready);
        }

        await Task.Delay(5000);                                  // idle: prerender garbage collected, buffers settled
        var after = ProcStatus.Rss(pid);
        var perCircuit = (after - before) / (double)circuits;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label}: RSS {before / 1048576.0:0.0} MiB with 3 warm-up circuits → {after / 1048576.0:0.0} MiB with {circuits} more: {perCircuit / 1048576.0:0.00} MiB per idle circuit"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"RSS-PER-CIRCUIT {label} {perCircuit:0}"));
        return 0;
    }

    /// <summary>Opens the page and waits until its circuit has answered: the calculator's interactive marker, or the counter counting a click.</summary>
    private static async Task OpenAsync(IPage page, string url, string ready)
    {
        await page.GotoAsync(url, new() { Timeout = Timeout });
        if (ready == "calculator")
        {
            await page.Locator("#interactive[data-interactive=yes]").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = Timeout });
            return;
        }

        // The template's counter: a click counts only once the circuit is up, so click until it does.
        var deadline = DateTime.UtcNow.AddMilliseconds(Timeout);
        while (DateTime.UtcNow < deadline)
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Click me" }).ClickAsync(new() { Timeout = Timeout });
            if (await page.GetByText("Current count: 0").CountAsync() == 0)
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The counter at {url} never counted a click.");
    }
}
