using CostCalc.Domain.Estimation;
using CostCalc.Domain.Scenarios;
using CostCalc.Web.Reports;
using Microsoft.AspNetCore.Components;

namespace CostCalc.Web.Components.Pages;

/// <summary>
/// A saved report, read-only and rendered without a circuit (static SSR): the author's title and notes, the
/// stored estimate with the calculator's result components, the inputs that differ from the defaults, its price
/// date up front, re-pricing on request (<c>?reprice=today</c>) and a link that opens an editable copy.
/// </summary>
public sealed partial class ReportPage
{
    /// <summary>The query value that asks for today's prices next to the saved ones.</summary>
    public const string RepriceToday = "today";

    private SavedReport? _report;
    private Repricing? _repricing;
    private IReadOnlyList<InputRow> _changed = [];
    private bool _loading = true;

    [Parameter] public required string Id { get; set; }

    /// <summary>"today" re-prices the saved scenario with the prices in use now (a plain link: nothing is stored).</summary>
    [SupplyParameterFromQuery(Name = "reprice")] public string? Reprice { get; set; }

    /// <summary>Present while the page is rendered over HTTP, so an unknown report answers 404.</summary>
    [CascadingParameter] public HttpContext? HttpContext { get; set; }

    [Inject] public required ReportService Reports { get; init; }

    /// <summary>The calculator with this report's scenario in its URL: an editable copy.</summary>
    private string CalculatorLink
    {
        get
        {
            var query = _report is null ? "" : ScenarioUrl.Encode(_report.Scenario);
            return query.Length == 0 ? "/" : "/?" + query;
        }
    }

    private string RepriceLink => $"/r/{Id}?reprice={RepriceToday}#reprice-panel";

    private string ShortVersion => _report?.AppVersion.Split('+')[0] ?? "";

    protected override async Task OnParametersSetAsync()
    {
        if (_report?.Id != Id)
        {
            _loading = true;
            _report = await Reports.OpenAsync(Id);
            _loading = false;
            if (_report is null)
            {
                // Answered 404 with this page as its body (see ReportSecurityHeaders.MarkNotFound).
                ReportSecurityHeaders.MarkNotFound(HttpContext);
            }

            _changed = _report is null ? [] : ScenarioInputs.Changed(_report.Scenario);
        }

        _repricing = _report is not null && string.Equals(Reprice, RepriceToday, StringComparison.Ordinal) ? Reports.Reprice(_report) : null;
    }

    /// <summary>
    /// The re-price in one sentence: "nothing changed" only when the snapshot is the same and every line came out
    /// equal (a newer CostCalc may compute the same prices differently).
    /// </summary>
    internal static string RepriceOutcome(Repricing repricing, Estimate today, string savedSnapshotId)
    {
        var unchanged = repricing.Lines.All(l => l.SavedUsd == l.TodayUsd);
        var sameSnapshot = string.Equals(today.SnapshotId, savedSnapshotId, StringComparison.Ordinal);
        return (sameSnapshot, unchanged) switch
        {
            (true, true) => $"Same price snapshot ({today.SnapshotId}) — nothing changed.",
            (true, false) => $"Same price snapshot ({today.SnapshotId}), but this version of CostCalc computes some lines differently: see the changes below.",
            (false, true) => $"Today's prices (snapshot {today.SnapshotId}) give the same cost on every line.",
            (false, false) => $"Today's prices (snapshot {today.SnapshotId}) change the cost: see the changes below.",
        };
    }

    private string RepriceOutcome(Repricing repricing, Estimate today) => RepriceOutcome(repricing, today, _report!.SnapshotId);
}
