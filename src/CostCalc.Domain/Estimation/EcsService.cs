using System.Globalization;
using CostCalc.Domain.Scenarios;

namespace CostCalc.Domain.Estimation;

/// <summary>
/// What an ECS service has on EC2 and on Fargate alike (docs/model.md §11): no control-plane fee, rolling
/// deployments under the minimum healthy and maximum percents, and how the BEAM nodes find each other.
/// </summary>
public static class EcsService
{
    /// <summary>AWS Cloud Map: $0.10 per registered resource (a task) a month (the AWSCloudMap price list).</summary>
    public const decimal CloudMapUsdPerInstanceMonth = 0.10m;

    /// <summary>
    /// One rolling deployment's wave: ECS may run ⌊VMs × maximum % ⌋ tasks, so it starts that many less VMs new
    /// tasks first, and it may stop old tasks down to ⌈VMs × minimum healthy %⌉. Once the new tasks are healthy it
    /// deregisters and stops as many old ones as it can: the surge plus what it may go below the desired count
    /// (100 % / 200 %: every VM at once, onto as many new ones). At least one task moves, so a deployment ends.
    /// </summary>
    public static (long AtOnce, long StartedFirst) DeploymentWave(Scenario s, PathSize size)
    {
        ArgumentNullException.ThrowIfNull(s);
        var vms = Math.Max(0, size.Vms);
        var surge = Math.Max(0, (long)Math.Floor((vms * s.EcsMaximumPercent / 100) + 1e-9) - vms);
        var belowDesired = Math.Max(0, vms - (long)Math.Ceiling((vms * s.EcsMinimumHealthyPercent / 100) - 1e-9));
        return (Math.Clamp(surge + belowDesired, 1, Math.Max(1, vms)), Math.Min(surge, vms));
    }

    /// <summary>Deploys replace every task once: each replaced task is deregistered, then stopped, so its connections drop.</summary>
    internal static DropCause Deploys(Scenario s, PathSize size)
    {
        ArgumentNullException.ThrowIfNull(s);
        var (atOnce, first) = DeploymentWave(s, size);
        return Restarts.Deploys(s, size, false,
            Format($"Rolling deployment ({s.EcsMinimumHealthyPercent:0.##} % minimum healthy, {s.EcsMaximumPercent:0.##} % maximum): {first:#,0} new task{(first == 1 ? "" : "s")} started first, then {atOnce:#,0} old task{(atOnce == 1 ? "" : "s")} deregistered and stopped at once; every connection of a replaced task drops once"),
            Sources.EcsRollingDeployment) with { VmsAtOnce = atOnce, VmsStartedFirst = first };
    }

    /// <summary>
    /// Tasks registered in Cloud Map over the month (with autoscaling, the day's average BEAM VMs), and their price;
    /// nothing when the nodes find each other through the ECS API.
    /// </summary>
    internal static void AddNodeDiscovery(Scenario s, LoadDay day, CostSheet sheet)
    {
        if (s.EcsNodeDiscovery != EcsNodeDiscovery.CloudMap)
        {
            return;
        }

        var tasks = day.Average(0, static (_, p) => (double)p.Size.Vms);
        sheet.Add(CostKind.ServiceDiscovery, "Cloud Map service discovery", (decimal)tasks * CloudMapUsdPerInstanceMonth,
            $"{tasks:#,0.##}{(day.Autoscaled ? " average" : "")} registered task{(tasks == 1 ? "" : "s")} × ${CloudMapUsdPerInstanceMonth}/month (DNS records the BEAM nodes poll to find each other)",
            Sources.CloudMap);
    }

    /// <summary>The facts every ECS path shows beside its restarts.</summary>
    public static Fact DeploymentFact { get; } = new("Task replacement",
        "A replaced task is deregistered from its target group before it is stopped; its connections stay until the deregistration delay (300 s by default) ends or the task stops (stop timeout 30 s by default)",
        Sources.EcsRollingDeployment);

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
