using CostCalc.Domain.Catalog;
using CostCalc.Domain.Prices;
using CostCalc.Domain.Scenarios;

namespace CostCalc.Domain.Estimation;

/// <summary>
/// One way to run the service (plain EC2, EKS on nodes, EKS on Fargate, …): an id for URLs, JSON
/// and saved reports, a display name, and how to plan it for a scenario. Everything after the plan
/// (estimate, projection, verdict, views) works over a list of these.
/// </summary>
/// <param name="Id">Stable lower-case id, e.g. "ec2", "eks", "eks-fargate".</param>
/// <param name="Name">Display name, e.g. "EKS on Fargate".</param>
/// <param name="Plan">Prepares the path for a scenario that passed validation.</param>
/// <param name="MachineTypeField">
/// The scenario input that names this path's instance type (for the ranking), or null when the path
/// has no instance type to choose.
/// </param>
public sealed record DeploymentPath(
    string Id,
    string Name,
    Func<Scenario, RegionPrices, InstanceCatalog, IPathPlan> Plan,
    ScenarioChoice? MachineTypeField = null);

/// <summary>One deployment path, prepared once per scenario and sized for any connection count.</summary>
public interface IPathPlan
{
    /// <summary>What one machine is, e.g. "m6i.large" or "Fargate 1 vCPU / 4 GB".</summary>
    string MachineType { get; }

    /// <summary>"instance", "node", "Fargate pod".</summary>
    string MachineKind { get; }

    PathSize Size(double connections);

    /// <summary>Writes every monthly cost of the path at this size into <paramref name="sheet"/>, in one pass.</summary>
    void Cost(PathSize size, double connections, CostSheet sheet);

    ResourceSplit MemorySplit(PathSize size, double connections);

    ResourceSplit CpuSplit(PathSize size, double connections);

    IEnumerable<Warning> Warnings(PathSize size);

    /// <summary>What deploys and restarts do to this path's connections.</summary>
    Disruption Disruption(PathSize size);

    /// <summary>
    /// Machine-hours (instances, nodes, Fargate pods) billed in a month at this size, for costs charged per
    /// machine-month: the fleet × 730 h, or what the day's load shape runs when machines follow it.
    /// </summary>
    decimal MachineHoursPerMonth(PathSize size, double connections) => size.Machines * Billing.HoursPerMonth;

    /// <summary>What losses the plan keeps peak capacity through, e.g. "survives losing 1 node"; null when it cannot run.</summary>
    string? Survives(PathSize size) => null;

    /// <summary>
    /// What one machine-hour of the compute line costs (an instance's, a node's or a Fargate pod's price), for the
    /// cost bridge's machine-price bar; 0 when the path's compute has no single hourly price.
    /// </summary>
    decimal MachineUsdPerHour => 0;

    /// <summary>
    /// For the cost bridge (<see cref="CostBridge"/>, docs/model.md §7.13): the reasons this path's compute costs more than
    /// one BEAM VM per bare machine of its type at its billed price, in order, each with a plan that has that reason and
    /// every one before it removed. Only the compute line of those plans is read. Empty when the path has none.
    /// </summary>
    IReadOnlyList<BridgeReason> BridgeReasons() => [];
}

/// <summary>One reason a path's compute costs more than a bare machine, and the path planned without it (and the reasons before it).</summary>
/// <param name="Name">What an SRE calls it: "Kubelet reservation", "Kubernetes DaemonSets", "Fargate's 256 MiB".</param>
/// <param name="What">The reason's figures in words, e.g. "kube-reserved 574 MiB and 70m CPU per m6i.large node".</param>
/// <param name="Without">The path planned with this reason removed, and every reason listed before it.</param>
public sealed record BridgeReason(string Name, string What, IPathPlan Without);
