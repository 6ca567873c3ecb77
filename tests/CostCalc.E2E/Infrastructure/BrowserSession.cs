using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace CostCalc.E2E.Infrastructure;

/// <summary>
/// A browser context with its first page, recording every console error and uncaught page error of
/// every page opened in it, so a test can assert that the UI ran cleanly.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _errors = new();

    private BrowserSession(IBrowserContext context) => Context = context;

    public IBrowserContext Context { get; }

    public IPage Page { get; private set; } = null!;

    /// <summary>Console messages of type "error" and uncaught exceptions, in order.</summary>
    public IReadOnlyCollection<string> Errors => _errors;

    public static async Task<BrowserSession> OpenAsync(IBrowserContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var session = new BrowserSession(context);
        context.Page += (_, page) => session.Watch(page);
        session.Page = await context.NewPageAsync();
        return session;
    }

    /// <summary>Another page in the same context (same permissions), also watched for errors.</summary>
    public Task<IPage> NewPageAsync() => Context.NewPageAsync();

    public void AssertNoErrors() =>
        Assert.True(_errors.IsEmpty, "The browser reported errors:\n" + string.Join("\n", _errors));

    public async ValueTask DisposeAsync() => await Context.CloseAsync();

    private void Watch(IPage page)
    {
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                _errors.Enqueue($"console error on {page.Url}: {message.Text}");
            }
        };
        page.PageError += (_, error) => _errors.Enqueue($"page error on {page.Url}: {error}");
    }
}
