using CostCalc.Domain.Scenarios;
using CostCalc.Web.Reports;
using Microsoft.AspNetCore.Components;

namespace CostCalc.Web.Components.Pages;

/// <summary>
/// A saved report, read-only: the stored estimate rendered with the calculator's result components,
/// its price date up front, re-pricing on request and a link that opens an editable copy.
/// </summary>
public sealed partial class ReportPage
{
    private SavedReport? _report;
    private Repricing? _repricing;
    private bool _loading = true;

    [Parameter] public required string Id { get; set; }

    /// <summary>Present while the page is prerendered over HTTP, so an unknown report answers 404.</summary>
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

    private string ShortVersion => _report?.AppVersion.Split('+')[0] ?? "";

    protected override async Task OnParametersSetAsync()
    {
        if (_report?.Id == Id)
        {
            return;
        }

        _loading = true;
        _repricing = null;
        _report = await Reports.OpenAsync(Id);
        _loading = false;
        if (_report is null)
        {
            // Answered 404 with this page as its body (see ReportSecurityHeaders.MarkNotFound).
            ReportSecurityHeaders.MarkNotFound(HttpContext);
        }
    }

    private void Reprice()
    {
        if (_report is not null)
        {
            _repricing = Reports.Reprice(_report);
        }
    }
}
