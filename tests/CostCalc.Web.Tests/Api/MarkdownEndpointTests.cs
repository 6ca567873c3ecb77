using System.Net;
using CostCalc.Web.Tests.TestSupport;

namespace CostCalc.Web.Tests.Api;

public sealed class MarkdownEndpointTests(CostCalcFactory factory) : IClassFixture<CostCalcFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task A_calculator_query_gives_its_markdown_summary()
    {
        using var response = await _client.GetAsync("/api/estimate.md?v=1&peakConnections=250000&horizonMonths=12");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/markdown", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("# CostCalc estimate: EC2, EKS, EKS on Fargate, ECS on EC2, ECS on Fargate\n", text, StringComparison.Ordinal);
        Assert.Contains("250,000 peak connections · 12 months", text, StringComparison.Ordinal);
        Assert.Contains("| Peak concurrent connections | 250,000 connections | 100,000 connections |", text, StringComparison.Ordinal);
        // The link opens the same scenario in the calculator (on the test server's loopback host name the link is absolute).
        Assert.Contains("/?v=1&peakConnections=250000&horizonMonths=12) · [Model and sources]", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_query_it_cannot_read_is_a_400_naming_the_input()
    {
        using var response = await _client.GetAsync("/api/estimate.md?v=1&peakConnections=lots");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("peakConnections", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
