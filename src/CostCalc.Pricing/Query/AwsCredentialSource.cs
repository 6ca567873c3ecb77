using Amazon.Runtime;
using Amazon.Runtime.Credentials;

namespace CostCalc.Pricing.Query;

/// <summary>
/// AWS credentials for the signed APIs, from AWSSDK.Core's standard chain (environment, profile,
/// container or instance role) unless a resolver is given (tests). Resolved once, on first use:
/// the bulk source never asks, so a keyless set-up never probes for credentials.
/// </summary>
public sealed class AwsCredentialSource
{
    private readonly Lazy<AWSCredentials?> _credentials;

    public AwsCredentialSource()
        : this(ResolveDefault)
    {
    }

    public AwsCredentialSource(Func<AWSCredentials?> resolver) =>
        _credentials = new Lazy<AWSCredentials?>(resolver, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The credentials, or null when the chain finds none.</summary>
    public AWSCredentials? Credentials => _credentials.Value;

    private static AWSCredentials? ResolveDefault()
    {
        try
        {
            return DefaultAWSCredentialsIdentityResolver.GetCredentials();
        }
        catch (AmazonClientException)
        {
            return null;
        }
    }
}
