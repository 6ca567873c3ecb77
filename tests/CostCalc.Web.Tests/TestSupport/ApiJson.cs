using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace CostCalc.Web.Tests.TestSupport;

internal static class ApiJson
{
    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response)
    {
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return doc.RootElement.Clone();
    }

    public static Task<HttpResponseMessage> PostRawAsync(this HttpClient client, string path, string json) =>
        client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

    public static Task<HttpResponseMessage> PostObjectAsync(this HttpClient client, string path, object body) =>
        client.PostAsJsonAsync(path, body);

    public static decimal Money(this JsonElement element, string property) => element.GetProperty(property).GetDecimal();
}
