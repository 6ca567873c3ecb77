namespace CostCalc.Domain.Catalog;

/// <summary>Where a set of figures came from and the date they describe.</summary>
public sealed record DataOrigin(string What, string Source, DateOnly AsOf)
{
    /// <summary>The <see cref="What"/> of EC2 on-demand prices (variants add detail after it).</summary>
    public const string Ec2OnDemand = "EC2 on-demand";

    public bool IsEc2OnDemand => What.StartsWith(Ec2OnDemand, StringComparison.Ordinal);
}
