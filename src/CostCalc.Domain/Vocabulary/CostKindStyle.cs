using CostCalc.Domain.Estimation;

namespace CostCalc.Domain.Vocabulary;

/// <summary>How every view names and colours a kind of cost; <see cref="Code"/> is its stable id in saved reports.</summary>
public sealed record CostKindStyle(CostKind Kind, string Code, string Name, string Colour)
{
    public static IReadOnlyList<CostKindStyle> All { get; } =
    [
        new(CostKind.Compute, "compute", "Compute", "#3E7C8C"),
        new(CostKind.SystemNodes, "systemNodes", "System nodes", "#8E6CB8"),
        new(CostKind.CpuCredits, "cpuCredits", "CPU credits", "#6BA368"),
        new(CostKind.ControlPlane, "controlPlane", "Control plane", "#C9A227"),
        new(CostKind.AutoModeFee, "autoModeFee", "Auto Mode fee", "#C45C5A"),
        new(CostKind.Storage, "storage", "EBS storage", "#7FB8C6"),
        new(CostKind.LoadBalancer, "loadBalancer", "Load balancer", "#B9A5D6"),
        new(CostKind.NatGateway, "natGateway", "NAT gateway", "#A8CF9E"),
        new(CostKind.CrossAzTransfer, "crossAzTransfer", "Cross-AZ transfer", "#8A94A3"),
        new(CostKind.Operations, "operations", "Operations", "#D4A373"),
        new(CostKind.InternetEgress, "internetEgress", "Internet egress", "#5B8DB8"),
        new(CostKind.FixedCost, "fixedCost", "Your fixed costs", "#9C6B4E"),
        new(CostKind.ServiceDiscovery, "serviceDiscovery", "Service discovery", "#B5838D"),
    ];

    public static CostKindStyle Of(CostKind kind) => All[(int)kind];

    /// <summary>The kind a saved code names, or null for a code this version does not know.</summary>
    public static CostKindStyle? FromCode(string code) => All.FirstOrDefault(s => s.Code == code);
}
