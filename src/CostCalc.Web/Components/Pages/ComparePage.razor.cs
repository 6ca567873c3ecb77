using CostCalc.Web.Comparing;
using CostCalc.Web.Components.Reports;
using CostCalc.Web.Pricing;
using CostCalc.Web.Reports;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.JSInterop;

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
    private ShareForm _share = null!;

    [Inject] public required CurrentPrices Prices { get; init; }
    [Inject] public required TimeProvider Clock { get; init; }
    [Inject] public required NavigationManager Navigation { get; init; }
    [Inject] public required ReportService Reports { get; init; }
    [Inject] public required IJSRuntime Js { get; init; }

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

    /// <summary>Share saves the comparison on screen as one report (format 3), each scenario with its own prices.</summary>
    private Task<SaveOutcome> SaveComparison(ReportService reports, ReportText text) => reports.SaveComparisonAsync(_view!.Comparison!, text);

    /// <summary>The address may have changed since the form opened (a pin removed in another tab's link).</summary>
    private string? WhyNotShare() => _view?.Comparison is null ? "Pin at least two scenarios to share a comparison." : null;
}
