using System.Text.Json;
using CostCalc.Domain.Scenarios;
using CostCalc.Web.Components.Calculator;
using CostCalc.Web.Components.Reports;
using CostCalc.Web.Exports;
using CostCalc.Web.Hosting;
using CostCalc.Web.Pricing;
using CostCalc.Web.Reports;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.JSInterop;
using MudBlazor;

namespace CostCalc.Web.Components.Pages;

/// <summary>
/// The calculator: inputs on one side, results recomputed on every change, and the address bar
/// always holding a link to the current what-if.
/// </summary>
public sealed partial class CalculatorPage
{
    private const int RankingTab = 2;

    private CalculatorState _state = null!;
    private string? _linkError;
    private string _writtenQuery = "";
    private RankingFilter _rankingFilter = RankingFilter.None;
    private ShareForm _share = null!;

    [Inject] public required CurrentPrices Prices { get; init; }
    [Inject] public required TimeProvider Clock { get; init; }
    [Inject] public required NavigationManager Navigation { get; init; }
    [Inject] public required IJSRuntime Js { get; init; }
    [Inject] public required ISnackbar Snackbar { get; init; }
    [Inject] public required CalculatorSession Session { get; init; }
    [Inject] public required SharedResults Shared { get; init; }

    protected override void OnInitialized()
    {
        _state = new CalculatorState(Prices.Estimator, DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime), Shared);
        LoadFromAddress();
        // A resumed circuit keeps the tab it had (CalculatorSession); a new page opens the one its path names.
        Session.Tab ??= new Uri(Navigation.Uri).AbsolutePath.TrimEnd('/').EndsWith("/instances", StringComparison.Ordinal) ? RankingTab : 0;
        _state.Changed += OnStateChanged;
        Navigation.LocationChanged += OnLocationChanged;
    }

    private int Tab
    {
        get => Session.Tab ?? 0;
        set => Session.Tab = value;
    }

    public void Dispose()
    {
        _state.Changed -= OnStateChanged;
        Navigation.LocationChanged -= OnLocationChanged;
    }

    private void LoadFromAddress()
    {
        var query = QueryHelpers.ParseQuery(new Uri(Navigation.Uri).Query)
            .ToDictionary(kv => kv.Key, kv => kv.Value.ToString(), StringComparer.Ordinal);
        _rankingFilter = RankingFilter.Read(query);
        var scenarioQuery = query.Where(kv => !RankingFilter.IsKey(kv.Key)).ToDictionary(StringComparer.Ordinal);
        var (scenario, error) = ScenarioUrl.Decode(scenarioQuery, _state.Estimator.Prices, _state.Estimator.Catalog);
        _linkError = error;
        _state.TrySet(scenario);
        _writtenQuery = AddressQuery();
    }

    /// <summary>The address's query: the scenario, then the ranking's filter when it filters anything.</summary>
    private string AddressQuery()
    {
        var scenario = ScenarioUrl.Encode(_state.Scenario);
        var filter = _rankingFilter.Encode();
        return filter.Length == 0 ? scenario : scenario.Length == 0 ? filter : $"{scenario}&{filter}";
    }

    private void OnStateChanged()
    {
        WriteAddress();
        StateHasChanged();
    }

    private void WriteAddress()
    {
        var query = AddressQuery();
        if (query != _writtenQuery)
        {
            _writtenQuery = query;
            var path = new Uri(Navigation.Uri).AbsolutePath;
            Navigation.NavigateTo(query.Length == 0 ? path : $"{path}?{query}", new NavigationOptions { ReplaceHistoryEntry = true });
        }
    }

    private void SetRankingFilter(RankingFilter filter)
    {
        _rankingFilter = filter;
        WriteAddress();
    }

    private void OnLocationChanged(object? sender, LocationChangedEventArgs e)
    {
        var query = new Uri(e.Location).Query.TrimStart('?');
        if (query != _writtenQuery)
        {
            LoadFromAddress();
            _ = InvokeAsync(StateHasChanged);
        }
    }

    private void PickInstance((string Field, string InstanceType) pick)
    {
        var choice = ScenarioChoices.Get(pick.Field);
        _state.TrySet(choice.Write(_state.Scenario, pick.InstanceType));
        Tab = 0;
        Snackbar.Add($"{pick.InstanceType} set as the {choice.Label.ToLowerInvariant()}.", Severity.Success);
    }

    private async Task CopyLinkAsync()
    {
        try
        {
            await Js.InvokeAsync<bool>("costcalc.copyText", Navigation.Uri);
            Snackbar.Add("Link copied to the clipboard.", Severity.Success);
        }
        catch (JSException)
        {
            Snackbar.Add("The browser refused the clipboard; copy the address bar instead.", Severity.Warning);
        }
    }

    /// <summary>Share saves the estimate on screen, with its scenario and today's prices.</summary>
    private Task<SaveOutcome> SaveEstimate(ReportService reports, ReportText text) => reports.SaveAsync(_state.Estimate, text);

    /// <summary>While an input is invalid the estimate on screen is the last valid one, which is not what the author sees in the inputs.</summary>
    private string? WhyNotShare() =>
        _state.InvalidInputs.Count > 0 ? "Fix the highlighted inputs before sharing: the report would show the last valid estimate." : null;

    /// <summary>GET /api/estimate.pdf with the scenario on screen (the last valid one), as the address bar encodes it.</summary>
    private string PdfLink => ExportLink("/api/estimate.pdf");

    private string MarkdownLink => ExportLink("/api/estimate.md");

    /// <summary>An export of the scenario on screen: the endpoint with the calculator's own query.</summary>
    private string ExportLink(string endpoint)
    {
        var query = ScenarioUrl.Encode(_state.Scenario);
        return query.Length == 0 ? endpoint : endpoint + "?" + query;
    }

    private Task ExportCsvAsync() => DownloadAsync("costcalc-estimate.csv", "text/csv", EstimateCsv.Write(_state.Estimate));

    private Task ExportJsonAsync() =>
        DownloadAsync("costcalc-estimate.json", "application/json", JsonSerializer.Serialize(_state.Estimate, JsonSetup.Options));

    private async Task DownloadAsync(string fileName, string contentType, string text)
    {
        try
        {
            await Js.InvokeVoidAsync("costcalc.download", fileName, contentType, text);
        }
        catch (JSException)
        {
            Snackbar.Add("The download could not be started.", Severity.Warning);
        }
    }
}
