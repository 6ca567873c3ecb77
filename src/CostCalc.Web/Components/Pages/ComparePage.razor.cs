using System.Data.Common;
using CostCalc.Web.Comparing;
using CostCalc.Web.Pricing;
using CostCalc.Web.Reports;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.JSInterop;
using MudBlazor;

namespace CostCalc.Web.Components.Pages;

/// <summary>
/// Up to four pinned scenarios side by side, every one of them in the address (<see cref="CompareLink"/>): remove and
/// make-first are plain links to another address. The pins the address holds become the calculator's pin list
/// (<see cref="PinStore"/>), so "Compare (n)" there opens this view again.
/// </summary>
public sealed partial class ComparePage : IDisposable
{
    private PinnedComparison? _view;
    private string? _loadedQuery;
    private string? _storedQuery;
    private bool _sharing;
    private bool _shareFormOpen;
    private string? _shareTitle;
    private string? _shareNotes;
    private string? _sharedUrl;

    [Inject] public required CurrentPrices Prices { get; init; }
    [Inject] public required TimeProvider Clock { get; init; }
    [Inject] public required NavigationManager Navigation { get; init; }
    [Inject] public required ReportService Reports { get; init; }
    [Inject] public required SaveRateLimiter SaveLimiter { get; init; }
    [Inject] public required IJSRuntime Js { get; init; }
    [Inject] public required ISnackbar Snackbar { get; init; }

    [CascadingParameter] public ReportClient? Client { get; set; }

    private string Query => new Uri(Navigation.Uri).Query.TrimStart('?');

    protected override async Task OnInitializedAsync()
    {
        Navigation.LocationChanged += OnLocationChanged;
        await LoadAsync();
    }

    public void Dispose() => Navigation.LocationChanged -= OnLocationChanged;

    private async Task LoadAsync()
    {
        var query = Query;
        if (query == _loadedQuery)
        {
            return;
        }

        _loadedQuery = query;
        _view = await PinnedComparison.OpenAsync(CompareLink.Parse(query), Prices.Estimator,
            DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime), Reports);
    }

    private void OnLocationChanged(object? sender, LocationChangedEventArgs e) => _ = InvokeAsync(async () =>
    {
        await LoadAsync();
        StateHasChanged();
    });

    /// <summary>Once interactive, the address's pins become the calculator's pin list.</summary>
    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_view is null || !RendererInfo.IsInteractive)
        {
            return;
        }

        var query = CompareLink.Encode(_view.Pins);
        if (query != _storedQuery)
        {
            _storedQuery = query;
            await PinStore.WriteAsync(Js, query);
        }
    }

    private string FirstLink(int openedIndex) => CompareLink.First(_view!.Pins, _view.Opened[openedIndex].Index);

    private string RemoveLink(int openedIndex) => CompareLink.Without(_view!.Pins, _view.Opened[openedIndex].Index);

    private async Task ShareAsync()
    {
        if (_sharing || _view?.Comparison is not { } comparison)
        {
            return;
        }

        var (text, textProblems) = ReportText.Create(_shareTitle, _shareNotes);
        if (text is null)
        {
            Snackbar.Add(string.Join(" ", textProblems.Values.SelectMany(v => v)), Severity.Warning);
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

            var outcome = await Reports.SaveComparisonAsync(comparison, text);
            if (outcome.Report is not { } saved)
            {
                Snackbar.Add(outcome.Problem ?? "The report could not be saved.", Severity.Error);
                return;
            }

            _sharedUrl = Navigation.ToAbsoluteUri($"/r/{saved.Id}").ToString();
            _shareFormOpen = false;
            (_shareTitle, _shareNotes) = (null, null);
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
