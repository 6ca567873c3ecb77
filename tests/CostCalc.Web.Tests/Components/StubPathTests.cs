using System.Text.Json;
using Bunit;
using CostCalc.Domain.Estimation;
using CostCalc.Domain.Scenarios;
using CostCalc.Web.Components.Calculator;
using CostCalc.Web.Hosting;
using CostCalc.Web.Reports.Documents;
using CostCalc.Web.Tests.TestSupport;

namespace CostCalc.Web.Tests.Components;

/// <summary>
/// A fourth path defined here, in test code only: 3 boxes whatever the load, $100 of compute and $20 of
/// storage a month. The API's JSON, the saved-report format and the result components carry it with
/// no code of theirs knowing it: the proof that the web works over a list of paths, not three named ones.
/// </summary>
public sealed class StubPathTests : MudBunitContext
{
    private const string Stub = "stub";

    private static readonly DateOnly Today = new(2026, 11, 25);

    private static Estimate EstimateWithStub()
    {
        var estimator = new Estimator(Estimator.Catalog, Estimator.Prices,
            [DeploymentPaths.Ec2, DeploymentPaths.Eks, DeploymentPaths.EksFargate, new DeploymentPath(Stub, "Stub path", (s, r, c) => new StubPlan())]);
        return estimator.Estimate(Scenario.Default, Today);
    }

    [Fact]
    public void Serialize_EstimateWithStubPath_HasThePathAndItsProjectionSeries()
    {
        var json = JsonSerializer.Serialize(EstimateWithStub(), JsonSetup.Options);

        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        Assert.Contains("\"id\":\"stub\"", json, StringComparison.Ordinal);
        Assert.Equal([PathIds.Ec2, PathIds.Eks, PathIds.EksFargate, Stub], root.GetProperty("paths").EnumerateArray().Select(p => p.GetProperty("id").GetString()));
        var stub = root.GetProperty("paths").EnumerateArray().Single(p => p.GetProperty("id").GetString() == Stub);
        Assert.Equal("Stub path", stub.GetProperty("name").GetString());
        Assert.Equal(120m, stub.GetProperty("monthlyUsd").GetDecimal());
        Assert.Equal(["Stub compute", "Stub storage"], stub.GetProperty("costLines").EnumerateArray().Select(l => l.GetProperty("name").GetString()));

        var series = root.GetProperty("projection").GetProperty("paths").EnumerateArray().Single(p => p.GetProperty("path").GetString() == Stub);
        var monthly = series.GetProperty("monthlyUsd").EnumerateArray().Select(m => m.GetDecimal()).ToList();
        Assert.Equal(36, monthly.Count);
        Assert.All(monthly, m => Assert.Equal(120m, m));
        Assert.Equal(36 * 120m, series.GetProperty("cumulativeUsd")[35].GetDecimal());
        Assert.Contains(root.GetProperty("verdict").GetProperty("comparisons").EnumerateArray(), c => c.GetProperty("path").GetString() == Stub);
    }

    [Fact]
    public void SaveAndRead_EstimateWithStubPath_KeepsThePath()
    {
        var estimate = EstimateWithStub();

        var (scenarioJson, estimateJson) = ReportDocuments.Write(estimate);
        var (_, read, notes) = ReportDocuments.Read(ReportDocuments.CurrentVersion, scenarioJson, estimateJson);

        Assert.Empty(notes);
        Assert.Equal("Stub path", read[Stub].Name);
        Assert.Equal(120m, read[Stub].MonthlyUsd);
        Assert.Equal(JsonSerializer.Serialize(estimate, JsonSetup.Options), JsonSerializer.Serialize(read, JsonSetup.Options));
    }

    [Fact]
    public void Render_HeadlineCards_ShowsACardForTheStubPath()
    {
        var cards = Render<HeadlineCards>(p => p.Add(c => c.Estimate, EstimateWithStub()));

        Assert.Equal(["headline-ec2", "headline-eks", "headline-eks-fargate", "headline-stub"], cards.FindAll(".cc-path-card").Select(c => c.Id));
        var stub = cards.Find("#headline-stub");
        Assert.Contains("Stub path", stub.TextContent, StringComparison.Ordinal);
        Assert.Equal("120", stub.QuerySelector(".cc-card-value")!.GetAttribute("data-value"));
        Assert.Contains("3 crates · 3 BEAM VMs", stub.TextContent, StringComparison.Ordinal);
        Assert.Equal("$12.00 per 10k connections", stub.QuerySelector(".cc-per10k")!.TextContent.Trim());
    }

    [Fact]
    public void Render_CapacityTable_HasAColumnForTheStubPath()
    {
        var table = Render<CapacityTable>(p => p.Add(c => c.Estimate, EstimateWithStub()));

        Assert.Equal(["Capacity at peak", "EC2", "EKS", "EKS on Fargate", "Stub path"], table.FindAll("thead th").Select(th => th.TextContent));
        var cells = table.FindAll("td[data-path=\"stub\"]");
        Assert.Equal(table.FindAll("tbody tr").Count, cells.Count);
        Assert.Equal("stub box", cells[0].TextContent);
        Assert.Equal("3", cells[1].TextContent);
    }

    /// <summary>3 VMs on 3 machines (as many as the default zones), each holding a million connections.</summary>
    private sealed class StubPlan : IPathPlan
    {
        public string MachineType => "stub box";

        public string MachineKind => "crate";

        public PathSize Size(double connections) => new(3, 3, 0, 1, new VmCapacity(1024, 1, 1, 1_000_000, null), 0);

        public void Cost(PathSize size, double connections, CostSheet sheet)
        {
            sheet.Add(CostKind.Compute, "Stub compute", 100m, $"{size.Machines} boxes", "test");
            sheet.Add(CostKind.Storage, "Stub storage", 20m, "flat", "test");
        }

        public ResourceSplit MemorySplit(PathSize size, double connections) => new("stub box", "MiB", [new("Everything", 1024)]);

        public ResourceSplit CpuSplit(PathSize size, double connections) => new("stub box", "millicores", [new("Everything", 1000)]);

        public IEnumerable<Warning> Warnings(PathSize size) => [];

        public Disruption Disruption(PathSize size) => new([], []);
    }
}
