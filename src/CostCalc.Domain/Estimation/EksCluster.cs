using System.Globalization;
using CostCalc.Domain.Capacity;
using CostCalc.Domain.Prices;
using CostCalc.Domain.Scenarios;

namespace CostCalc.Domain.Estimation;

/// <summary>What every EKS cluster has, whatever runs its pods: the control plane, the add-ons, rolling updates.</summary>
internal static class EksCluster
{
    /// <summary>CoreDNS (2 replicas) and metrics-server.</summary>
    public const int AddOnPods = 3;

    /// <summary>Months of standard support per Kubernetes version on EKS.</summary>
    public const int StandardSupportMonths = 14;

    /// <summary>Each add-on pod's CPU request: the add-ons' total split evenly, rounded up.</summary>
    public static int AddOnPodCpu(Scenario s) => (s.ClusterAddOnCpuMillicores + AddOnPods - 1) / AddOnPods;

    public static int AddOnPodMemory(Scenario s) => (s.ClusterAddOnMemoryMiB + AddOnPods - 1) / AddOnPods;

    /// <summary>
    /// The add-on pods that run on EC2 nodes: the three of <see cref="AddOnPods"/> with the scenario's
    /// requests, or under Auto Mode only metrics-server (cluster DNS is part of Auto Mode, not a pod).
    /// </summary>
    public static PodRequests AddOnsOnNodes(Scenario s) =>
        s.AutoMode ? AutoModeNodes.MetricsServer : new(AddOnPods, AddOnPodCpu(s), AddOnPodMemory(s));

    public static decimal ControlPlaneUsdPerHour(Scenario s, ServicePrices services) =>
        s.SupportTier == SupportTier.Extended ? services.EksExtendedSupportUsdPerHour : services.EksClusterUsdPerHour;

    public static void AddControlPlane(Scenario s, ServicePrices services, CostSheet sheet)
    {
        var rate = ControlPlaneUsdPerHour(s, services);
        sheet.Add(CostKind.ControlPlane, "EKS control plane", s.Clusters * rate * Billing.HoursPerMonth,
            $"{SharedCosts.Plural(s.Clusters, "cluster")} × ${rate}/h ({s.SupportTier} support)", Sources.ControlPlane);
    }

    /// <summary>A rolling update replaces every pod once per deploy.</summary>
    public static Disruption RollingUpdate(Scenario s, PathSize size) => new(
        s.DeploysPerMonth * s.PeakConnections,
        s.DeploysPerMonth * size.Vms,
        [
            new("Deploy", "Rolling update: each pod's connections drop once", Sources.RollingUpdate),
            new("Pod restart", "p99 ≤ 5 s to start (excl. image pull); crash back-off 10 s → 5 min; 30 s grace period", Sources.PodStartup),
        ]);

    public static IEnumerable<Warning> Warnings(Scenario s)
    {
        if (s.SupportTier == SupportTier.Standard && s.HorizonMonths > StandardSupportMonths)
        {
            yield return new("standard-support-assumes-upgrades", string.Create(CultureInfo.InvariantCulture,
                $"Standard support over {s.HorizonMonths} months assumes the EKS cluster moves to a newer Kubernetes minor version at least every {StandardSupportMonths} months; each upgrade replaces every node or Fargate pod and restarts every BEAM pod. Without upgrades, extended support ($0.60/h) applies."));
        }
    }
}
