using System.Text.Json;
using System.Text.Json.Serialization;
using CostCalc.Domain.Estimation;
using CostCalc.Domain.Scenarios;
using CostCalc.Domain.Vocabulary;

namespace CostCalc.Web.Reports.Documents;

/// <summary>
/// Saved reports as versioned documents. <see cref="CurrentVersion"/> is what this version writes;
/// every earlier version stays readable, so a report opens with the numbers it was saved with.
/// </summary>
public static class ReportDocuments
{
    /// <summary>2: a list of paths. 1: the two-path format (EC2 and EKS, EKS possibly on Fargate).</summary>
    public const int CurrentVersion = 2;

    /// <summary>3: a comparison of 2–4 scenarios, each a format-2 scenario and estimate with its label (<see cref="ComparisonDocument"/>).</summary>
    public const int ComparisonVersion = 3;

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
    };

    // Version 1 documents carried derived members (the verdict, the scenario again) that are rebuilt on reading.
    private static readonly JsonSerializerOptions V1Options = new(Options) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip };

    public static (string ScenarioJson, string EstimateJson) Write(Estimate estimate) => Write(estimate, null);

    /// <summary>The documents of a report, with the author's title and notes (if any) in the estimate document.</summary>
    public static (string ScenarioJson, string EstimateJson) Write(Estimate estimate, ReportText? text)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        return (ScenarioDocument.Write(estimate.Scenario), JsonSerializer.Serialize(ToDocument(estimate, text), Options));
    }

    /// <summary>The documents of a saved comparison (<see cref="ComparisonVersion"/>): every scenario under the label it was shown with.</summary>
    public static (string ScenarioJson, string EstimateJson) WriteComparison(IReadOnlyList<SavedScenario> scenarios, ReportText? text)
    {
        ArgumentNullException.ThrowIfNull(scenarios);
        var document = new ComparisonDocument(
            [.. scenarios.Select(s => new ComparedScenarioDocument(s.Label, ScenarioElement(s.Estimate.Scenario), ToDocument(s.Estimate, null)))],
            text?.Title, text?.Notes);
        return (ScenarioDocument.Write(scenarios[0].Estimate.Scenario), JsonSerializer.Serialize(document, Options));
    }

    /// <summary>A saved comparison's scenarios (the first is the one its deltas are against), notes on what could not be used, and the author's text.</summary>
    /// <exception cref="InvalidDataException">The document is not readable.</exception>
    public static (IReadOnlyList<SavedScenario> Scenarios, IReadOnlyList<string> Notes, ReportText Text) ReadComparison(string estimateJson)
    {
        try
        {
            var document = JsonSerializer.Deserialize<ComparisonDocument>(estimateJson, Options)!;
            var notes = new List<string>();
            var scenarios = new List<SavedScenario>();
            foreach (var compared in document.Scenarios)
            {
                var (scenario, scenarioNotes) = ScenarioDocument.Read(compared.Scenario.GetRawText());
                notes.AddRange(scenarioNotes.Select(n => $"{compared.Label}: {n}"));
                scenarios.Add(new SavedScenario(compared.Label, FromDocument(compared.Estimate, scenario)));
            }

            return (scenarios, notes, new ReportText(document.Title, document.AuthorNotes));
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"The saved comparison (format {ComparisonVersion}) is not readable: {e.Message}", e);
        }
    }

    private static JsonElement ScenarioElement(Scenario scenario)
    {
        using var document = JsonDocument.Parse(ScenarioDocument.Write(scenario));
        return document.RootElement.Clone();
    }

    private static EstimateDocument ToDocument(Estimate estimate, ReportText? text) =>
        new(
            estimate.SnapshotId, estimate.PricesAsOf, estimate.RegionName, estimate.PriceNotice,
            [.. estimate.Paths.Select(ToDocument)],
            new ProjectionDocument(estimate.Projection.Connections,
                [.. estimate.Projection.Paths.Select(s => new SeriesDocument(s.Path, s.Machines, s.Vms, s.MonthlyUsd, s.CumulativeUsd))]),
            [.. estimate.Facts.Select(ToDocument)],
            [.. estimate.Warnings.Select(ToDocument)],
            [.. estimate.Bridges.Select(b => new BridgeDocument(b.Path, b.Name, b.ReferencePath, b.ReferenceName, b.Months, b.ReferenceUsd, b.PathUsd,
                [.. b.Bars.Select(x => new BridgeBarDocument(x.Name, x.Usd, x.HowComputed))]))],
            estimate.Crossover is { } c
                ? new CrossoverDocument(c.Connections, [.. c.Paths.Select(p => new CrossoverSeriesDocument(p.Path, p.Name, p.MonthlyUsd))],
                    [.. c.Points.Select(p => new CrossoverPointDocument(p.Connections, p.From, p.To, p.Usd, p.Sentence))], c.Current, c.Sentences)
                : null,
            estimate.AdjustedPrices,
            text?.Title,
            text?.Notes);

    /// <summary>The saved scenario and estimate, and a note for anything of the document this version could not use.</summary>
    /// <exception cref="InvalidDataException">The document is of a later version or is not readable.</exception>
    public static (Scenario Scenario, Estimate Estimate, IReadOnlyList<string> Notes) Read(int version, string scenarioJson, string estimateJson)
    {
        var (scenario, estimate, notes, _) = ReadWithText(version, scenarioJson, estimateJson);
        return (scenario, estimate, notes);
    }

    /// <summary>As <see cref="Read"/>, with the author's title and notes (<see cref="ReportText.None"/> when there are none, as in format 1).</summary>
    /// <exception cref="InvalidDataException">The document is of a later version or is not readable.</exception>
    public static (Scenario Scenario, Estimate Estimate, IReadOnlyList<string> Notes, ReportText Text) ReadWithText(int version, string scenarioJson, string estimateJson)
    {
        try
        {
            var (scenario, notes) = ScenarioDocument.Read(scenarioJson);
            switch (version)
            {
                case 1:
                    return (scenario, V1.Read(JsonSerializer.Deserialize<EstimateV1>(estimateJson, V1Options)!, scenario), notes, ReportText.None);
                case CurrentVersion:
                    var document = JsonSerializer.Deserialize<EstimateDocument>(estimateJson, Options)!;
                    return (scenario, FromDocument(document, scenario), notes, new ReportText(document.Title, document.AuthorNotes));
                default:
                    throw new InvalidDataException($"Report format {version} is newer than this version reads ({CurrentVersion}).");
            }
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"The saved report (format {version}) is not readable: {e.Message}", e);
        }
    }

    private static PathDocument ToDocument(PathEstimate p) => new(
        p.Id, p.Name, p.MachineType, p.MachineKind, p.Feasible, p.Vms, p.Machines, p.SystemNodes, p.VmsPerMachine,
        p.ConnectionsPerVm, p.MemoryBoundConnectionsPerVm, p.CpuBoundConnectionsPerVm, BindingCode(p.Binding),
        p.VmMemoryMiB, p.VmCpuCores, p.VmSchedulers, p.RemoteMessageShare, p.MeshConnections,
        [.. p.CostLines.Select(l => new CostLineDocument(CostKindStyle.Of(l.Kind).Code, l.Name, l.MonthlyUsd, l.Detail, l.Source, l.Adjustment))],
        p.MonthlyUsd, p.UsdPer10kConnections, ToDocument(p.Memory), ToDocument(p.Cpu),
        p.Disruption.ConnectionsDroppedPerMonth, p.Disruption.VmRestartsPerMonth,
        [.. p.Disruption.Facts.Select(ToDocument)], [.. p.Warnings.Select(ToDocument)],
        [.. p.Disruption.Causes.Select(c => new DropCauseDocument(
            c.Cause, c.EventsPerMonth, c.ConnectionsDroppedPerMonth, c.VmRestartsPerMonth, c.Detail, c.Source, c.VmsAtOnce, c.VmsStartedFirst))],
        p.Survives,
        p.Disruption.Storm is { } t
            ? new StormDocument(t.Cause, t.VmsAtOnce, t.Connections, t.SurvivingVms, t.CpuMicrosecondsPerReconnect, t.SpareCoresPerVm, t.SecondsToAbsorb, t.SurvivorsHoldThem)
            : null);

    private static SplitDocument ToDocument(ResourceSplit s) => new(s.Machine, s.Unit, [.. s.Slices.Select(x => new SliceDocument(x.Name, x.Amount))]);

    private static FactDocument ToDocument(Fact f) => new(f.Name, f.Value, f.Source);

    private static WarningDocument ToDocument(Warning w) => new(w.Code, w.Message, w.Path);

    private static Estimate FromDocument(EstimateDocument d, Scenario scenario)
    {
        var paths = d.Paths.Select(p => new PathEstimate(
            p.Id, p.Name, p.MachineType, p.MachineKind, p.Feasible, p.Vms, p.Machines, p.SystemNodes, p.VmsPerMachine,
            p.ConnectionsPerVm, p.MemoryBoundConnectionsPerVm, p.CpuBoundConnectionsPerVm, Binding(p.Binding),
            p.VmMemoryMiB, p.VmCpuCores, p.VmSchedulers, p.RemoteMessageShare, p.MeshConnections,
            Lines(p.CostLines), p.MonthlyUsd, p.UsdPer10kConnections, Split(p.Memory), Split(p.Cpu),
            new Disruption(
                p.DropCauses is { } causes
                    ? [.. causes.Select(c => new DropCause(c.Cause, c.EventsPerMonth, c.ConnectionsDroppedPerMonth, c.VmRestartsPerMonth, c.Detail, c.Source)
                        {
                            VmsAtOnce = c.VmsAtOnce,
                            VmsStartedFirst = c.VmsStartedFirst,
                        })]
                    : DeploysOnly(scenario, p.ConnectionsDroppedPerMonth, p.VmRestartsPerMonth),
                Facts(p.Facts))
            {
                Storm = p.Storm is { } t
                    ? new ReconnectStorm(t.Cause, t.VmsAtOnce, t.Connections, t.SurvivingVms, t.CpuMicrosecondsPerReconnect, t.SpareCoresPerVm, t.SecondsToAbsorb, t.SurvivorsHoldThem)
                    : null,
            },
            [.. p.Warnings.Select(Warning)])
        {
            Survives = p.Survives,
        }).ToList();
        var projection = new Projection(d.Projection.Connections,
            [.. d.Projection.Paths.Select(s => new PathSeries(s.Path, s.Machines, s.Vms, s.MonthlyUsd, s.CumulativeUsd))]);
        return Assemble(scenario, d.SnapshotId, d.PricesAsOf, d.RegionName, d.PriceNotice, paths, projection, Facts(d.Facts),
            [.. d.Warnings.Select(Warning)]) with
        {
            Bridges = d.Bridges is { } bridges
                ? [.. bridges.Select(b => new CostBridge(b.Path, b.Name, b.ReferencePath, b.ReferenceName, b.Months, b.ReferenceUsd, b.PathUsd,
                    [.. b.Bars.Select(x => new BridgeBar(x.Name, x.Usd, x.HowComputed))]))]
                : [],
            Crossover = d.Crossover is { } c
                ? new Crossover(c.Connections, [.. c.Paths.Select(p => new CrossoverSeries(p.Path, p.Name, p.MonthlyUsd))],
                    [.. c.Points.Select(p => new CrossoverPoint(p.Connections, p.From, p.To, p.Usd, p.Sentence))], c.Current, c.Sentences)
                : null,
            AdjustedPrices = d.AdjustedPrices,
        };
    }

    /// <summary>An estimate from its parts; the verdict is derived from the projection, as the estimator derives it.</summary>
    internal static Estimate Assemble(
        Scenario scenario, string snapshotId, DateOnly asOf, string region, string? priceNotice, List<PathEstimate> paths,
        Projection projection, IReadOnlyList<Fact> facts, IReadOnlyList<Warning> warnings) =>
        new(scenario, snapshotId, asOf, region, paths, projection, Verdict.From(projection, paths.ToDictionary(p => p.Id, p => p.Name)), facts, warnings)
        {
            PriceNotice = priceNotice,
        };

    internal static IReadOnlyList<CostLine> Lines(IReadOnlyList<CostLineDocument> lines) =>
        [.. lines.Select(l => new CostLine(
            CostKindStyle.FromCode(l.Kind)?.Kind ?? throw new InvalidDataException($"Unknown cost kind '{l.Kind}'."),
            l.Name, l.MonthlyUsd, l.Detail, l.Source) { Adjustment = l.Adjustment })];

    internal static ResourceSplit Split(SplitDocument s) => new(s.Machine, s.Unit, [.. s.Slices.Select(x => new ResourceSlice(x.Name, x.Amount))]);

    /// <summary>
    /// The one cause a report saved before causes were recorded counted: deploys (rolling restarts and
    /// updates), with the totals it was saved with.
    /// </summary>
    internal static IReadOnlyList<DropCause> DeploysOnly(Scenario scenario, long dropped, long restarts) =>
        [new(DropCauses.Deploys, scenario.DeploysPerMonth, dropped, restarts, "Saved before restarts were counted by cause: deploys only", "")];

    internal static IReadOnlyList<Fact> Facts(IReadOnlyList<FactDocument> facts) => [.. facts.Select(f => new Fact(f.Name, f.Value, f.Source))];

    private static Warning Warning(WarningDocument w) => new(w.Code, w.Message, w.Path);

    private static string BindingCode(BindingResource binding) => binding == BindingResource.Cpu ? "cpu" : "memory";

    internal static BindingResource Binding(string code) => code switch
    {
        "cpu" => BindingResource.Cpu,
        "memory" => BindingResource.Memory,
        _ => throw new InvalidDataException($"Unknown binding resource '{code}'."),
    };
}
