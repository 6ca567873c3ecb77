using Microsoft.Playwright;

namespace CostCalc.E2E.Infrastructure;

/// <summary>
/// Debian's chromium (apt package "chromium", installed by .ci/run) driven by Playwright: no browser
/// download. COSTCALC_CHROMIUM overrides the path.
/// </summary>
public static class Chromium
{
    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable("COSTCALC_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    /// <summary>Flags verified with Debian's Chromium: no sandbox (containers), no GPU, nothing phoning home.</summary>
    public static readonly string[] Args =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic",
    ];

    public static async Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        ArgumentNullException.ThrowIfNull(playwright);
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException(
                $"Chromium is not at {ExecutablePath}. Install it with `apt-get install -y chromium` (as .ci/run does) or set COSTCALC_CHROMIUM.");
        }

        return await playwright.Chromium.LaunchAsync(new() { ExecutablePath = ExecutablePath, Headless = true, Args = Args });
    }
}
