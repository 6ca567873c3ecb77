using CostCalc.Domain.Prices;
using CostCalc.Domain.Scenarios;

namespace CostCalc.Web.Components.Calculator;

/// <summary>Human names of the scenario's choices.</summary>
public static class ChoiceNames
{
    public static string Of<T>(T? value) => value switch
    {
        PurchaseOption.OnDemand => "On-demand",
        PurchaseOption.ReservedStandard1Year => "Reserved 1 yr (standard, no upfront)",
        PurchaseOption.ReservedStandard3Year => "Reserved 3 yr (standard, no upfront)",
        PurchaseOption.ReservedConvertible1Year => "Reserved 1 yr (convertible, no upfront)",
        PurchaseOption.ReservedConvertible3Year => "Reserved 3 yr (convertible, no upfront)",
        PurchaseOption.Spot => "Spot (estimated)",
        PodLayout.OnePodPerNode => "One BEAM pod per node",
        PodLayout.FixedPodSize => "Fixed pod size",
        MaxPodsMode.Eni => "ENI limit (VPC CNI)",
        MaxPodsMode.PrefixDelegation => "Prefix delegation",
        MaxPodsMode.Fixed => "Fixed value",
        SupportTier.Standard => "Standard ($0.10/h)",
        SupportTier.Extended => "Extended ($0.60/h)",
        LoadBalancer.Alb => "Application Load Balancer",
        LoadBalancer.None => "None",
        Ec2DeployMethod.HotCodeUpgrade => "Hot code upgrade",
        Ec2DeployMethod.RollingRestart => "Rolling restart",
        null => "",
        _ => value.ToString() ?? "",
    };
}
