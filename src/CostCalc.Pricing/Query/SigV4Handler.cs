using Amazon;
using Amazon.Runtime.Signing;
using CostCalc.Pricing.Live;

namespace CostCalc.Pricing.Query;

/// <summary>
/// Signs each request with SigV4 through AWSSDK.Core's public signer: service, region, and the
/// content-type and x-amz-target headers besides host, x-amz-date and the payload hash. It sits
/// inside the resilience handler, so every retry is signed afresh.
/// </summary>
public sealed class SigV4Handler(AwsCredentialSource credentials, string service, string region) : DelegatingHandler
{
    public const string Service = "pricing";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var resolved = credentials.Credentials ?? throw new PriceSourceException("No AWS credentials found (environment, profile or instance role)");
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var signing = new AWSSigningRequest { HttpMethod = request.Method, RequestUri = request.RequestUri!, Content = body };
        if (request.Content?.Headers.ContentType is { } contentType)
        {
            signing.Headers["content-type"] = contentType.ToString();
        }

        foreach (var header in request.Headers.Where(h => h.Key.StartsWith("x-amz-", StringComparison.OrdinalIgnoreCase)))
        {
            signing.Headers[header.Key.ToLowerInvariant()] = string.Join(',', header.Value.Select(v => v.Trim()));
        }

        var parameters = new AWSSigV4Parameters
        {
            Credentials = resolved,
            Region = RegionEndpoint.GetBySystemName(region),
            Service = service,
        };
        var result = await AWSSigV4Signer.SignAsync(signing, parameters, cancellationToken).ConfigureAwait(false);
        foreach (var (name, value) in result.Headers)
        {
            request.Headers.Remove(name);
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
