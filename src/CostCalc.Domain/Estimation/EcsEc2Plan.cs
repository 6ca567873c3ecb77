using System.Globalization;
using CostCalc.Domain.Capacity;
using CostCalc.Domain.Catalog;
using CostCalc.Domain.Prices;
using CostCalc.Domain.Scenarios;

namespace CostCalc.Domain.Estimation;

/// <summary>
/// ECS on EC2 (docs/model.md §11): the BEAM release runs as an ECS task on container instances, one task per
/// instance by default or fixed-size tasks packed onto them. The instance runs what a plain EC2 instance runs (OS,
/// host agents) plus the ECS agent and the container runtime; ECS reserves no CPU, and no memory unless
/// ECS_RESERVED_MEMORY is set. There is no control-plane fee. The network mode limits the tasks an instance runs.
/// </summary>
internal sealed class EcsEc2Plan : IPathPlan
{
    /// <summary>Seconds from asking for one more instance to its task taking connections: launch, image pull, BEAM boot (§11.6).</summary>
    public const double ScaleOutSeconds = ScaleOutTime.Ec2InstanceSeconds + ScaleOutTime.ImagePullSeconds + ScaleOutTime.BeamBootSeconds;

    private readonly Scenario _scenario;
    private readonly RegionPrices _region;
    private readonly InstanceType _type;
    private readonly decimal _usdPerHour;
    private readonly bool _priceFellBack;
    private readonly VmResources _vm;

    /// <summary>The spare policy's VMs for the VMs peak needs, made once rather than per sizing.</summary>
    private readonly Func<long, long> _spareVms;
    private readonly long _tasksPerInstance;
    private readonly long _networkLimit;
    private readonly long _tasksByResources;

    public EcsEc2Plan(Scenario scenario, RegionPrices region, InstanceType type)
    {
        _scenario = scenario;
        _region = region;
        _type = type;
        var s = scenario;
        (_usdPerHour, _priceFellBack) = Billing.HourlyPrice(region.Find(type.Name)!, s.EcsPurchaseOption);
        var freeCores = Math.Max(0, type.SustainedVcpus(s.BurstableUnlimited) - ((s.HostAgentCpuMillicores + s.EcsAgentCpuMillicores) / 1000.0));
        _networkLimit = EcsTaskNetwork.TaskLimit(type, s.EcsNetworkMode);

        // What the instance registers for placement: MemTotal less ECS_RESERVED_MEMORY, and vCPUs × 1,024 CPU units;
        // the host agents run as daemon tasks and reserve what they ask for.
        var visibleMiB = VmMemoryOverhead.VisibleMiB(type);
        var registeredMiB = visibleMiB - s.EcsReservedMemoryMiB - s.HostAgentMemoryMiB;
        var registeredUnits = (type.Vcpu * 1024.0) - (s.HostAgentCpuMillicores * 1024.0 / 1000);
        if (s.EcsTaskLayout == EcsTaskLayout.OneTaskPerInstance)
        {
            // The task reserves what is registered; the BEAM VM can use what the OS, agents and ECS's own agent leave.
            var memory = Math.Max(0, Math.Min(visibleMiB - s.OsMemoryMiB - s.HostAgentMemoryMiB - s.EcsAgentMemoryMiB, registeredMiB));
            _tasksByResources = registeredMiB > 0 ? 1 : 0;
            _tasksPerInstance = Math.Min(_networkLimit, _tasksByResources);
            _vm = new VmResources(memory, freeCores, type.Vcpu);
        }
        else
        {
            var byCpu = (long)Math.Floor(Math.Max(0, registeredUnits) / s.EcsTaskCpuUnits);
            var byMemory = (long)Math.Floor(Math.Max(0, registeredMiB) / (double)s.EcsTaskMemoryMiB);
            _tasksByResources = Math.Min(byCpu, byMemory);
            _tasksPerInstance = Math.Max(0, Math.Min(_networkLimit, _tasksByResources));

            // The agent enforces the task-level CPU as a CFS quota: schedulers online follow it (§4.3), and a task
            // uses no more than its share of the instance's free CPU.
            var limitMillicores = (int)Math.Min(int.MaxValue, s.EcsTaskCpuUnits * 1000L / 1024);
            var schedulers = CpuQuota.SchedulersOnline(Math.Max(1, limitMillicores), type.Vcpu);
            var share = _tasksPerInstance > 0 ? freeCores / _tasksPerInstance : 0;
            _vm = new VmResources(s.EcsTaskMemoryMiB, BeamVm.UsableCores(share, s.EcsTaskCpuUnits / 1024.0, schedulers), schedulers);
        }

        var perInstance = Math.Max(1, _tasksPerInstance);
        _spareVms = peak => Spares.SpareVms(scenario, peak, perInstance);
    }

    public string MachineType => _type.Name;

    public string MachineKind => "instance";

    private bool OneTask => _scenario.EcsTaskLayout == EcsTaskLayout.OneTaskPerInstance;

    public PathSize Size(double connections)
    {
        var (tasks, capacity, remote) = DistributionFixedPoint.Solve(connections, _scenario, _vm, _spareVms);
        var instances = _tasksPerInstance > 0 && capacity.ConnectionsPerVm > 0 ? (tasks + _tasksPerInstance - 1) / _tasksPerInstance : 0;
        return new PathSize(tasks, instances, 0, _tasksPerInstance, capacity, remote);
    }

    /// <summary>The day this plan runs at this month's peak: instances follow the load when autoscaling (a capacity provider's Auto Scaling group).</summary>
    public LoadDay Day(PathSize size, double connections) => LoadDay.Of(_scenario, size, connections, this, ScaleOutSeconds);

    public void Cost(PathSize size, double connections, CostSheet sheet)
    {
        var s = _scenario;
        var services = _region.Services;
        var day = Day(size, connections);
        SharedCosts.AddMachines(sheet, "ECS container instances", "instance", _type.Name, _usdPerHour, s.EcsPurchaseOption, day);
        if (_type.IsBurstable && s.BurstableUnlimited)
        {
            sheet.Add(CostKind.CpuCredits, "CPU credits (unlimited)",
                day.Sum(p => Billing.CpuCreditsPerHour(s.BurstableUnlimited, _type, services, p.Size.Machines, CoresPerMachine(p.Size, p.Connections))),
                $"{CoresPerMachine(size, connections):0.##} cores busy per instance{(day.Flat ? "" : " at peak")} vs a {_type.BurstableBaselinePerVcpu * _type.Vcpu:0.##}-core baseline{day.ShapeSuffix}", Sources.CpuCredits);
        }

        sheet.Add(CostKind.Storage, "EBS gp3 root volumes", Ec2Plan.Volumes(day, size) * s.EcsRootVolumeGiB * _region.Gp3.UsdPerGbMonth,
            $"{Ec2Plan.Volumes(day, size):#,0.##}{(day.Autoscaled ? " average" : "")} × {s.EcsRootVolumeGiB} GiB at ${_region.Gp3.UsdPerGbMonth}/GB-month", Sources.Gp3);
        EcsService.AddNodeDiscovery(s, day, sheet);
        SharedCosts.Cost(s, services, day, s.EcsOperationsHoursPerMonth, sheet);
    }

    /// <summary>Cores one instance keeps busy: its tasks' share of the connections' work, the host agents and ECS's agent.</summary>
    private double CoresPerMachine(PathSize size, double connections) =>
        size.Machines <= 0 ? 0
            : (BeamVm.CoresUsed(_scenario, connections, size.RemoteFraction) / size.Machines)
              + ((_scenario.HostAgentCpuMillicores + _scenario.EcsAgentCpuMillicores) / 1000.0);

    /// <summary>Deploys replace every task (§11.6), instance refreshes replace every instance, spot reclaims one.</summary>
    public Disruption Disruption(PathSize size)
    {
        var s = _scenario;
        List<DropCause> causes =
        [
            EcsService.Deploys(s, size),
            Restarts.Roll(DropCauses.Patching, s.InstanceRefreshesPerYear / 12, s, size,
                "Instance refresh to a new ECS-optimized AMI replaces every container instance: " + Restarts.PerMonth(s.InstanceRefreshesPerYear),
                Sources.InstanceRefresh) with { VmsAtOnce = RestartWaves.ShareOfMachines(size, RestartWaves.InstanceRefreshShare) },
        ];
        if (s.EcsPurchaseOption == PurchaseOption.Spot)
        {
            causes.Add(Restarts.Spot(s, size, MachineKind) with { VmsAtOnce = RestartWaves.OneMachine(size) });
        }

        var disruption = new Disruption(causes, [EcsService.DeploymentFact]);
        return size.Feasible ? ReconnectStorm.AddTo(ScaleIn.AddTo(disruption, Day(size, s.PeakConnections), MachineKind), s, size) : disruption;
    }

    public string? Survives(PathSize size) => Spares.Survives(_scenario, size, MachineKind);

    public ResourceSplit MemorySplit(PathSize size, double connections)
    {
        var s = _scenario;
        var perVm = size.Vms > 0 ? connections / size.Vms : 0;
        var tasks = Math.Max(1, size.VmsPerMachine);
        var connectionsMiB = perVm * tasks * s.MemoryPerConnectionKiB / 1024;
        var overhead = VmMemoryOverhead.CmaReserveMiB(_type) + VmMemoryOverhead.HypervisorMiB(_type);
        var used = overhead + s.OsMemoryMiB + s.HostAgentMemoryMiB + s.EcsAgentMemoryMiB + (tasks * s.BeamBaseMemoryMiB) + connectionsMiB;
        return new ResourceSplit(_type.Name, "MiB",
        [
            new("VM overhead", overhead),
            new("OS", s.OsMemoryMiB),
            new("Host agents", s.HostAgentMemoryMiB),
            new("ECS agent and container runtime", s.EcsAgentMemoryMiB),
            new("BEAM base", tasks * s.BeamBaseMemoryMiB),
            new("Connections", connectionsMiB),
            new("Headroom", Math.Max(0, _type.MemoryMiB - used)),
        ]);
    }

    public ResourceSplit CpuSplit(PathSize size, double connections)
    {
        var perVm = size.Vms > 0 ? connections / size.Vms : 0;
        var tasks = Math.Max(1, size.VmsPerMachine);
        var work = perVm * tasks * BeamVm.CpuMicrosecondsPerConnectionSecond(_scenario, size.RemoteFraction) / 1000;
        var total = _type.Vcpu * 1000.0;
        var agents = Math.Min(_scenario.HostAgentCpuMillicores, total);
        var ecs = Math.Min(_scenario.EcsAgentCpuMillicores, total - agents);
        return new ResourceSplit(_type.Name, "millicores",
        [
            new("Host agents", agents),
            new("ECS agent and container runtime", ecs),
            new("Connections", Math.Min(work, total - agents - ecs)),
            new("Headroom", Math.Max(0, total - agents - ecs - work)),
        ]);
    }

    public IEnumerable<Warning> Warnings(PathSize size)
    {
        var s = _scenario;
        if (_priceFellBack)
        {
            yield return new("ecs-ec2-price-fallback",
                $"{_type.Name} has no {ScenarioChoices.Label(s.EcsPurchaseOption)} price in {_region.Region.Code}; on-demand is used.");
        }

        if (_type.BurstableBaselinePerVcpu is { } baseline && !s.BurstableUnlimited)
        {
            yield return new("ecs-ec2-burstable-baseline", Format(
                $"{_type.Name} is burstable: ECS on EC2 uses only its {baseline:P1} baseline per vCPU. Allow unlimited credits to use more (costed)."));
        }

        if (s.EcsPurchaseOption == PurchaseOption.Spot)
        {
            yield return Ec2Plan.Spot;
        }

        if (!OneTask && _tasksPerInstance > 0 && _networkLimit < _tasksByResources)
        {
            var trunk = EcsTaskNetwork.TrunkingLimit(_type);
            yield return new("ecs-ec2-network-limit", Format(
                $"The {ScenarioChoices.Label(s.EcsNetworkMode)} network mode limits {_type.Name} to {_tasksPerInstance:#,0} task{(_tasksPerInstance == 1 ? "" : "s")} though its CPU and memory would place {_tasksByResources:#,0}{(s.EcsNetworkMode == EcsNetworkMode.Awsvpc && trunk is { } t ? $": ENI trunking raises the limit to {t:#,0}" : "")}."));
        }

        if (!OneTask && _tasksPerInstance > 0)
        {
            var needed = (_tasksPerInstance * (double)s.EcsTaskMemoryMiB) + s.OsMemoryMiB + s.EcsAgentMemoryMiB;
            var room = VmMemoryOverhead.VisibleMiB(_type) - s.HostAgentMemoryMiB;
            if (needed > room)
            {
                yield return new("ecs-ec2-memory-overcommitted", Format(
                    $"{_tasksPerInstance:#,0} tasks of {s.EcsTaskMemoryMiB:#,0} MiB fill what {_type.Name} registers, but the OS ({s.OsMemoryMiB:#,0} MiB) and the ECS agent and runtime ({s.EcsAgentMemoryMiB:#,0} MiB) use memory ECS does not reserve: set ECS_RESERVED_MEMORY to at least {s.OsMemoryMiB + s.EcsAgentMemoryMiB:#,0} MiB or make the tasks smaller, or the tasks can run out of memory."));
            }
        }

        if (!size.Feasible)
        {
            yield return new("ecs-ec2-infeasible", _tasksPerInstance <= 0
                ? $"No BEAM task fits on {_type.Name}: its registered CPU and memory, after the host agents, hold no task of this size, or the network mode allows none. Choose a larger instance type or a smaller task."
                : _vm.CpuCores <= 0 && s.MessagesPerConnectionPerSecond > 0
                    ? $"A BEAM task on {_type.Name} gets no CPU after the host agents and the ECS agent: choose a larger instance type or lower their CPU."
                    : $"A BEAM task on {_type.Name} holds no connection: after VM overhead, OS, host agents, the ECS agent and BEAM base too little memory is left. Choose a larger instance type.");
        }
    }

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
