using System.Globalization;
using CostCalc.Domain.Capacity;
using CostCalc.Domain.Prices;
using CostCalc.Domain.Scenarios;

namespace CostCalc.Domain.Estimation;

/// <summary>
/// EKS on Fargate: every BEAM pod runs in a micro-VM of its own, sized from the pod's CPU request
/// and memory plus Fargate's 256 MiB and rounded up to a supported shape; the three add-on pods run
/// on Fargate too. The cluster pays its control plane; there are no nodes, node volumes or credits.
/// </summary>
internal sealed class EksFargatePlan : IPathPlan
{
    private readonly Scenario _scenario;
    private readonly RegionPrices _region;
    private readonly FargateShape? _pod;
    private readonly FargateShape? _addOnPod;
    private readonly VmResources _vm;

    /// <summary>The spare policy's VMs for the VMs peak needs, made once rather than per sizing.</summary>
    private readonly Func<long, long> _spareVms;

    /// <summary>What a BEAM pod is billed as: its shape, or for the cost bridge's counterfactuals the request unrounded.</summary>
    private readonly FargateShape? _billed;

    public EksFargatePlan(Scenario scenario, RegionPrices region)
        : this(scenario, region, null)
    {
    }

    private EksFargatePlan(Scenario scenario, RegionPrices region, FargateShape? billed)
    {
        _scenario = scenario;
        _region = region;
        _pod = FargateShape.For(scenario.PodCpuRequestMillicores, scenario.PodMemoryMiB);
        _billed = billed ?? _pod;
        _addOnPod = FargateShape.For(Math.Max(1, EksCluster.AddOnPodCpu(scenario)), EksCluster.AddOnPodMemory(scenario));
        var cores = scenario.PodCpuRequestMillicores / 1000.0;
        var schedulers = CpuQuota.SchedulersOnline(scenario.PodCpuRequestMillicores, (int)Math.Ceiling(_pod?.Vcpu ?? 1));
        _vm = new VmResources(scenario.PodMemoryMiB, BeamVm.UsableCores(cores, cores, schedulers), schedulers);
        _spareVms = peak => Spares.SpareVms(scenario, peak, 1);
    }

    public string MachineType => _pod is { } pod ? Format($"Fargate {pod.Vcpu} vCPU / {pod.MemoryGb} GB") : "Fargate";

    public string MachineKind => "Fargate pod";

    private bool Runs => _pod is not null && _addOnPod is not null;

    public PathSize Size(double connections)
    {
        var (pods, capacity, remote) = DistributionFixedPoint.Solve(connections, _scenario, _vm, _spareVms);
        return new PathSize(pods, Runs && capacity.ConnectionsPerVm > 0 ? pods : 0, 0, Runs ? 1 : 0, capacity, remote);
    }

    public decimal MachineHoursPerMonth(PathSize size, double connections) => Day(size, connections).MachineHoursPerMonth;

    /// <summary>The day this plan runs at this month's peak: BEAM pods follow the load when autoscaling (more Fargate pods).</summary>
    public LoadDay Day(PathSize size, double connections) => LoadDay.Of(_scenario, size, connections, this, ScaleOutTime.Fargate);

    public void Cost(PathSize size, double connections, CostSheet sheet)
    {
        var s = _scenario;
        var services = _region.Services;
        var day = Day(size, connections);
        // One branch per detail: a detail written as a ternary would be formatted even on the projection's totals sheet.
        var pods = day.MachineHoursPerMonth * UsdPerHour(_billed);
        var adjustments = sheet.IsItemised ? _region.Adjustments : null;
        var note = adjustments?.Note(PriceFamily.Fargate, FargateRates);
        if (day.Autoscaled)
        {
            sheet.Add(CostKind.Compute, "Fargate pods", pods,
                $"{day.MachineHoursPerMonth:#,0} pod-hours of {_pod?.Vcpu} vCPU / {_pod?.MemoryGb} GB: {size.Machines:#,0} BEAM pods at peak, {day.OffPeak.Size.Machines:#,0} off-peak, autoscaled{day.ShapeSuffix}",
                Sources.Fargate, note);
        }
        else
        {
            sheet.Add(CostKind.Compute, "Fargate pods", pods, $"{size.Machines:#,0} BEAM pod{(size.Machines == 1 ? "" : "s")} of {_pod?.Vcpu} vCPU / {_pod?.MemoryGb} GB × 730 h", Sources.Fargate, note);
        }

        sheet.Add(CostKind.SystemNodes, "Add-on Fargate pods", EksCluster.AddOnPods * UsdPerHour(_addOnPod) * Billing.HoursPerMonth,
            $"{EksCluster.AddOnPods} add-on pods of {_addOnPod?.Vcpu} vCPU / {_addOnPod?.MemoryGb} GB", Sources.Fargate, note);
        EksCluster.AddControlPlane(s, services, sheet, adjustments);
        SharedCosts.Cost(s, services, day, s.EksOperationsHoursPerMonth, sheet, adjustments);
    }

    private static readonly string[] FargateRates = [PriceRates.FargateVcpu, PriceRates.FargateGb];

    public decimal MachineUsdPerHour => UsdPerHour(_billed);

    /// <summary>
    /// Fargate's reasons: the request rounded up to a supported shape, then the 256 MiB Fargate adds for its own agents;
    /// both change what a pod is billed, not what it holds (model.md §7.13).
    /// </summary>
    public IReadOnlyList<BridgeReason> BridgeReasons()
    {
        if (_pod is not { } pod || !Runs)
        {
            return [];
        }

        var s = _scenario;
        var vcpu = s.PodCpuRequestMillicores / 1000.0;
        var withAgents = new FargateShape(vcpu, (s.PodMemoryMiB + FargateShape.AddedMemoryMiB) / 1024.0);
        var request = new FargateShape(vcpu, s.PodMemoryMiB / 1024.0);
        return
        [
            new("Fargate shape rounding",
                Format($"a {s.PodCpuRequestMillicores:#,0}m / {s.PodMemoryMiB:#,0} MiB pod with Fargate's {FargateShape.AddedMemoryMiB} MiB ({withAgents.Vcpu:0.###} vCPU / {withAgents.MemoryGb:0.###} GB) is billed as {pod.Vcpu} vCPU / {pod.MemoryGb} GB, the smallest supported shape that holds it"),
                new EksFargatePlan(s, _region, withAgents)),
            new("Fargate's 256 MiB",
                Format($"Fargate adds {FargateShape.AddedMemoryMiB} MiB to every pod for kubelet, kube-proxy and containerd, billed as pod memory"),
                new EksFargatePlan(s, _region, request)),
        ];
    }

    private decimal UsdPerHour(FargateShape? shape) => shape is { } f
        ? ((decimal)f.Vcpu * _region.Services.FargateUsdPerVcpuHour) + ((decimal)f.MemoryGb * _region.Services.FargateUsdPerGbHour)
        : 0;

    public ResourceSplit MemorySplit(PathSize size, double connections)
    {
        var s = _scenario;
        var perVm = size.Vms > 0 ? connections / size.Vms : 0;
        var connectionsMiB = perVm * s.MemoryPerConnectionKiB / 1024;
        var provisionedMiB = (_pod?.MemoryGb ?? 0) * 1024;
        var used = FargateShape.AddedMemoryMiB + s.BeamBaseMemoryMiB + connectionsMiB;
        return new ResourceSplit("Fargate pod", "MiB",
        [
            new("Fargate agents (256 MiB)", FargateShape.AddedMemoryMiB),
            new("BEAM base", s.BeamBaseMemoryMiB),
            new("Connections", connectionsMiB),
            new("Headroom", Math.Max(0, provisionedMiB - used)),
        ]);
    }

    public ResourceSplit CpuSplit(PathSize size, double connections)
    {
        var perVm = size.Vms > 0 ? connections / size.Vms : 0;
        var work = perVm * BeamVm.CpuMicrosecondsPerConnectionSecond(_scenario, size.RemoteFraction) / 1000;
        var provisioned = (_pod?.Vcpu ?? 0) * 1000;
        return new ResourceSplit("Fargate pod", "millicores", [new("Connections", work), new("Headroom", Math.Max(0, provisioned - work))]);
    }

    public Disruption Disruption(PathSize size)
    {
        var disruption = EksCluster.Disruption(_scenario, size, MachineKind, fargate: true, autoMode: false, spot: false);
        return size.Feasible ? ReconnectStorm.AddTo(ScaleIn.AddTo(disruption, Day(size, _scenario.PeakConnections), MachineKind), _scenario, size) : disruption;
    }

    public string? Survives(PathSize size) => Spares.Survives(_scenario, size, MachineKind);

    public IEnumerable<Warning> Warnings(PathSize size)
    {
        foreach (var warning in EksCluster.Warnings(_scenario, _region.Services))
        {
            yield return warning;
        }

        if (_pod is null)
        {
            yield return new("eks-fargate-infeasible", "The pod is larger than Fargate's largest shape (16 vCPU, 120 GB): lower the pod CPU or memory.");
        }
        else if (_addOnPod is null)
        {
            yield return new("eks-fargate-infeasible", "A cluster add-on pod is larger than Fargate's largest shape: lower the add-ons' requests.");
        }
        else if (!size.Feasible)
        {
            yield return new("eks-fargate-infeasible", Format(
                $"A {_pod.Value.Vcpu} vCPU / {_pod.Value.MemoryGb} GB Fargate pod holds no connection: after BEAM base memory too little is left. Raise the pod memory."));
        }
    }

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
