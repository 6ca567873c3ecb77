using System.Globalization;
using CostCalc.Domain.Capacity;
using CostCalc.Domain.Prices;
using CostCalc.Domain.Scenarios;

namespace CostCalc.Domain.Estimation;

/// <summary>
/// ECS on Fargate (docs/model.md §11.4): every BEAM VM is an ECS task of its own, billed at its task size (the
/// smallest supported CPU/memory combination that holds the task's CPU and memory) with nothing added: no 256 MiB
/// for a kubelet, no add-on pods, no control plane. Fargate's rates are EKS on Fargate's; Fargate Spot is a
/// discount you enter. 20 GiB of ephemeral storage come with every task.
/// </summary>
internal sealed class EcsFargatePlan : IPathPlan
{
    /// <summary>Seconds from asking for one more task to it taking connections: Fargate capacity, image pull, BEAM boot (§11.6).</summary>
    public const double ScaleOutSeconds = ScaleOutTime.FargateNodeSeconds + ScaleOutTime.ImagePullSeconds + ScaleOutTime.BeamBootSeconds;

    /// <summary>Fargate's default open-files limit (nofile soft and hard) for a task's containers.</summary>
    public const long DefaultOpenFiles = 65_535;

    private readonly Scenario _scenario;
    private readonly RegionPrices _region;
    private readonly FargateShape? _task;
    private readonly VmResources _vm;

    /// <summary>The spare policy's VMs for the VMs peak needs, made once rather than per sizing.</summary>
    private readonly Func<long, long> _spareVms;

    public EcsFargatePlan(Scenario scenario, RegionPrices region)
    {
        _scenario = scenario;
        _region = region;
        _task = FargateShape.ForEcsTask(scenario.EcsTaskCpuUnits, scenario.EcsTaskMemoryMiB);
        // The task's CPU is the size it is billed at, enforced as a quota: schedulers online follow it (§4.3).
        var cores = _task?.Vcpu ?? 0;
        var schedulers = CpuQuota.SchedulersOnline(Math.Max(1, (int)(cores * 1000)), Math.Max(1, (int)Math.Ceiling(cores)));
        _vm = new VmResources((_task?.MemoryGb ?? 0) * 1024, BeamVm.UsableCores(cores, cores, schedulers), schedulers);
        _spareVms = peak => Spares.SpareVms(scenario, peak, 1);
    }

    public string MachineType => _task is { } task ? Format($"Fargate {task.Vcpu} vCPU / {task.MemoryGb} GB") : "Fargate";

    public string MachineKind => "Fargate task";

    private bool Spot => _scenario.FargateSpotDiscountPercent > 0;

    public PathSize Size(double connections)
    {
        var (tasks, capacity, remote) = DistributionFixedPoint.Solve(connections, _scenario, _vm, _spareVms);
        return new PathSize(tasks, _task is not null && capacity.ConnectionsPerVm > 0 ? tasks : 0, 0, _task is null ? 0 : 1, capacity, remote);
    }

    /// <summary>The day this plan runs at this month's peak: the service's tasks follow the load when autoscaling.</summary>
    public LoadDay Day(PathSize size, double connections) => LoadDay.Of(_scenario, size, connections, this, ScaleOutSeconds);

    /// <summary>One task's hourly price: its vCPU and GB at Fargate's rates, less the Fargate Spot discount when one is entered.</summary>
    private decimal UsdPerHour => _task is { } f
        ? (((decimal)f.Vcpu * _region.Services.FargateUsdPerVcpuHour) + ((decimal)f.MemoryGb * _region.Services.FargateUsdPerGbHour))
          * (1 - ((decimal)_scenario.FargateSpotDiscountPercent / 100))
        : 0;

    public void Cost(PathSize size, double connections, CostSheet sheet)
    {
        var s = _scenario;
        var day = Day(size, connections);
        var name = Spot ? "Fargate Spot tasks" : "Fargate tasks";
        var source = Spot ? Sources.FargateSpot : Sources.FargateEcs;
        var usd = day.MachineHoursPerMonth * UsdPerHour;
        // One branch per detail: a detail written as a ternary would be formatted even on the projection's totals sheet.
        if (day.Autoscaled)
        {
            sheet.Add(CostKind.Compute, name, usd,
                $"{day.MachineHoursPerMonth:#,0} task-hours of {_task?.Vcpu} vCPU / {_task?.MemoryGb} GB at ${UsdPerHour:0.######}/h: {size.Machines:#,0} BEAM tasks at peak, {day.OffPeak.Size.Machines:#,0} off-peak, autoscaled{day.ShapeSuffix}; 20 GiB ephemeral storage included",
                source);
        }
        else
        {
            sheet.Add(CostKind.Compute, name, usd,
                $"{size.Machines:#,0} BEAM task{(size.Machines == 1 ? "" : "s")} of {_task?.Vcpu} vCPU / {_task?.MemoryGb} GB at ${UsdPerHour:0.######}/h × 730 h; 20 GiB ephemeral storage included",
                source);
        }

        EcsService.AddNodeDiscovery(s, day, sheet);
        SharedCosts.Cost(s, _region.Services, day, s.EcsOperationsHoursPerMonth, sheet);
    }

    public ResourceSplit MemorySplit(PathSize size, double connections)
    {
        var s = _scenario;
        var perVm = size.Vms > 0 ? connections / size.Vms : 0;
        var connectionsMiB = perVm * s.MemoryPerConnectionKiB / 1024;
        var provisionedMiB = (_task?.MemoryGb ?? 0) * 1024;
        return new ResourceSplit("Fargate task", "MiB",
        [
            new("BEAM base", s.BeamBaseMemoryMiB),
            new("Connections", connectionsMiB),
            new("Headroom", Math.Max(0, provisionedMiB - s.BeamBaseMemoryMiB - connectionsMiB)),
        ]);
    }

    public ResourceSplit CpuSplit(PathSize size, double connections)
    {
        var perVm = size.Vms > 0 ? connections / size.Vms : 0;
        var work = perVm * BeamVm.CpuMicrosecondsPerConnectionSecond(_scenario, size.RemoteFraction) / 1000;
        var provisioned = (_task?.Vcpu ?? 0) * 1000;
        return new ResourceSplit("Fargate task", "millicores", [new("Connections", work), new("Headroom", Math.Max(0, provisioned - work))]);
    }

    /// <summary>Deploys and AWS's task maintenance replace every task the same way (§11.6); Fargate Spot reclaims tasks.</summary>
    public Disruption Disruption(PathSize size)
    {
        var s = _scenario;
        var deploys = EcsService.Deploys(s, size);
        List<DropCause> causes =
        [
            deploys,
            Restarts.Roll(DropCauses.Patching, s.InstanceRefreshesPerYear / 12, s, size,
                Format($"AWS replaces Fargate tasks to patch them, as a deployment does (cadence not published; {s.InstanceRefreshesPerYear:0.##} a year assumed = {s.InstanceRefreshesPerYear / 12:0.##} a month)"),
                Sources.FargateTaskRetirement) with { VmsAtOnce = deploys.VmsAtOnce, VmsStartedFirst = deploys.VmsStartedFirst },
        ];
        if (Spot)
        {
            causes.Add(Restarts.Spot(s, size, MachineKind) with { VmsAtOnce = 1 });
        }

        var disruption = new Disruption(causes, [EcsService.DeploymentFact]);
        return size.Feasible ? ReconnectStorm.AddTo(ScaleIn.AddTo(disruption, Day(size, s.PeakConnections), MachineKind), s, size) : disruption;
    }

    public string? Survives(PathSize size) => Spares.Survives(_scenario, size, MachineKind);

    public IEnumerable<Warning> Warnings(PathSize size)
    {
        if (Spot)
        {
            yield return new("fargate-spot-estimate", Format(
                $"Fargate Spot is priced at the {_scenario.FargateSpotDiscountPercent:0.##} % discount you entered (AWS publishes only \"up to 70 %\"); Spot tasks can be stopped with 2 minutes' notice."));
        }

        if (_task is null)
        {
            yield return new("ecs-fargate-infeasible", "The task is larger than Fargate's largest size (16 vCPU, 120 GB): lower the task CPU or memory.");
        }
        else if (!size.Feasible)
        {
            yield return new("ecs-fargate-infeasible", Format(
                $"A {_task.Value.Vcpu} vCPU / {_task.Value.MemoryGb} GB Fargate task holds no connection: after BEAM base memory too little is left. Raise the task memory."));
        }
        else if (size.Capacity.ConnectionsPerVm > DefaultOpenFiles)
        {
            yield return new("ecs-fargate-open-files", Format(
                $"A Fargate task holds up to {size.Capacity.ConnectionsPerVm:#,0} connections, more than Fargate's default open-files limit of {DefaultOpenFiles:#,0}: set a nofile ulimit in the task definition (Fargate allows up to 1,048,576)."));
        }
    }

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
