using System.Net;
using System.Text.Json;
using CostCalc.Pricing.Live;
using CostCalc.Pricing.Refresh;
using Microsoft.Extensions.Options;

namespace CostCalc.Pricing.Bulk;

/// <summary>
/// GETs the Bulk API's public files (no signing). Small JSON files are parsed whole; offer CSVs
/// are streamed to a reader as they arrive. Each file has a deadline covering headers and body;
/// retries, attempt timeouts and the circuit breaker come from the HttpClient's resilience handler.
/// Every failure becomes a <see cref="PriceSourceException"/> naming the URL.
/// </summary>
public sealed class BulkClient(HttpClient http, IOptions<PricingOptions> options, TimeProvider time)
{
    private const long MaxJsonBytes = 256L << 20;

    public Uri BaseUrl => options.Value.Bulk.BaseUrl;

    public Task<JsonDocument> GetJsonAsync(string url, CancellationToken cancellationToken) =>
        SendAsync(url, async (stream, _, token) =>
        {
            var document = await JsonDocument.ParseAsync(stream, cancellationToken: token).ConfigureAwait(false);
            return document;
        }, null, cancellationToken);

    /// <summary>Streams a file to <paramref name="read"/>; <paramref name="progress"/> gets (bytes read, length if known).</summary>
    public Task<T> StreamAsync<T>(
        string url, Func<Stream, Action<long>, CancellationToken, Task<T>> read, Action<long, long?>? progress,
        CancellationToken cancellationToken) => SendAsync(url, read, progress, cancellationToken);

    private async Task<T> SendAsync<T>(
        string url, Func<Stream, Action<long>, CancellationToken, Task<T>> read, Action<long, long?>? progress,
        CancellationToken cancellationToken)
    {
        var uri = new Uri(BaseUrl, url);
        using var deadline = new CancellationTokenSource(options.Value.Bulk.FileTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            using var response = await http.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new PriceSourceException($"GET {uri}: HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
            }

            var length = response.Content.Headers.ContentLength;
            if (typeof(T) == typeof(JsonDocument) && length > MaxJsonBytes)
            {
                throw new PriceSourceException($"GET {uri}: {length} bytes is too large for an index file");
            }

            await using var stream = await response.Content.ReadAsStreamAsync(linked.Token).ConfigureAwait(false);
            return await read(stream, bytes => progress?.Invoke(bytes, length), linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            throw new PriceSourceException($"GET {uri}: no complete file within {options.Value.Bulk.FileTimeout}");
        }
        catch (PriceSourceException)
        {
            throw;
        }
        catch (Exception e) when (e is HttpRequestException or IOException or InvalidDataException or JsonException
            or OperationCanceledException or Polly.Timeout.TimeoutRejectedException or Polly.CircuitBreaker.BrokenCircuitException)
        {
            throw new PriceSourceException($"GET {uri}: {Describe(e)}", e);
        }
    }

    internal static string Describe(Exception e) => e switch
    {
        Polly.Timeout.TimeoutRejectedException => "timed out (after retries)",
        Polly.CircuitBreaker.BrokenCircuitException => "circuit open after repeated failures",
        OperationCanceledException => "timed out",
        _ => e.Message,
    };
}
