using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CostCalc.Pricing.Bulk;
using CostCalc.Pricing.Live;

namespace CostCalc.Pricing.Query;

/// <summary>
/// The Price List Query API over AWS JSON 1.1: POST / with X-Amz-Target
/// AWSPriceListService.&lt;Operation&gt;, signed by <see cref="SigV4Handler"/> (service "pricing").
/// Pages are followed by NextToken; an expired token restarts the listing; requests are paced.
/// </summary>
public sealed class PricingQueryClient(HttpClient http, QueryPacer pacer)
{
    public const string TargetPrefix = "AWSPriceListService.";
    private const int MaxRestarts = 2;
    private static readonly MediaTypeHeaderValue Json11 = new("application/x-amz-json-1.1");

    /// <summary>Every product matching TERM_MATCH filters; each decoded PriceList item is passed to <paramref name="onItem"/>.</summary>
    /// <returns>The number of pages read.</returns>
    public async Task<int> GetProductsAsync(
        string serviceCode, IReadOnlyList<(string Field, string Value)> filters, Action<JsonElement> onItem, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["ServiceCode"] = serviceCode,
            ["FormatVersion"] = "aws_v1",
            ["MaxResults"] = 100,
            ["Filters"] = new JsonArray([.. filters.Select(f => (JsonNode)new JsonObject
            {
                ["Type"] = "TERM_MATCH", ["Field"] = f.Field, ["Value"] = f.Value,
            })]),
        };
        return await PagesAsync("GetProducts", body, page =>
        {
            foreach (var item in Array(page, "PriceList"))
            {
                using var decoded = JsonDocument.Parse(item.GetString() ?? throw new InvalidDataException("PriceList item is not a string"));
                onItem(decoded.RootElement);
            }
        }, cancellationToken).ConfigureAwait(false);
    }

    private static JsonElement.ArrayEnumerator Array(JsonElement page, string name) =>
        page.TryGetProperty(name, out var items) && items.ValueKind == JsonValueKind.Array
            ? items.EnumerateArray()
            : throw new InvalidDataException($"no {name} array");

    private async Task<int> PagesAsync(string operation, JsonObject body, Action<JsonElement> onPage, CancellationToken cancellationToken)
    {
        for (var restart = 0; ; restart++)
        {
            body.Remove("NextToken");
            var pages = 0;
            try
            {
                while (true)
                {
                    using var page = await SendAsync(operation, body, cancellationToken).ConfigureAwait(false);
                    pages++;
                    onPage(page.RootElement);
                    if (!page.RootElement.TryGetProperty("NextToken", out var token) || token.GetString() is not { Length: > 0 } next)
                    {
                        return pages;
                    }

                    body["NextToken"] = next;
                }
            }
            catch (QueryErrorException e) when (e.Type == "ExpiredNextTokenException" && restart < MaxRestarts)
            {
                // The listing took too long: start it again.
            }
            catch (Exception e) when (e is InvalidDataException or JsonException or KeyNotFoundException or InvalidOperationException)
            {
                throw new PriceSourceException($"{operation}: malformed response: {e.Message}", e);
            }
        }
    }

    private async Task<JsonDocument> SendAsync(string operation, JsonObject body, CancellationToken cancellationToken)
    {
        await pacer.WaitAsync(cancellationToken).ConfigureAwait(false);
        using var request = new HttpRequestMessage(HttpMethod.Post, http.BaseAddress);
        request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8);
        request.Content.Headers.ContentType = Json11;
        request.Headers.Add("X-Amz-Target", TargetPrefix + operation);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is HttpRequestException or IOException
            or OperationCanceledException or Polly.Timeout.TimeoutRejectedException or Polly.CircuitBreaker.BrokenCircuitException)
        {
            throw new PriceSourceException($"{operation} at {http.BaseAddress}: {BulkClient.Describe(e)}", e);
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                var (type, message) = QueryErrorException.Parse(text);
                var error = new QueryErrorException(type, $"{operation}: HTTP {(int)response.StatusCode} {type}: {message}");
                throw type == "ExpiredNextTokenException" ? error : new PriceSourceException(error.Message, error);
            }

            try
            {
                return JsonDocument.Parse(text);
            }
            catch (JsonException e)
            {
                throw new PriceSourceException($"{operation}: the response is not JSON: {e.Message}", e);
            }
        }
    }
}

/// <summary>A JSON 1.1 error: <c>__type</c> ends in the exception name.</summary>
public sealed class QueryErrorException(string type, string message) : Exception(message)
{
    public string Type { get; } = type;

    public static (string Type, string Message) Parse(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            var type = root.TryGetProperty("__type", out var t) ? t.GetString() ?? "" : "";
            var message = root.TryGetProperty("message", out var m) || root.TryGetProperty("Message", out m) ? m.GetString() ?? "" : "";
            return (type[(type.LastIndexOf('#') + 1)..], message);
        }
        catch (JsonException)
        {
            return ("UnknownError", body.Length > 200 ? body[..200] : body);
        }
    }
}
