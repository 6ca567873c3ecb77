using CostCalc.Domain.Prices;

namespace CostCalc.Domain.Scenarios;

/// <summary>The non-numeric inputs of a <see cref="Scenario"/>, in the order the calculator shows them.</summary>
public static class ScenarioChoices
{
    private static readonly string[] Ec2 = [PathIds.Ec2];
    private static readonly string[] Eks = [PathIds.Eks];
    private static readonly string[] EksAny = [PathIds.Eks, PathIds.EksFargate];
    private static readonly string[] EcsEc2 = [PathIds.EcsEc2];
    private static readonly string[] EcsAny = [PathIds.EcsEc2, PathIds.EcsFargate];

    /// <summary>What the sensitivity view tries for a purchase option: on-demand, 1-year reserved and spot (model.md §8.1).</summary>
    private static readonly ChoiceSensitivity PurchaseOptionsTried = new(
        [ScenarioChoice.ApiName(PurchaseOption.OnDemand), ScenarioChoice.ApiName(PurchaseOption.ReservedStandard1Year), ScenarioChoice.ApiName(PurchaseOption.Spot)],
        Sources.SensitivityPurchaseOption);

    public static IReadOnlyList<ScenarioChoice> All { get; } =
    [
        new("region", FieldGroup.Common, "Region", Sources.InstancePrices, ChoiceKind.Region, [], s => s.Region, (s, v) => s with { Region = v }),
        ScenarioChoice.Of("loadBalancer", FieldGroup.Common, "Load balancer (every path)", Sources.Alb, Label, s => s.LoadBalancer, (s, v) => s with { LoadBalancer = v }),
        ScenarioChoice.Switch("autoscaling", FieldGroup.Common, "Autoscaling: machines follow the daily load (ASG, Karpenter, Fargate pods)", Sources.ScaleOut, s => s.Autoscaling, (s, v) => s with { Autoscaling = v }) with { InUse = ScenarioFields.Shaped },
        ScenarioChoice.Of("sparePolicy", FieldGroup.Common, "Spare capacity counts", Sources.SparePolicy, Label, s => s.SparePolicy, (s, v) => s with { SparePolicy = v }),
        ScenarioChoice.Switch("burstableUnlimited", FieldGroup.Common, "Burstable types may use unlimited credits (costed)", Sources.CpuCredits, s => s.BurstableUnlimited, (s, v) => s with { BurstableUnlimited = v }),
        new("ec2InstanceType", FieldGroup.Ec2, "Instance type", Sources.InstancePrices, ChoiceKind.InstanceType, [], s => s.Ec2InstanceType, (s, v) => s with { Ec2InstanceType = v }) { Paths = Ec2 },
        ScenarioChoice.Of("ec2PurchaseOption", FieldGroup.Ec2, "Purchase option", Sources.SpotAdvisor, Label, s => s.Ec2PurchaseOption, (s, v) => s with { Ec2PurchaseOption = v }) with { Paths = Ec2, Sensitivity = PurchaseOptionsTried },
        ScenarioChoice.Of("ec2DeployMethod", FieldGroup.Ec2, "Deploy method", Sources.HotCodeUpgrade, Label, s => s.Ec2DeployMethod, (s, v) => s with { Ec2DeployMethod = v }) with { Paths = Ec2 },
        new("eksNodeInstanceType", FieldGroup.Eks, "Node instance type", Sources.InstancePrices, ChoiceKind.InstanceType, [], s => s.EksNodeInstanceType, (s, v) => s with { EksNodeInstanceType = v }) { Paths = Eks },
        ScenarioChoice.Of("eksPurchaseOption", FieldGroup.Eks, "Node purchase option", Sources.SpotAdvisor, Label, s => s.EksPurchaseOption, (s, v) => s with { EksPurchaseOption = v }) with { Paths = Eks, Sensitivity = PurchaseOptionsTried },
        ScenarioChoice.Switch("autoMode", FieldGroup.Eks, "EKS Auto Mode", Sources.AutoMode, s => s.AutoMode, (s, v) => s with { AutoMode = v }) with { Paths = Eks },
        ScenarioChoice.Of("maxPodsMode", FieldGroup.Eks, "Max pods mode", Sources.MaxPodsEni, Label, s => s.MaxPodsMode, (s, v) => s with { MaxPodsMode = v }) with { Paths = Eks, InUse = ScenarioFields.NotAutoMode },
        ScenarioChoice.Of("podLayout", FieldGroup.Eks, "Pod layout on nodes", Sources.SchedulersQuota, Label, s => s.PodLayout, (s, v) => s with { PodLayout = v }) with { Paths = Eks },
        ScenarioChoice.Of("addOnPlacement", FieldGroup.Eks, "Cluster add-ons run", Sources.SystemNodes, Label, s => s.AddOnPlacement, (s, v) => s with { AddOnPlacement = v }) with { Paths = Eks },
        new("systemNodeInstanceType", FieldGroup.Eks, "System node instance type", Sources.SystemNodes, ChoiceKind.InstanceType, [], s => s.SystemNodeInstanceType, (s, v) => s with { SystemNodeInstanceType = v })
        {
            Paths = Eks,
            InUse = s => s.AddOnPlacement == AddOnPlacement.SystemNodes && !s.AutoMode,
        },
        ScenarioChoice.Of("supportTier", FieldGroup.Eks, "Control-plane support", Sources.SupportWindow, Label, s => s.SupportTier, (s, v) => s with { SupportTier = v }) with { Paths = EksAny },
        new("ecsInstanceType", FieldGroup.Ecs, "Container instance type (ECS on EC2)", Sources.InstancePrices, ChoiceKind.InstanceType, [], s => s.EcsInstanceType, (s, v) => s with { EcsInstanceType = v }) { Paths = EcsEc2 },
        ScenarioChoice.Of("ecsPurchaseOption", FieldGroup.Ecs, "Container instance purchase option", Sources.SpotAdvisor, Label, s => s.EcsPurchaseOption, (s, v) => s with { EcsPurchaseOption = v }) with { Paths = EcsEc2 },
        ScenarioChoice.Of("ecsTaskLayout", FieldGroup.Ecs, "Task layout on container instances", Sources.EcsTaskSize, Label, s => s.EcsTaskLayout, (s, v) => s with { EcsTaskLayout = v }) with { Paths = EcsEc2 },
        ScenarioChoice.Of("ecsNetworkMode", FieldGroup.Ecs, "Task network mode (ECS on EC2)", Sources.EcsTaskNetworking, Label, s => s.EcsNetworkMode, (s, v) => s with { EcsNetworkMode = v }) with { Paths = EcsEc2 },
        ScenarioChoice.Of("ecsNodeDiscovery", FieldGroup.Ecs, "How BEAM nodes find each other on ECS", Sources.CloudMap, Label, s => s.EcsNodeDiscovery, (s, v) => s with { EcsNodeDiscovery = v }) with { Paths = EcsAny },
    ];

    public static ScenarioChoice? Find(string name) =>
        All.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));

    public static ScenarioChoice Get(string name) => Find(name) ?? throw new ArgumentException($"No choice input '{name}'.", nameof(name));

    /// <summary>The label of a purchase option, as cost lines and warnings name it.</summary>
    public static string Label(PurchaseOption option) => option switch
    {
        PurchaseOption.OnDemand => "On-demand",
        PurchaseOption.ReservedStandard1Year => "Reserved 1 yr (standard, no upfront)",
        PurchaseOption.ReservedStandard3Year => "Reserved 3 yr (standard, no upfront)",
        PurchaseOption.ReservedConvertible1Year => "Reserved 1 yr (convertible, no upfront)",
        PurchaseOption.ReservedConvertible3Year => "Reserved 3 yr (convertible, no upfront)",
        PurchaseOption.Spot => "Spot (estimated)",
        PurchaseOption.SavingsPlan1Year => "Compute Savings Plan 1 yr (no upfront)",
        PurchaseOption.SavingsPlan3Year => "Compute Savings Plan 3 yr (no upfront)",
        _ => option.ToString(),
    };

    public static string Label(PodLayout layout) => layout switch
    {
        PodLayout.OnePodPerNode => "One BEAM pod per node",
        _ => "Fixed pod size",
    };

    public static string Label(AddOnPlacement placement) => placement switch
    {
        AddOnPlacement.BeamNodes => "On the BEAM nodes",
        _ => "Own system node group",
    };

    public static string Label(MaxPodsMode mode) => mode switch
    {
        MaxPodsMode.Eni => "ENI limit (VPC CNI)",
        MaxPodsMode.PrefixDelegation => "Prefix delegation",
        _ => "Fixed value",
    };

    public static string Label(SupportTier tier) => tier switch
    {
        SupportTier.Standard => "Standard ($0.10/h)",
        _ => "Extended ($0.60/h)",
    };

    public static string Label(LoadBalancer balancer) => balancer switch
    {
        LoadBalancer.Alb => "Application Load Balancer",
        LoadBalancer.Nlb => "Network Load Balancer, TCP (TLS on the VMs)",
        LoadBalancer.NlbTls => "Network Load Balancer, TLS listener",
        _ => "None (TLS on the VMs)",
    };

    public static string Label(SparePolicy policy) => policy switch
    {
        SparePolicy.Vms => "BEAM VMs (N+k VMs)",
        SparePolicy.Zone => "A whole zone (survive losing the largest zone)",
        _ => "Machines (N+k machines)",
    };

    public static string Label(EcsTaskLayout layout) => layout switch
    {
        EcsTaskLayout.OneTaskPerInstance => "One BEAM task per instance",
        _ => "Fixed task size",
    };

    public static string Label(EcsNetworkMode mode) => mode switch
    {
        EcsNetworkMode.Awsvpc => "awsvpc (an ENI per task)",
        EcsNetworkMode.AwsvpcTrunking => "awsvpc with ENI trunking",
        EcsNetworkMode.Bridge => "bridge",
        _ => "host",
    };

    public static string Label(EcsNodeDiscovery discovery) => discovery switch
    {
        EcsNodeDiscovery.CloudMap => "ECS service discovery (Cloud Map DNS)",
        _ => "ECS API (ListTasks)",
    };

    public static string Label(Ec2DeployMethod method) => method switch
    {
        Ec2DeployMethod.HotCodeUpgrade => "Hot code upgrade (relup)",
        _ => "Rolling restart",
    };
}
