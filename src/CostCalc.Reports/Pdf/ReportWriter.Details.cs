using CostCalc.Domain.Estimation;
using SkiaSharp;

namespace CostCalc.Reports.Pdf;

/// <summary>The detail sections: warnings, capacity, resource split, beyond cost, cost lines, projection.</summary>
internal sealed partial class ReportWriter
{
    private void Warnings()
    {
        Heading("Warnings", keepWithNext: 30);
        if (estimate.Warnings.Count == 0)
        {
            Paragraph("None: this estimate raised no warnings.", PdfTheme.Body);
            return;
        }

        var textWidth = flow.Width - 16;
        foreach (var warning in estimate.Warnings)
        {
            var lines = type.Wrap(warning.Message, PdfTheme.Body, textWidth);
            var height = 6 + (lines.Count * PdfTheme.Body.LineHeight) + PdfTheme.Note.LineHeight + 5;
            flow.Ensure(height);
            var (top, left, right) = (flow.Y, flow.Left, flow.Right);
            flow.Draw(c =>
            {
                c.DrawRect(new SKRect(left, top, right, top + height), type.Fill(PdfTheme.WarningFill));
                c.DrawRect(new SKRect(left, top, left + 3, top + height), type.Fill(PdfTheme.WarningAccent));
                var y = top + 5;
                foreach (var line in lines)
                {
                    type.Draw(c, line, left + 11, y + type.Baseline(PdfTheme.Body), PdfTheme.Body);
                    y += PdfTheme.Body.LineHeight;
                }

                type.Draw(c, warning.Code, left + 11, y + type.Baseline(PdfTheme.Note), PdfTheme.Note);
            });
            flow.Advance(height + 4);
        }
    }

    private void Capacity()
    {
        var (ec2, eks) = (estimate.Ec2, estimate.Eks);
        var table = new PdfTable(
            [
                new("Month 1, at peak connections", 0.46f),
                new("EC2", 0.27f, TextAlign.Right, PdfTheme.Ec2),
                new("EKS", 0.27f, TextAlign.Right, PdfTheme.Eks),
            ]) { KeepTogether = true };
        table.Add("Machine type", ec2.MachineType, eks.MachineType);
        table.Add("Machines (incl. system nodes)", PdfFormat.Plural(ec2.Machines, ec2.MachineKind),
            PdfFormat.Plural(eks.Machines, eks.MachineKind) + (eks.SystemNodes > 0 ? $" ({PdfFormat.Count(eks.SystemNodes)} for add-ons)" : ""));
        table.Add("BEAM VMs", PdfFormat.Count(ec2.Vms), PdfFormat.Count(eks.Vms));
        table.Add("VMs per machine", PdfFormat.Count(ec2.VmsPerMachine), PdfFormat.Count(eks.VmsPerMachine));
        table.Add("Connections per VM", PdfFormat.Count(ec2.ConnectionsPerVm), PdfFormat.Count(eks.ConnectionsPerVm));
        table.Add("… if memory binds", PdfFormat.Count(ec2.MemoryBoundConnectionsPerVm), PdfFormat.Count(eks.MemoryBoundConnectionsPerVm));
        table.Add("… if CPU binds", PdfFormat.Bound(ec2.CpuBoundConnectionsPerVm), PdfFormat.Bound(eks.CpuBoundConnectionsPerVm));
        table.Add("Binding resource", Binding(ec2), Binding(eks));
        table.Add("Memory per VM", PdfFormat.Number(ec2.VmMemoryMiB, "#,0") + " MiB", PdfFormat.Number(eks.VmMemoryMiB, "#,0") + " MiB");
        table.Add("CPU per VM / schedulers", $"{PdfFormat.Number(ec2.VmCpuCores, "#,0.##")} cores / {ec2.VmSchedulers}",
            $"{PdfFormat.Number(eks.VmCpuCores, "#,0.##")} cores / {eks.VmSchedulers}");
        table.Add("Messages crossing VMs", PdfFormat.Percent(ec2.RemoteMessageShare), PdfFormat.Percent(eks.RemoteMessageShare));
        table.Add("Distribution mesh connections", PdfFormat.Count(ec2.MeshConnections), PdfFormat.Count(eks.MeshConnections));
        table.Add("Connections dropped per month", PdfFormat.Count(estimate.BeyondCost.Ec2ConnectionsDroppedPerMonth),
            PdfFormat.Count(estimate.BeyondCost.EksConnectionsDroppedPerMonth));
        table.Add("VM restarts per month", PdfFormat.Count(estimate.BeyondCost.Ec2VmRestartsPerMonth),
            PdfFormat.Count(estimate.BeyondCost.EksVmRestartsPerMonth));
        table.AddTotal("USD per 10k connections per month", PerTenK(ec2), PerTenK(eks));
        Heading("Capacity at peak", keepWithNext: table.Measure(flow, type));
        table.Draw(flow, type);
    }

    private void ResourceSplit()
    {
        var (ec2, eks) = (estimate.Ec2, estimate.Eks);
        Heading("Resource split of one machine", keepWithNext: 130);
        Paragraph($"What each MiB and millicore of one EC2 instance ({ec2.Memory.Machine}) and one EKS node ({eks.Memory.Machine}) goes to at peak.",
            PdfTheme.Body.WithColor(PdfTheme.Secondary));
        var names = ec2.Memory.Slices.Concat(eks.Memory.Slices).Concat(ec2.Cpu.Slices).Concat(eks.Cpu.Slices)
            .Select(s => s.Name).Distinct(StringComparer.Ordinal).OrderBy(n => n == "Headroom").ToList();
        var legend = names.Select(n => new LegendEntry(n, PdfCharts.SliceColor(n, names))).ToList();
        Charts(
            [
                ($"Memory ({ec2.Memory.Unit})", PdfCharts.Split(ec2.Memory, eks.Memory, names)),
                ($"CPU ({ec2.Cpu.Unit})", PdfCharts.Split(ec2.Cpu, eks.Cpu, names)),
            ], plotHeight: 84, legend);
    }

    private void BeyondCost()
    {
        Heading("Beyond cost", keepWithNext: 40);
        var table = new PdfTable([new("Consideration", 0.24f), new("What it means, and its source", 0.76f)]);
        foreach (var fact in estimate.BeyondCost.Facts)
        {
            table.Add(fact.Name, new TableCell(fact.Value, fact.Source));
        }

        table.Draw(flow, type);
    }

    private void CostLines()
    {
        var tables = new[] { estimate.Ec2, estimate.Eks }.Select(CostLineTable).ToList();
        Heading("Monthly cost lines, month 1", keepWithNext: tables[0].Measure(flow, type));
        foreach (var table in tables)
        {
            table.Draw(flow, type);
            flow.Advance(12);
        }
    }

    private static PdfTable CostLineTable(PathEstimate path)
    {
        var name = PdfFormat.PathName(path.Path);
        var table = new PdfTable(
            [
                new($"{name} cost line", 0.27f, HeaderColor: PdfTheme.PathColor(path.Path)),
                new("How it is calculated, and the source of its rate", 0.53f),
                new("USD / month", 0.2f, TextAlign.Right),
            ], PdfTheme.PathColor(path.Path)) { KeepTogether = true };
        foreach (var line in path.CostLines)
        {
            table.Add(line.Name, new TableCell(line.Detail, line.Source), PdfFormat.UsdCents(line.MonthlyUsd));
        }

        table.AddTotal($"{name} total", path.Feasible ? "" : "Not feasible: see the warnings", PdfFormat.UsdCents(path.MonthlyUsd));
        return table;
    }

    private void ProjectionTable()
    {
        var s = estimate.Scenario;
        Heading($"Projection over {PdfFormat.Plural(estimate.Projection.Count, "month")}", keepWithNext: 60);
        Paragraph($"Peak connections grow {Signed(s.GrowthPercentPerMonth)} % a month; each month is sized and priced on its own. Whole dollars.",
            PdfTheme.Body.WithColor(PdfTheme.Secondary));
        var table = new PdfTable(
            [
                new("Month", 0.08f, TextAlign.Right),
                new("Connections", 0.15f, TextAlign.Right),
                new("EC2 machines", 0.11f, TextAlign.Right, PdfTheme.Ec2),
                new("EKS machines", 0.11f, TextAlign.Right, PdfTheme.Eks),
                new("EC2 / month", 0.135f, TextAlign.Right, PdfTheme.Ec2),
                new("EKS / month", 0.135f, TextAlign.Right, PdfTheme.Eks),
                new("EC2 cumulative", 0.14f, TextAlign.Right, PdfTheme.Ec2),
                new("EKS cumulative", 0.14f, TextAlign.Right, PdfTheme.Eks),
            ]) { Dense = true };
        foreach (var m in estimate.Projection)
        {
            table.Add(PdfFormat.Count(m.Month), PdfFormat.Count(m.Connections), PdfFormat.Count(m.Ec2Machines), PdfFormat.Count(m.EksMachines),
                PdfFormat.Usd(m.Ec2MonthlyUsd), PdfFormat.Usd(m.EksMonthlyUsd), PdfFormat.Usd(m.Ec2CumulativeUsd), PdfFormat.Usd(m.EksCumulativeUsd));
        }

        table.Draw(flow, type);
    }

    private static string Binding(PathEstimate path) => !path.Feasible ? "—" : path.Binding == BindingResource.Cpu ? "CPU" : "Memory";

    private static string PerTenK(PathEstimate path) => path.Feasible ? PdfFormat.UsdCents(path.UsdPer10kConnections) : "—";
}
