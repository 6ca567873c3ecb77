using System.Collections.Frozen;

namespace CostCalc.Domain.Scenarios;

/// <summary>
/// Which section of the model document (docs/model.md) explains each <see cref="Sources"/> citation, so a
/// source shown in the UI can link to its full text on the app's "Model &amp; sources" page. A section is
/// the number of its heading: "1.1" for "### 1.1 EKS control plane", "6" for "## 6. Deploys and restarts".
/// </summary>
public static class SourceSections
{
    // Each citation goes to the section that holds its figure and the figure's source; a computed cost
    // goes to where its price is cited, not to the formula that adds it up (§7).
    private static readonly FrozenDictionary<string, string> SectionBySource = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        { Sources.ControlPlane, "1.1" },
        { Sources.SupportWindow, "1.1" },
        { Sources.AutoMode, "1.2" },
        { Sources.AutoModeFeeList, "1.2" },
        { Sources.Fargate, "1.3" },
        { Sources.Alb, "1.4" },
        { Sources.Nlb, "1.4" },
        { Sources.TlsHandshake, "7.7" },
        { Sources.ConnectionSetup, "6.2" },
        { Sources.ReconnectBackoff, "6.2" },
        { Sources.Nat, "1.4" },
        { Sources.CrossAz, "1.4" },
        { Sources.InternetEgress, "1.4" },
        { Sources.Gp3, "1.4" },
        { Sources.KubeReserved, "2.1" },
        { Sources.Eviction, "2.1" },
        { Sources.MaxPodsEni, "2.2" },
        { Sources.MaxPodsPrefix, "2.2" },
        { Sources.MaxPodsKubelet, "2.2" },
        { Sources.KarpenterVmOverhead, "2.3" },
        { Sources.HostAgents, "2.5" },
        { Sources.NodeComponents, "2.5" },
        { Sources.ClusterAddOns, "2.5" },
        { Sources.WhatsApp2012, "4.1" },
        { Sources.BeamReleaseFootprint, "4.2" },
        { Sources.SchedulersQuota, "4.3" },
        { Sources.BusyWait, "4.4" },
        { Sources.Throttling, "4.4" },
        { Sources.CpuPerMessage, "4.5" },
        { Sources.DiscordRemoteSend, "4.5" },
        { Sources.Mesh, "4.6" },
        { Sources.BurstableBaseline, "5.2" },
        { Sources.CpuCredits, "5.3" },
        { Sources.InstancePrices, "5.4" },
        { Sources.SpotAdvisor, "5.4" },
        { Sources.HoursPerMonth, "5.5" },
        { Sources.PodStartup, "6" },
        { Sources.InstanceRefresh, "6.1" },
        { Sources.KubernetesReleaseCadence, "6.1" },
        { Sources.AutoModeNodeLifetime, "6.1" },
        { Sources.FargatePatching, "6.1" },
        { Sources.SpotInterruptions, "6.1" },
        { Sources.HotCodeUpgrade, "6" },
        { Sources.RollingUpdate, "6" },
        { Sources.RollingRestart, "6" },
        { Sources.OsMemory, "7.1" },
        { Sources.SystemNodes, "7.3" },
        { Sources.Availability, "7.6" },
        { Sources.SparePolicy, "7.6" },
        { Sources.ClientBytes, "7.7" },
        { Sources.LoadShape, "7.10" },
        { Sources.OffPeakLoad, "7.10" },
        { Sources.Ramp, "7.11" },
        { Sources.ScaleOut, "7.11" },
        { Sources.ScaleInDrain, "7.12" },
        { Sources.EcsOrchestration, "11.1" },
        { Sources.EcsReservedMemory, "11.2" },
        { Sources.EcsAgentFootprint, "11.2" },
        { Sources.EcsOptimizedAmiVolume, "11.2" },
        { Sources.EcsTaskSize, "11.2" },
        { Sources.EcsTaskNetworking, "11.3" },
        { Sources.FargateEcs, "11.4" },
        { Sources.FargateSpot, "11.4" },
        { Sources.FargateTaskRetirement, "11.6" },
        { Sources.EcsRollingDeployment, "11.6" },
        { Sources.EcsScaleOut, "11.6" },
        { Sources.CloudMap, "11.5" },
        // Generic "measure yours" figures, and planning choices: the defaults table lists each with its tag.
        { Sources.YourDiscount, "10" },
        { Sources.YourSavingsPlan, "10" },
        { Sources.YourRates, "10" },
        { Sources.Assumption, "8" },
        { Sources.TargetUtilisation, "8" },
        { Sources.EksRootVolume, "8" },
        { Sources.SensitivityBand, "8.1" },
        { Sources.SensitivityMemoryPerConnection, "8.1" },
        { Sources.SensitivityPoints, "8.1" },
        { Sources.SensitivityOperations, "8.1" },
        { Sources.SensitivityPurchaseOption, "8.1" },
        { Sources.PresetPhoenixChat, "8.2" },
        { Sources.PresetLiveView, "8.2" },
        { Sources.PresetMqtt, "8.2" },
        { Sources.PresetSmall, "8.2" },
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The model section ("1.1", "6") that explains a source, or null for text that is not one of <see cref="Sources"/>.</summary>
    public static string? SectionOf(string source) => SectionBySource.GetValueOrDefault(source);

    /// <summary>
    /// The HTML id of a section's heading on the model page: "1.1" → "s1-1", "6" → "s6". Ids start with a
    /// letter so they are valid CSS selectors too.
    /// </summary>
    public static string Anchor(string section)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(section);
        return "s" + section.Replace('.', '-');
    }
}
