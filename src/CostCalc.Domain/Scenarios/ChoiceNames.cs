using CostCalc.Domain.Prices;

namespace CostCalc.Domain.Scenarios;

/// <summary>Human names of the scenario's choices, as the calculator and the PDF show them.</summary>
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
        PurchaseOption.SavingsPlan1Year => "Compute Savings Plan 1 yr (no upfront)",
        PurchaseOption.SavingsPlan3Year => "Compute Savings Plan 3 yr (no upfront)",
        PodLayout.OnePodPerNode => "One BEAM pod per node",
        PodLayout.FixedPodSize => "Fixed pod size",
        AddOnPlacement.BeamNodes => "On the BEAM nodes",
        AddOnPlacement.SystemNodes => "Own system node group",
        MaxPodsMode.Eni => "ENI limit (VPC CNI)",
        MaxPodsMode.PrefixDelegation => "Prefix delegation",
        MaxPodsMode.Fixed => "Fixed value",
        SupportTier.Standard => "Standard ($0.10/h)",
        SupportTier.Extended => "Extended ($0.60/h)",
        LoadBalancer.Alb => "Application Load Balancer",
        LoadBalancer.None => "None",
        Ec2DeployMethod.HotCodeUpgrade => "Hot code upgrade (relup)",
        Ec2DeployMethod.RollingRestart => "Rolling restart",
        true => "Yes",
        false => "No",
        null => "",
        _ => value.ToString() ?? "",
    };
}
