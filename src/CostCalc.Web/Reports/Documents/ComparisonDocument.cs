using System.Text.Json;
using System.Text.Json.Serialization;

namespace CostCalc.Web.Reports.Documents;

// Format 3: a saved comparison (/compare shared as one report). The record's scenario document is the first
// scenario's (what a reader of format 2 would expect to find there); the estimate document holds every scenario,
// each with its label as shown when it was saved, its scenario (format 2's scenario document) and its estimate
// (format 2's estimate document, so its prices stay pinned), and the author's title and notes.

internal sealed record ComparisonDocument(
    IReadOnlyList<ComparedScenarioDocument> Scenarios,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Title = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? AuthorNotes = null);

internal sealed record ComparedScenarioDocument(string Label, JsonElement Scenario, EstimateDocument Estimate);
