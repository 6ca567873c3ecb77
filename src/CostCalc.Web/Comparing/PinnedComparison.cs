using System.Data.Common;
using CostCalc.Domain.Comparing;
using CostCalc.Domain.Estimation;
using CostCalc.Domain.Scenarios;
using CostCalc.Web.Components.Calculator;
using CostCalc.Web.Reports;
using Microsoft.AspNetCore.WebUtilities;

namespace CostCalc.Web.Comparing;

/// <summary>A pin opened: its estimate (today's prices for a calculator query, the stored one for a report) and what reading it changed.</summary>
/// <param name="Note">What of the pin could not be used as written (ScenarioUrl's note, a shortened label); null when nothing.</param>
/// <param name="Index">Its place among the address's pins.</param>
public sealed record OpenedPin(int Index, Pin Pin, Estimate Estimate, string? Note)
{
    /// <summary>The calculator with this scenario, for editing (a saved report's scenario opens as an editable copy).</summary>
    public string CalculatorLink => ScenarioUrl.Encode(Estimate.Scenario) is { Length: > 0 } query ? "/?" + query : "/";
}

/// <summary>A pin that could not be opened at all, and why.</summary>
public sealed record RefusedPin(int Index, Pin Pin, string Reason);

/// <summary>
/// What /compare shows for the pins in its address: the comparison of the pins that open (when two or more do), each
/// pin that could not be opened with the reason, and the pins past <see cref="Comparison.MaxScenarios"/>, which are
/// listed rather than dropped.
/// </summary>
public sealed record PinnedComparison(
    IReadOnlyList<Pin> Pins,
    IReadOnlyList<OpenedPin> Opened,
    IReadOnlyList<RefusedPin> Refused,
    IReadOnlyList<Pin> PastLimit,
    Comparison? Comparison)
{
    public static async Task<PinnedComparison> OpenAsync(
        IReadOnlyList<Pin> pins, Estimator estimator, DateOnly today, ReportService reports, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(pins);
        var opened = new List<OpenedPin>();
        var refused = new List<RefusedPin>();
        var considered = pins.Take(Comparison.MaxScenarios).ToList();
        for (var i = 0; i < considered.Count; i++)
        {
            var (pin, labelNote) = WithShortLabel(considered[i]);
            var (estimate, note, problem) = pin.Kind == PinKind.Scenario
                ? OpenScenario(pin.Value, estimator, today)
                : await OpenReportAsync(pin.Value, reports, cancellation).ConfigureAwait(false);
            if (estimate is null)
            {
                refused.Add(new RefusedPin(i, pin, problem!));
                continue;
            }

            opened.Add(new OpenedPin(i, pin, estimate, string.Join(" ", new[] { note, labelNote }.Where(n => n is not null)) is { Length: > 0 } all ? all : null));
        }

        var comparison = opened.Count >= Comparison.MinScenarios
            ? Comparison.Of([.. opened.Select(o => new ComparisonEntry(o.Pin.Label, o.Estimate))])
            : null;
        return new PinnedComparison(pins, opened, refused, [.. pins.Skip(Comparison.MaxScenarios)], comparison);
    }

    /// <summary>A calculator query as the calculator reads it; a query without the link version is refused rather than shown as the defaults.</summary>
    internal static (Estimate? Estimate, string? Note, string? Problem) OpenScenario(string query, Estimator estimator, DateOnly today)
    {
        var values = QueryHelpers.ParseQuery(query)
            .Where(kv => !RankingFilter.IsKey(kv.Key))
            .ToDictionary(kv => kv.Key, kv => kv.Value.ToString(), StringComparer.Ordinal);
        if (values.Count > 0 && values.GetValueOrDefault(ScenarioUrl.VersionKey) != ScenarioUrl.Version)
        {
            return (null, null, $"This pin is not a calculator link: it has no supported version ({ScenarioUrl.VersionKey}={ScenarioUrl.Version}).");
        }

        var (scenario, note) = ScenarioUrl.Decode(values, estimator.Prices, estimator.Catalog, [.. estimator.Paths.Select(p => p.Id)]);
        return (estimator.Estimate(scenario, today), note, null);
    }

    private static async Task<(Estimate? Estimate, string? Note, string? Problem)> OpenReportAsync(string id, ReportService reports, CancellationToken cancellation)
    {
        SavedReport? report;
        try
        {
            report = await reports.OpenAsync(id, cancellation).ConfigureAwait(false);
        }
        catch (DbException)
        {
            return (null, null, "Saved reports cannot be read right now; reload the page in a moment.");
        }

        if (report is null)
        {
            return (null, null, $"No saved report has the id '{id}'. Check that the whole link was copied.");
        }

        return report.Compared is { } compared
            ? (null, null, $"Report {id} is itself a comparison of {compared.Count} scenarios; open it at /r/{id}.")
            : (report.Estimate, null, null);
    }

    private static (Pin Pin, string? Note) WithShortLabel(Pin pin)
    {
        var label = pin.Label?.Trim();
        if (label is null || label.Length <= Comparison.MaxLabelChars)
        {
            return (pin with { Label = label is { Length: > 0 } ? label : null }, null);
        }

        return (pin with { Label = label[..Comparison.MaxLabelChars] },
            $"Its label is shortened to {Comparison.MaxLabelChars} characters.");
    }
}
