using System.Data.Common;
using CostCalc.Web.Reports;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace CostCalc.Web.Components.Reports;

/// <summary>
/// Saves what a page shows as a report and copies its link: the author's title and notes are checked
/// (<see cref="ReportText.Create"/>), then the page's <see cref="Refusal"/>, then the per-client save limit, then
/// <see cref="Save"/> stores it. The save limit is checked here, in the handler, because circuit events never pass
/// through HTTP middleware.
/// </summary>
public sealed partial class ShareForm
{
    private bool _open;
    private bool _sharing;
    private string? _title;
    private string? _notes;
    private string? _sharedUrl;

    /// <summary>Whether the last render drew anything (the form or the banner), so hiding both still renders once.</summary>
    private bool _drawn;

    [Inject] public required SaveRateLimiter SaveLimiter { get; init; }
    [Inject] public required ReportService Reports { get; init; }
    [Inject] public required NavigationManager Navigation { get; init; }
    [Inject] public required IJSRuntime Js { get; init; }
    [Inject] public required ISnackbar Snackbar { get; init; }

    /// <summary>Who saves from this circuit, for the per-client save limit (set from the page's HTTP request).</summary>
    [CascadingParameter] public ReportClient? Client { get; set; }

    /// <summary>The form's heading, e.g. "Share a dated report".</summary>
    [Parameter, EditorRequired] public required string Heading { get; set; }

    /// <summary>A sentence under the heading saying what is saved; none when null.</summary>
    [Parameter] public string? Intro { get; set; }

    /// <summary>The notes box's label, naming what the notes are about.</summary>
    [Parameter] public string NotesLabel { get; set; } = "Notes (optional)";

    /// <summary>Stores the report with the author's text (empty text as none); called at most once at a time.</summary>
    [Parameter, EditorRequired] public required Func<ReportService, ReportText, Task<SaveOutcome>> Save { get; set; }

    /// <summary>Why the page cannot be shared right now (shown to the user, nothing saved), or null when it can.</summary>
    [Parameter] public Func<string?>? Refusal { get; set; }

    private bool Visible => _open || _sharedUrl is not null;

    /// <summary>Opens the form (the page's Share button).</summary>
    public void Show()
    {
        _open = true;
        StateHasChanged();
    }

    /// <summary>
    /// The calculator re-renders on every input change and hands this component new delegates each time; while neither
    /// the form nor the banner shows (and the last render drew neither) there is nothing to draw.
    /// </summary>
    protected override bool ShouldRender()
    {
        var render = Visible || _drawn;
        _drawn = Visible;
        return render;
    }

    private async Task ShareAsync()
    {
        if (_sharing)
        {
            return;
        }

        var (text, textProblems) = ReportText.Create(_title, _notes);
        if (text is null)
        {
            Snackbar.Add(string.Join(" ", textProblems.Values.SelectMany(v => v)), Severity.Warning);
            return;
        }

        if (Refusal?.Invoke() is { } refusal)
        {
            Snackbar.Add(refusal, Severity.Warning);
            return;
        }

        _sharing = true;
        try
        {
            var rate = SaveLimiter.TryAcquire(Client?.Key ?? ClientKeys.Unknown);
            if (!rate.Allowed)
            {
                Snackbar.Add($"Too many reports saved from here; try again in {rate.RetryAfterSeconds} s.", Severity.Warning);
                return;
            }

            var outcome = await Save(Reports, text);
            if (outcome.Report is not { } saved)
            {
                Snackbar.Add(outcome.Problem ?? "The report could not be saved.", Severity.Error);
                return;
            }

            _sharedUrl = Navigation.ToAbsoluteUri($"/r/{saved.Id}").ToString();
            _open = false;
            (_title, _notes) = (null, null);
            try
            {
                await Js.InvokeAsync<bool>("costcalc.copyText", _sharedUrl);
                Snackbar.Add("Report saved; its link is copied to the clipboard.", Severity.Success);
            }
            catch (JSException)
            {
                Snackbar.Add("Report saved; copy its link from the banner.", Severity.Info);
            }
        }
        catch (DbException)
        {
            Snackbar.Add("The report could not be saved right now; please try again.", Severity.Error);
        }
        finally
        {
            _sharing = false;
        }
    }
}
