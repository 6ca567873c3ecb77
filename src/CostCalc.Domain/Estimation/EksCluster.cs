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

    private static readonly string[] StandardRates = [PriceRates.ControlPlane];
    private static readonly string[] ExtendedRates = [PriceRates.ControlPlaneExtended];

    /// <param name="adjustments">The user's prices, for the line's note; null at list prices.</param>
    public static void AddControlPlane(Scenario s, ServicePrices services, CostSheet sheet, PriceAdjustments? adjustments = null)
    {
        var rate = ControlPlaneUsdPerHour(s, services);
        sheet.Add(CostKind.ControlPlane, "EKS control plane", s.Clusters * rate * Billing.HoursPerMonth,
            $"{SharedCosts.Plural(s.Clusters, "cluster")} × ${rate}/h ({s.SupportTier} support)", Sources.ControlPlane,
            sheet.IsItemised ? adjustments?.Note(PriceFamily.EksFees, s.SupportTier == SupportTier.Extended ? ExtendedRates : StandardRates) : null);
    }

    /// <summary>
    /// What restarts every pod of an EKS cluster (docs/model.md §6): deploys (rolling update), Kubernetes
    /// upgrades that reach the nodes, OS/AMI patch rolls (node AMI updates; on Fargate, AWS's patch
    /// recycling) less the rolls an upgrade already makes with its new AMI, Auto Mode's weekly drift in
    /// place of patch rolls, and spot reclaims on spot nodes.
    /// </summary>
    /// <param name="kind">What a machine is ("node", "Fargate pod"), for the spot line's words.</param>
    /// <param name="fargate">Pods run on Fargate: upgrades and OS patches recycle the pods themselves.</param>
    public static Disruption Disruption(Scenario s, PathSize size, string kind, bool fargate, bool autoMode, bool spot)
    {
        var upgrades = Math.Max(0, s.KubernetesUpgradesPerYear);
        // Waves: a rolling update takes down up to 25 % of the pods at once, a managed node group one node at a
        // time, Auto Mode up to 10 % of its nodes, Fargate patching one zone's pods (docs/model.md §6.2).
        var nodeWave = RestartWaves.OneMachine(size);
        var upgradeRolls = fargate
                ? Restarts.Roll(DropCauses.KubernetesUpgrades, upgrades / 12, s, size,
                    Format($"{Restarts.PerMonth(upgrades)}: existing Fargate pods keep their old kubelet, so every pod is restarted once per upgrade"), Sources.KubernetesReleaseCadence)
                    with { VmsAtOnce = RestartWaves.RollingUpdate(size), VmsStartedFirst = RestartWaves.RollingUpdateSurge(size) }
                : Restarts.Roll(DropCauses.KubernetesUpgrades, upgrades / 12, s, size,
                    Format($"{Restarts.PerMonth(upgrades)}: each upgrade rolls every node (new AMI for the new version) and restarts every pod once"), Sources.KubernetesReleaseCadence)
                    with { VmsAtOnce = nodeWave, VmsStartedFirst = nodeWave };
        var causes = new List<DropCause>
        {
            Restarts.Deploys(s, size, false, "Rolling update: every pod is replaced once per deploy, closing its connections", Sources.RollingUpdate)
                with { VmsAtOnce = RestartWaves.RollingUpdate(size), VmsStartedFirst = RestartWaves.RollingUpdateSurge(size) },
            upgradeRolls,
        };
        if (autoMode && !fargate)
        {
            var rolls = Math.Max(0, Restarts.AutoModeAmiRollsPerYear - upgrades);
            causes.Add(Restarts.RollAfter(upgradeRolls, DropCauses.AutoModeReplacement, rolls / 12, s, size,
                Format($"Nodes drift to each weekly AMI (expire after {Restarts.AutoModeNodeExpiryHours} h at the latest): {Restarts.AutoModeAmiRollsPerYear:0} rolls a year less the {upgrades:0.##} upgrades = {rolls / 12:0.##} a month; they replace OS/AMI patch rolls"),
                Sources.AutoModeNodeLifetime) with
                {
                    VmsAtOnce = RestartWaves.ShareOfMachines(size, RestartWaves.AutoModeDisruptionBudget),
                    VmsStartedFirst = RestartWaves.ShareOfMachines(size, RestartWaves.AutoModeDisruptionBudget),
                });
        }
        else
        {
            var rolls = Math.Max(0, s.InstanceRefreshesPerYear - upgrades);
            causes.Add(Restarts.RollAfter(upgradeRolls, DropCauses.Patching, rolls / 12, s, size,
                fargate
                    ? Format($"AWS recycles Fargate pods to patch their OS (cadence not published; {s.InstanceRefreshesPerYear:0.##} a year assumed, less the {upgrades:0.##} upgrades that restart every pod anyway) = {rolls / 12:0.##} a month")
                    : Format($"Node AMI update rolls every node: {s.InstanceRefreshesPerYear:0.##} a year less the {upgrades:0.##} upgrades that bring a new AMI anyway = {rolls / 12:0.##} a month"),
                fargate ? Sources.FargatePatching : Sources.InstanceRefresh) with
                {
                    VmsAtOnce = fargate ? RestartWaves.OneZone(s, size) : nodeWave,
                    VmsStartedFirst = fargate ? 0 : nodeWave,
                });
        }

        if (spot)
        {
            causes.Add(Restarts.Spot(s, size, kind) with { VmsAtOnce = nodeWave });
        }

        return new(
            [.. DropCauses.InOrder(causes.Select(c => c.Cause)).Select(name => causes.First(c => c.Cause == name))],
            [new("Pod restart", "p99 ≤ 5 s to start (excl. image pull); crash back-off 10 s → 5 min; 30 s grace period", Sources.PodStartup)]);
    }

    public static IEnumerable<Warning> Warnings(Scenario s, ServicePrices services)
    {
        if (s.SupportTier == SupportTier.Standard && KubernetesSupport.MonthLeavingStandardSupport(s.KubernetesUpgradesPerYear, s.HorizonMonths) is { } month)
        {
            var extended = services.EksExtendedSupportUsdPerHour;
            yield return new("standard-support-lapses", string.Create(CultureInfo.InvariantCulture,
                $"At {s.KubernetesUpgradesPerYear:0.##} Kubernetes upgrades a year the EKS cluster runs a version past its {StandardSupportMonths} months of standard support from month {month}: Kubernetes ships a minor version every {KubernetesSupport.MonthsBetweenMinorReleases} months, and staying in standard support over {s.HorizonMonths} months takes at least {KubernetesSupport.MinimumUpgradesPerYear(s.HorizonMonths)} upgrades a year. Past that, extended support costs ${extended}/h per cluster (${extended * Billing.HoursPerMonth:#,0.00}/month) instead of ${services.EksClusterUsdPerHour}/h; the estimate prices standard support throughout."));
        }
    }

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
