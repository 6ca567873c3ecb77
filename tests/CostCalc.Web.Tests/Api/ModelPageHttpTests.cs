using System.Net;
using CostCalc.Web.Tests.TestSupport;

namespace CostCalc.Web.Tests.Api;

public sealed class ModelPageHttpTests(CostCalcFactory factory) : IClassFixture<CostCalcFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Model_Get_PrerendersTheDocumentWithSectionIds()
    {
        var response = await _client.GetAsync("/model");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("id=\"s1-1\"", html, StringComparison.Ordinal);
        Assert.Contains("sources — CostCalc</title>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/model\"", html, StringComparison.Ordinal);
    }
}
