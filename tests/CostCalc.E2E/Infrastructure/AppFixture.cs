using Microsoft.Playwright;

namespace CostCalc.E2E.Infrastructure;

/// <summary>
/// One app server and one browser for the whole E2E collection (starting them takes ~2 s); every
/// test gets its own browser context (cookies, storage, permissions) through <see cref="NewSessionAsync"/>.
/// </summary>
public sealed class AppFixture : IAsyncLifetime, IAsyncDisposable
{
    /// <summary>Timeout for Playwright actions and expectations: generous, because the build machines are shared 2-core boxes.</summary>
    public const float TimeoutMs = 15_000;

    private CostCalcServer? _server;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public Uri BaseAddress => _server?.BaseAddress ?? throw new InvalidOperationException("The fixture is not initialised.");

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The fixture is not initialised.");

    public IAPIRequestContext Api { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _server = new CostCalcServer();
        _server.Start();
        _playwright = await Playwright.CreateAsync();
        _browser = await Chromium.LaunchAsync(_playwright);
        Api = await _playwright.APIRequest.NewContextAsync(new() { BaseURL = BaseAddress.ToString() });
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    public async ValueTask DisposeAsync()
    {
        if (Api is not null)
        {
            await Api.DisposeAsync();
        }

        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    /// <summary>A fresh browser context and page on the app, collecting console errors and page errors.</summary>
    public async Task<BrowserSession> NewSessionAsync(BrowserNewContextOptions? options = null)
    {
        options ??= new BrowserNewContextOptions();
        options.BaseURL = BaseAddress.ToString();
        options.AcceptDownloads = true;
        var context = await Browser.NewContextAsync(options);
        context.SetDefaultTimeout(TimeoutMs);
        return await BrowserSession.OpenAsync(context);
    }
}

/// <summary>Every browser test shares one server and one browser, and runs one at a time (2-core build machines).</summary>
[CollectionDefinition(Name)]
public sealed class BrowserTests : ICollectionFixture<AppFixture>
{
    public const string Name = "Browser";
}
