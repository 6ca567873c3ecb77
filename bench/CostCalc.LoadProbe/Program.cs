namespace CostCalc.LoadProbe;

/// <summary>
/// Two processes, so the server's managed heap holds nothing of Playwright's: the driver (default)
/// starts this program again with "serve", which hosts the app and a small /_probe API.
/// (Not top-level statements: their generated Program class would hide the web app's.)
/// </summary>
internal static class LoadProbe
{
    public static async Task<int> Main(string[] args) =>
        args switch
        {
            ["serve", ..] => await ProbeServer.RunAsync(),
            ["rss", ..] => await RssProbe.RunAsync(args),
            ["load", ..] => await LoadTest.RunAsync(args),
            _ => await Driver.RunAsync(DriverOptions.Parse(args)),
        };
}
