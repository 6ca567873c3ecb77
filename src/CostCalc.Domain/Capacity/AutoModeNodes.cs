using CostCalc.Domain.Catalog;
using CostCalc.Domain.Scenarios;

namespace CostCalc.Domain.Capacity;

/// <summary>Pods of one kind on a node: how many, and each one's CPU and memory requests.</summary>
public readonly record struct PodRequests(int Pods, int CpuMillicores, int MemoryMiB);

/// <summary>
/// What changes on a node when EKS Auto Mode runs it (docs/model.md §1.2, §2.5): AWS runs Karpenter,
/// the load balancer controller, the VPC CNI, cluster DNS, kube-proxy, the EBS CSI driver and the Pod
/// Identity agent itself, off-cluster or as processes of the node image, so none of them is a pod; the
/// only add-on left as pods is metrics-server. Auto Mode launches only some instance types.
/// </summary>
public static class AutoModeNodes
{
    /// <summary>metrics-server's default Deployment: one replica requesting 100m and 200 MiB.</summary>
    public static PodRequests MetricsServer { get; } = new(1, 100, 200);

    private static readonly string[] TooSmallSizes = ["nano", "micro", "small"];

    /// <summary>Kubernetes' own node DaemonSets (aws-node, kube-proxy, ebs-csi-node, …): none under Auto Mode.</summary>
    public static PodRequests NodeComponents(Scenario s) =>
        s.AutoMode ? default : new(s.NodeComponentPods, s.NodeComponentCpuMillicores, s.NodeComponentMemoryMiB);

    /// <summary>Whether Auto Mode launches this type: more than 1 vCPU, and a size other than nano, micro or small.</summary>
    public static bool Launches(InstanceType type) => Refusal(type) is null;

    /// <summary>Why Auto Mode does not launch this type, or null when it does.</summary>
    public static string? Refusal(InstanceType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (type.Vcpu <= 1)
        {
            return $"EKS Auto Mode launches only instances with more than 1 vCPU; {type.Name} has {type.Vcpu}.";
        }

        return TooSmallSizes.Contains(type.Size, StringComparer.OrdinalIgnoreCase)
            ? $"EKS Auto Mode does not launch {type.Size} instances ({type.Name}): choose a larger size or turn Auto Mode off."
            : null;
    }
}
