using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace CostCalc.LoadProbe;

/// <summary>
/// One calculator user without a browser: the Blazor Server protocol as blazor.web.js (.NET 10) speaks it, minus the DOM.
/// <see cref="OpenAsync"/> GETs the prerendered page, reads its <c>&lt;!--Blazor:{…}--&gt;</c> component markers and persisted
/// state, opens /_blazor (negotiate, WebSocket, blazorpack), calls <c>StartCircuit</c> with no initial components, and once
/// the server has attached its renderer (the <c>attachWebRendererInterop</c> call) sends <c>UpdateRootComponents</c> with one
/// "add" per marker, as the page's root component manager does. Every render batch is acknowledged at once
/// (<c>OnRenderCompleted</c>; a server with unacknowledged batches stops rendering), every JS call is answered
/// (<see cref="ResultFor"/>), and the server's own navigations (<c>navigateTo</c>) are reported back with
/// <c>OnLocationChanged</c> as the browser's history code does. Render batches are never parsed.
/// <see cref="ChangeLocationAsync"/> is what back/forward does: <c>OnLocationChanged</c> with another address.
/// </summary>
internal sealed partial class BlazorCircuitClient : IAsyncDisposable
{
    private const string AttachRenderer = "Blazor._internal.attachWebRendererInterop";
    private const string NavigateTo = "Blazor._internal.navigationManager.navigateTo";
    private const string SetLocationChangingListeners = "Blazor._internal.navigationManager.setHasLocationChangingListeners";

    private readonly HttpClient _http;
    private readonly Uri _baseAddress;
    private readonly CircuitTally _tally;
    private readonly HubConnection _connection;
    private readonly TaskCompletionSource _attached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _rootsUpdated = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _firstBatch = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentDictionary<int, TaskCompletionSource<bool>> _locationChanging = new();
    private PendingChange? _change;
    private string? _circuitSecret;
    private long _nextJsObjectId;
    private int _nextLocationChangingCall;
    private volatile bool _hasLocationChangingListeners;
    private volatile string? _failure;

    private BlazorCircuitClient(HttpClient http, Uri baseAddress, CircuitTally tally)
    {
        _http = http;
        _baseAddress = baseAddress;
        _tally = tally;
        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(baseAddress, "_blazor"), HttpTransportType.WebSockets)
            .ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning).AddProvider(tally));
        builder.Services.RemoveAll<IHubProtocol>();
        builder.Services.AddSingleton<IHubProtocol, BlazorPackProtocol>();
        _connection = builder.Build();

        _connection.On("JS.RenderBatch", [typeof(long), typeof(byte[])], OnRenderBatchAsync);
        _connection.On("JS.BeginInvokeJS", [typeof(long), typeof(string), typeof(string), typeof(int), typeof(long), typeof(int)], OnBeginInvokeJSAsync);
        _connection.On("JS.EndInvokeDotNet", [typeof(string), typeof(bool), typeof(string)], _ => Task.CompletedTask);
        // Where a root component goes in the DOM, which this client does not have.
        _connection.On("JS.AttachComponent", [typeof(int), typeof(string)], _ => Task.CompletedTask);
        _connection.On("JS.EndUpdateRootComponents", [typeof(long)], _ =>
        {
            _rootsUpdated.TrySetResult();
            return Task.CompletedTask;
        });
        _connection.On("JS.EndLocationChanging", [typeof(int), typeof(bool)], args =>
        {
            if (_locationChanging.TryRemove((int)args[0]!, out var pending))
            {
                pending.TrySetResult((bool)args[1]!);
            }

            return Task.CompletedTask;
        });
        _connection.On("JS.Error", [typeof(string)], args =>
        {
            Fail("JS.Error: " + args[0]);
            return Task.CompletedTask;
        });
        _connection.Closed += error =>
        {
            Fail("connection closed" + (error is null ? "" : ": " + error.Message));
            return Task.CompletedTask;
        };
    }

    /// <summary>Why the circuit stopped working (an error from the server, its connection closed), or null while it works.</summary>
    public string? Failure => _failure;

    /// <summary>Opens the page at <paramref name="pathAndQuery"/> and its circuit; done when the server has added the root components and sent their first render.</summary>
    public static async Task<BlazorCircuitClient> OpenAsync(HttpClient http, Uri baseAddress, string pathAndQuery, CircuitTally tally, CancellationToken cancel)
    {
        var client = new BlazorCircuitClient(http, baseAddress, tally);
        try
        {
            await client.StartAsync(pathAndQuery, cancel);
            return client;
        }
        catch
        {
            await client.DisposeAsync();
            throw;
        }
    }

    private async Task StartAsync(string pathAndQuery, CancellationToken cancel)
    {
        var pageUri = new Uri(_baseAddress, pathAndQuery);
        using var response = await _http.GetAsync(pageUri, cancel);
        response.EnsureSuccessStatusCode();
        var html = await response.Content.ReadAsStringAsync(cancel);
        var markers = ServerMarkers(html);
        if (markers.Count == 0)
        {
            throw new InvalidOperationException($"{pageUri} has no interactive server component markers (HTTP {(int)response.StatusCode}).");
        }

        var state = StateComment().Match(html) is { Success: true } m ? m.Groups["state"].Value : "";

        await _connection.StartAsync(cancel);
        _circuitSecret = await _connection.InvokeAsync<string?>("StartCircuit", _baseAddress.ToString(), pageUri.ToString(), "[]", state, cancel)
            ?? throw new InvalidOperationException("StartCircuit returned no circuit: " + (Failure ?? "the server refused it"));

        // The page's root component manager adds its components once the server's renderer is attached.
        await WhenAsync(_attached.Task, "the renderer to attach", cancel);
        var operations = new JsonObject
        {
            ["batchId"] = 1,
            ["operations"] = new JsonArray([.. markers.Select((marker, i) =>
            {
                marker["uniqueId"] = i;
                return (JsonNode)new JsonObject { ["type"] = "add", ["ssrComponentId"] = i + 1, ["marker"] = marker };
            })]),
        };
        await _connection.SendAsync("UpdateRootComponents", operations.ToJsonString(), state, cancel);
        await WhenAsync(_rootsUpdated.Task, "UpdateRootComponents to end", cancel);
        await WhenAsync(_firstBatch.Task, "the first render batch", cancel);
    }

    /// <summary>
    /// Tells the circuit the address changed to <paramref name="pathAndQuery"/> (as back/forward does) and returns the
    /// milliseconds until the render batch that shows it: the first batch after the server writes an address whose query
    /// holds <paramref name="appliedQueryPart"/> (the calculator writes the what-if it applied into the address, with
    /// navigateTo, just before it renders it; the router's re-render of the layout comes before that and does not count).
    /// Throws <see cref="TimeoutException"/> if that does not happen in time.
    /// </summary>
    public async Task<double> ChangeLocationAsync(string pathAndQuery, string appliedQueryPart, TimeSpan timeout)
    {
        if (Failure is { } failure)
        {
            throw new InvalidOperationException(failure);
        }

        var uri = new Uri(_baseAddress, pathAndQuery).ToString();
        var change = new PendingChange(appliedQueryPart);
        Volatile.Write(ref _change, change);
        var started = Stopwatch.GetTimestamp();
        if (_hasLocationChangingListeners && !await LocationChangingAsync(uri, timeout))
        {
            throw new InvalidOperationException("The server cancelled the navigation to " + uri);
        }

        await _connection.SendAsync("OnLocationChanged", uri, null, false);
        try
        {
            await change.Rendered.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException(change.Applied ? $"{uri}: applied, but no render batch followed" : $"{uri}: the server never wrote {appliedQueryPart} into the address");
        }
        finally
        {
            Interlocked.CompareExchange(ref _change, null, change);
        }

        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    /// <summary>Closes the circuit as a closed page does: connection stopped, then POST /_blazor/disconnect so the server ends it at once.</summary>
    public async ValueTask DisposeAsync()
    {
        _failure ??= "disposed";
        try
        {
            await _connection.StopAsync();
            if (_circuitSecret is { } secret)
            {
                using var form = new FormUrlEncodedContent([new("circuitId", secret)]);
                using var response = await _http.PostAsync(new Uri(_baseAddress, "_blazor/disconnect"), form);
                if (!response.IsSuccessStatusCode)
                {
                    _tally.Note(string.Create(CultureInfo.InvariantCulture, $"POST /_blazor/disconnect answered {(int)response.StatusCode}"));
                }
            }
        }
        finally
        {
            await _connection.DisposeAsync();
        }
    }

    private async Task<bool> LocationChangingAsync(string uri, TimeSpan timeout)
    {
        var callId = Interlocked.Increment(ref _nextLocationChangingCall);
        var answer = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        _locationChanging[callId] = answer;
        await _connection.SendAsync("OnLocationChanging", callId, uri, null, false);
        return await answer.Task.WaitAsync(timeout);
    }

    private async Task OnRenderBatchAsync(object?[] args)
    {
        var batchId = (long)args[0]!;
        _tally.RenderBatch(((byte[])args[1]!).Length);
        await _connection.SendAsync("OnRenderCompleted", batchId, null);
        _firstBatch.TrySetResult();
        if (Volatile.Read(ref _change) is { Applied: true } change)
        {
            change.Rendered.TrySetResult();
        }
    }

    private async Task OnBeginInvokeJSAsync(object?[] args)
    {
        var (asyncHandle, identifier, argsJson, resultType, targetInstanceId) = ((long)args[0]!, (string)args[1]!, (string?)args[2], (int)args[3]!, (long)args[4]!);
        _tally.Interop(targetInstanceId == 0 ? identifier : identifier + " (on a JS object)");
        if (identifier == SetLocationChangingListeners && argsJson is not null)
        {
            _hasLocationChangingListeners = JsonDocument.Parse(argsJson).RootElement[1].GetBoolean();
        }

        if (asyncHandle != 0)
        {
            var result = ResultFor(identifier, resultType);
            await _connection.SendAsync("EndInvokeJSFromDotNet", asyncHandle, true,
                string.Create(CultureInfo.InvariantCulture, $"[{asyncHandle},true,{result}]"));
        }

        if (identifier == AttachRenderer)
        {
            _attached.TrySetResult();
        }
        else if (identifier == NavigateTo && argsJson is not null)
        {
            // The browser puts the address in its history and tells the circuit where it now is.
            using var navigation = JsonDocument.Parse(argsJson);
            var target = new Uri(_baseAddress, navigation.RootElement[0].GetString());
            if (Volatile.Read(ref _change) is { } change && target.Query.TrimStart('?').Split('&').Contains(change.AppliedQueryPart, StringComparer.Ordinal))
            {
                change.Applied = true;
            }

            var state = navigation.RootElement.GetArrayLength() > 1 && navigation.RootElement[1].TryGetProperty("historyEntryState", out var s) ? s.GetString() : null;
            await _connection.SendAsync("OnLocationChanged", target.ToString(), state, false);
        }
    }

    /// <summary>
    /// What the JS call returns, as JSON: a new JS object reference when .NET asks for one (e.g. a module import), nothing
    /// for void calls, and for value calls what a browser with default settings would say where .NET expects a value
    /// type (null would not deserialize into it), else null.
    /// </summary>
    private string ResultFor(string identifier, int resultType) => resultType switch
    {
        1 => string.Create(CultureInfo.InvariantCulture, $"{{\"__jsObjectId\":{Interlocked.Increment(ref _nextJsObjectId)}}}"),
        _ => ValueResults.GetValueOrDefault(identifier, "null"),
    };

    /// <summary>
    /// Value calls whose .NET caller expects a value type (JSON null would not deserialize into it), answered as this app's
    /// page in a headless browser would: MudBlazor's scripts are loaded (its window.hasOwnProperty checks), the page has its
    /// one popover provider, the system theme is light. Every other call with a result gets null (a string, an object).
    /// </summary>
    private static readonly Dictionary<string, string> ValueResults = new(StringComparer.Ordinal)
    {
        ["window.hasOwnProperty"] = "true",
        ["mudpopoverHelper.countProviders"] = "1",
        ["mudThemeProvider.isDarkMode"] = "false",
    };

    private static List<JsonObject> ServerMarkers(string html)
    {
        var markers = new List<JsonObject>();
        foreach (Match match in ComponentComment().Matches(html))
        {
            if (JsonNode.Parse(match.Groups["json"].Value) is JsonObject marker && (string?)marker["type"] == "server")
            {
                markers.Add(marker);
            }
        }

        // blazor.web.js meets them in document order (the head's outlet, then the body's routes).
        return markers;
    }

    private async Task WhenAsync(Task task, string what, CancellationToken cancel)
    {
        while (!task.IsCompleted)
        {
            if (Failure is { } failure)
            {
                throw new InvalidOperationException($"While waiting for {what}: {failure}");
            }

            await Task.WhenAny(task, Task.Delay(100, cancel));
            cancel.ThrowIfCancellationRequested();
        }
    }

    private void Fail(string why)
    {
        if (_failure is null)
        {
            _failure = why;
            _tally.Note(why);
        }
    }

    /// <summary>A location change waiting for the server to apply it (write it into the address) and then render.</summary>
    private sealed class PendingChange(string appliedQueryPart)
    {
        public string AppliedQueryPart { get; } = appliedQueryPart;

        public TaskCompletionSource Rendered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public volatile bool Applied;
    }

    [GeneratedRegex(@"<!--Blazor:(?<json>\{.*?\})-->", RegexOptions.Singleline)]
    private static partial Regex ComponentComment();

    [GeneratedRegex(@"<!--\s*Blazor-Server-Component-State:(?<state>[a-zA-Z0-9+/=]+)-->")]
    private static partial Regex StateComment();
}
