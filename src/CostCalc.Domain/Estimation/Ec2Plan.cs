using System.Globalization;
using CostCalc.Domain.Capacity;
using CostCalc.Domain.Catalog;
using CostCalc.Domain.Prices;
using CostCalc.Domain.Scenarios;

namespace CostCalc.Domain.Estimation;

/// <summary>
/// Plain EC2: one BEAM VM per instance, using the memory and CPU left after the VM overhead, the OS
/// and the host agents every machine runs.
/// </summary>
internal sealed class Ec2Plan : IPathPlan
{
    private readonly Scenario _scenario;
    private readonly RegionPrices _region;
    private readonly InstanceType _type;
    private readonly decimal _usdPerHour;
    private readonly bool _priceFellBack;
    private readonly VmResources _vm;

    /// <summary>The spare policy's VMs for the VMs peak needs, made once rather than per sizing.</summary>
    private readonly Func<long, long> _spareVms;

    public Ec2Plan(Scenario scenario, RegionPrices region, InstanceType type)
    {
        _scenario = scenario;
        _region = region;
        _type = type;
        (_usdPerHour, _priceFellBack) = Billing.HourlyPrice(region.Find(type.Name)!, scenario.Ec2PurchaseOption);
        var cores = Math.Max(0, type.SustainedVcpus(scenario.BurstableUnlimited) - (scenario.HostAgentCpuMillicores / 1000.0));
        _vm = new VmResources(Math.Max(0, VmMemoryOverhead.VisibleMiB(type) - scenario.OsMemoryMiB - scenario.HostAgentMemoryMiB), cores, type.Vcpu);
        _spareVms = peak => Spares.SpareVms(scenario, peak, 1);
    }

    public string MachineType => _type.Name;

    public string MachineKind => "instance";

    public PathSize Size(double connections)
    {
        var (vms, capacity, remote) = DistributionFixedPoint.Solve(connections, _scenario, _vm, _spareVms);
        return new PathSize(vms, capacity.ConnectionsPerVm > 0 ? vms : 0, 0, 1, capacity, remote);
    }

    public decimal MachineHoursPerMonth(PathSize size, double connections) => Day(size, connections).MachineHoursPerMonth;

    /// <summary>The day this plan runs at this month's peak: machines follow the load when autoscaling (an Auto Scaling group).</summary>
    public LoadDay Day(PathSize size, double connections) => LoadDay.Of(_scenario, size, connections, this, ScaleOutTime.Ec2);

    public void Cost(PathSize size, double connections, CostSheet sheet)
    {
        var s = _scenario;
        var services = _region.Services;
        var day = Day(size, connections);
        var adjustments = sheet.IsItemised ? _region.Adjustments : null;
        SharedCosts.AddMachines(sheet, "EC2 instances", "instance", _type.Name, _usdPerHour, s.Ec2PurchaseOption, day, adjustments);
        if (_type.IsBurstable && s.BurstableUnlimited)
        {
            var busy = CoresPerMachine(size, connections);
            sheet.Add(CostKind.CpuCredits, "CPU credits (unlimited)",
                day.Sum(p => Billing.CpuCreditsPerHour(s.BurstableUnlimited, _type, services, p.Size.Machines, CoresPerMachine(p.Size, p.Connections))),
                $"{busy:0.##} cores busy per instance{(day.Flat ? "" : " at peak")} vs a {_type.BurstableBaselinePerVcpu * _type.Vcpu:0.##}-core baseline{day.ShapeSuffix}", Sources.CpuCredits,
                adjustments?.Note(PriceFamily.Ec2, SharedCosts.CreditRates(_type)));
        }

        sheet.Add(CostKind.Storage, "EBS gp3 root volumes", Volumes(day, size) * s.Ec2RootVolumeGiB * _region.Gp3.UsdPerGbMonth,
            $"{Volumes(day, size):#,0.##}{(day.Autoscaled ? " average" : "")} × {s.Ec2RootVolumeGiB} GiB at ${_region.Gp3.UsdPerGbMonth}/GB-month", Sources.Gp3,
            adjustments?.Note(PriceFamily.None, SharedCosts.Gp3Rates));
        SharedCosts.Cost(s, services, day, s.Ec2OperationsHoursPerMonth, sheet, adjustments);
    }

    /// <summary>Volumes billed for the month: the fleet, or with autoscaling the average fleet (volumes go with their instances).</summary>
    internal static decimal Volumes(LoadDay day, PathSize size) => day.Autoscaled ? day.AverageMachines : size.Machines;

    /// <summary>Cores one instance keeps busy: its share of the connections' work plus the host agents.</summary>
    private double CoresPerMachine(PathSize size, double connections) =>
        size.Machines <= 0 ? 0
            : (BeamVm.CoresUsed(_scenario, connections, size.RemoteFraction) / size.Machines) + (_scenario.HostAgentCpuMillicores / 1000.0);

    /// <summary>Deploys (none with hot code upgrades), instance refreshes to new AMIs, and spot reclaims (docs/model.md §6).</summary>
    public Disruption Disruption(PathSize size)
    {
        var s = _scenario;
        var hot = s.Ec2DeployMethod == Ec2DeployMethod.HotCodeUpgrade;
        List<DropCause> causes =
        [
            Restarts.Deploys(s, size, hot,
                hot ? "Hot code upgrade: processes and sockets stay up" : "Rolling restart: each instance restarts once per deploy, closing its connections",
                hot ? Sources.HotCodeUpgrade : Sources.RollingRestart) with { VmsAtOnce = hot ? 0 : RestartWaves.OneMachine(size) },
            Restarts.Roll(DropCauses.Patching, s.InstanceRefreshesPerYear / 12, s, size,
                "Instance refresh to a new AMI replaces every instance: " + Restarts.PerMonth(s.InstanceRefreshesPerYear) + (hot ? " (a hot code upgrade does not patch the OS)" : ""),
                Sources.InstanceRefresh) with { VmsAtOnce = RestartWaves.ShareOfMachines(size, RestartWaves.InstanceRefreshShare) },
        ];
        if (s.Ec2PurchaseOption == PurchaseOption.Spot)
        {
            causes.Add(Restarts.Spot(s, size, MachineKind) with { VmsAtOnce = RestartWaves.OneMachine(size) });
        }

        var disruption = new Disruption(causes, []);
        return size.Feasible ? ReconnectStorm.AddTo(ScaleIn.AddTo(disruption, Day(size, s.PeakConnections), MachineKind), s, size) : disruption;
    }

    public string? Survives(PathSize size) => Spares.Survives(_scenario, size, MachineKind);

    public decimal MachineUsdPerHour => _usdPerHour;

    /// <summary>
    /// EC2's one reason of its own: the OS memory (an assumption) an instance keeps besides the VM overhead and the host
    /// agents every path pays alike; on EKS the kubelet reservation stands in its place (model.md §7.13).
    /// </summary>
    public IReadOnlyList<BridgeReason> BridgeReasons() => _scenario.OsMemoryMiB <= 0
        ? []
        : [new("OS memory", string.Create(CultureInfo.InvariantCulture, $"the OS keeps {_scenario.OsMemoryMiB:#,0} MiB of every {_type.Name} instance (an assumption)"),
            new Ec2Plan(_scenario with { OsMemoryMiB = 0 }, _region, _type))];

    public ResourceSplit MemorySplit(PathSize size, double connections)
    {
        var perVm = size.Vms > 0 ? connections / size.Vms : 0;
        var connectionsMiB = perVm * _scenario.MemoryPerConnectionKiB / 1024;
        var used = VmMemoryOverhead.CmaReserveMiB(_type) + VmMemoryOverhead.HypervisorMiB(_type)
            + _scenario.OsMemoryMiB + _scenario.HostAgentMemoryMiB + _scenario.BeamBaseMemoryMiB + connectionsMiB;
        return new ResourceSplit(_type.Name, "MiB",
        [
            new("VM overhead", VmMemoryOverhead.CmaReserveMiB(_type) + VmMemoryOverhead.HypervisorMiB(_type)),
            new("OS", _scenario.OsMemoryMiB),
            new("Host agents", _scenario.HostAgentMemoryMiB),
            new("BEAM base", _scenario.BeamBaseMemoryMiB),
            new("Connections", connectionsMiB),
            new("Headroom", Math.Max(0, _type.MemoryMiB - used)),
        ]);
    }

    public ResourceSplit CpuSplit(PathSize size, double connections)
    {
        var perVm = size.Vms > 0 ? connections / size.Vms : 0;
        var work = perVm * BeamVm.CpuMicrosecondsPerConnectionSecond(_scenario, size.RemoteFraction) / 1000;
        var total = _type.Vcpu * 1000.0;
        var agents = Math.Min(_scenario.HostAgentCpuMillicores, total);
        return new ResourceSplit(_type.Name, "millicores",
        [
            new("Host agents", agents),
            new("Connections", Math.Min(work, total - agents)),
            new("Headroom", Math.Max(0, total - agents - work)),
        ]);
    }

    public IEnumerable<Warning> Warnings(PathSize size)
    {
        if (_priceFellBack)
        {
            yield return new("ec2-price-fallback",
                $"{_type.Name} has no {ScenarioChoices.Label(_scenario.Ec2PurchaseOption)} price in {_region.Region.Code}; on-demand is used.");
        }

        if (_type.BurstableBaselinePerVcpu is { } baseline && !_scenario.BurstableUnlimited)
        {
            yield return new("ec2-burstable-baseline", string.Create(CultureInfo.InvariantCulture,
                $"{_type.Name} is burstable: the estimate uses only its {baseline:P1} baseline per vCPU. Allow unlimited credits to use more (costed)."));
        }

        if (_scenario.Ec2PurchaseOption == PurchaseOption.Spot)
        {
            yield return Spot;
        }

        if (!size.Feasible)
        {
            yield return new("ec2-infeasible", _vm.CpuCores <= 0 && _scenario.MessagesPerConnectionPerSecond > 0
                ? $"A BEAM VM on {_type.Name} gets no CPU after the host agents: choose a larger instance type or lower the host agents' CPU."
                : $"A BEAM VM on {_type.Name} holds no connection: after VM overhead, OS, host agents and BEAM base too little memory is left. Choose a larger instance type.");
        }
    }

    public static Warning Spot { get; } = new("spot-estimate",
        "Spot prices are estimated from the Spot Advisor's average saving; spot capacity can be reclaimed with 2 minutes' notice.");
}
