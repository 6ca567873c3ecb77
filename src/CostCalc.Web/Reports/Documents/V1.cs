using CostCalc.Domain.Estimation;
using CostCalc.Domain.Scenarios;

namespace CostCalc.Web.Reports.Documents;

/// <summary>Reads a two-path (version 1) estimate into today's list of paths, with the numbers it was saved with.</summary>
internal static class V1
{
    public static Estimate Read(EstimateV1 d, Scenario scenario)
    {
        var eksId = d.Eks.MachineKind == "Fargate pod" ? PathIds.EksFargate : PathIds.Eks;
        var eksName = DeploymentPaths.BuiltIn.First(p => p.Id == eksId).Name;
        // v1 listed each path's facts among the shared ones, named after the path.
        var ec2Facts = d.BeyondCost.Facts.Where(f => f.Name.StartsWith("EC2 ", StringComparison.Ordinal)).ToList();
        var eksFacts = d.BeyondCost.Facts.Where(f => f.Name.StartsWith("EKS ", StringComparison.Ordinal) || f.Name == "Pod restart").ToList();
        var shared = d.BeyondCost.Facts.Except(ec2Facts).Except(eksFacts).ToList();
        var warnings = d.Warnings.Select(w => new Warning(w.Code, w.Message,
            w.Code.StartsWith("ec2-", StringComparison.Ordinal) ? PathIds.Ec2
            : w.Code.StartsWith("eks-", StringComparison.Ordinal) ? eksId : null)).ToList();
        var paths = new List<PathEstimate>
        {
            Path(scenario, d.Ec2, PathIds.Ec2, "EC2", d.BeyondCost.Ec2ConnectionsDroppedPerMonth, d.BeyondCost.Ec2VmRestartsPerMonth, ec2Facts, warnings),
            Path(scenario, d.Eks, eksId, eksName, d.BeyondCost.EksConnectionsDroppedPerMonth, d.BeyondCost.EksVmRestartsPerMonth, eksFacts, warnings),
        };
        var m = d.Projection;
        var projection = new Projection([.. m.Select(x => x.Connections)],
        [
            new PathSeries(PathIds.Ec2, [.. m.Select(x => x.Ec2Machines)], [.. m.Select(x => x.Ec2Vms)], [.. m.Select(x => x.Ec2MonthlyUsd)], [.. m.Select(x => x.Ec2CumulativeUsd)]),
            new PathSeries(eksId, [.. m.Select(x => x.EksMachines)], [.. m.Select(x => x.EksVms)], [.. m.Select(x => x.EksMonthlyUsd)], [.. m.Select(x => x.EksCumulativeUsd)]),
        ]);
        return ReportDocuments.Assemble(scenario, d.SnapshotId, d.PricesAsOf, d.RegionName, d.PriceNotice, paths, projection,
            ReportDocuments.Facts(shared), warnings);
    }

    private static PathEstimate Path(Scenario scenario, PathV1 p, string id, string name, long dropped, long restarts, List<FactDocument> facts, List<Warning> warnings) => new(
        id, name, p.MachineType, p.MachineKind, p.Feasible, p.Vms, p.Machines, p.SystemNodes, p.VmsPerMachine,
        p.ConnectionsPerVm, p.MemoryBoundConnectionsPerVm, p.CpuBoundConnectionsPerVm, ReportDocuments.Binding(p.Binding),
        p.VmMemoryMiB, p.VmCpuCores, p.VmSchedulers, p.RemoteMessageShare, p.MeshConnections,
        ReportDocuments.Lines(p.CostLines), p.MonthlyUsd, p.UsdPer10kConnections, ReportDocuments.Split(p.Memory), ReportDocuments.Split(p.Cpu),
        new Disruption(ReportDocuments.DeploysOnly(scenario, dropped, restarts), ReportDocuments.Facts(facts)),
        [.. warnings.Where(w => w.Path == id)]);
}
