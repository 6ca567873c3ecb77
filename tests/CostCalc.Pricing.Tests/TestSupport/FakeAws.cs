using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CostCalc.Pricing.Tests.TestSupport;

/// <summary>A request the fake AWS server received.</summary>
public sealed record RecordedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body);

/// <summary>What the server does instead of answering normally, once per request, in order.</summary>
public abstract record Fault
{
    public sealed record Status(int Code, string Body = "", string? ErrorType = null) : Fault;

    /// <summary>Waits before sending headers.</summary>
    public sealed record Delay(TimeSpan Time) : Fault;

    /// <summary>Announces the full length, sends half, and drops the connection.</summary>
    public sealed record Truncate : Fault;
}

/// <summary>
/// Kestrel on 127.0.0.1 (a free port) standing in for AWS: static files by path, plus handlers
/// for POST endpoints. Faults queued for a path are served first, one per request.
/// </summary>
public sealed class FakeAws : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Func<byte[]>> _files = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Func<HttpContext, string, Task>> _posts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Fault>> _faults = new(StringComparer.Ordinal);

    private FakeAws(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public static async Task<FakeAws> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var fake = new FakeAws(builder.Build());
        fake._app.Run(fake.HandleAsync);
        await fake._app.StartAsync();
        var address = fake._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.BaseUrl = new Uri(address);
        return fake;
    }

    public void File(string path, string text) => _files[path] = () => System.Text.Encoding.UTF8.GetBytes(text);

    public void File(string path, byte[] bytes) => _files[path] = () => bytes;

    public void Post(string path, Func<HttpContext, string, Task> handler) => _posts[path] = handler;

    /// <summary>Queues faults for a path; each is used by one request.</summary>
    public void Fail(string path, params Fault[] faults)
    {
        var queue = _faults.GetOrAdd(path, _ => new ConcurrentQueue<Fault>());
        foreach (var fault in faults)
        {
            queue.Enqueue(fault);
        }
    }

    public int Count(string path) => Requests.Count(r => r.Path == path);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        var body = await new StreamReader(context.Request.Body).ReadToEndAsync(context.RequestAborted);
        Requests.Enqueue(new RecordedRequest(
            context.Request.Method, path,
            context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString(), StringComparer.Ordinal), body));
        if (_faults.TryGetValue(path, out var queue) && queue.TryDequeue(out var fault))
        {
            switch (fault)
            {
                case Fault.Status status:
                    context.Response.StatusCode = status.Code;
                    if (status.ErrorType is { } type)
                    {
                        context.Response.Headers["x-amzn-ErrorType"] = type;
                    }

                    await context.Response.WriteAsync(status.Body, context.RequestAborted);
                    return;
                case Fault.Delay delay:
                    await Task.Delay(delay.Time, context.RequestAborted);
                    break;
                case Fault.Truncate when _files.TryGetValue(path, out var content):
                    var bytes = content();
                    context.Response.ContentLength = bytes.Length;
                    await context.Response.Body.WriteAsync(bytes.AsMemory(0, bytes.Length / 2), context.RequestAborted);
                    await context.Response.Body.FlushAsync(context.RequestAborted);
                    context.Abort();
                    return;
            }
        }

        if (HttpMethods.IsPost(context.Request.Method) && _posts.TryGetValue(path, out var handler))
        {
            await handler(context, body);
        }
        else if (HttpMethods.IsGet(context.Request.Method) && _files.TryGetValue(path, out var file))
        {
            var bytes = file();
            context.Response.ContentLength = bytes.Length;
            await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
        }
        else
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
        }
    }
}
