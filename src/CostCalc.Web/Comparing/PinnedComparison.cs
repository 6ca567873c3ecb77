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
/// A saved comparison pinned whole (<c>r=&lt;id&gt;</c> without <c>i=</c>), opened as one pin per scenario: pins
/// <paramref name="First"/> to <paramref name="First"/> + <paramref name="Count"/> − 1 of <see cref="PinnedComparison.Pins"/>.
/// </summary>
/// <param name="UnusedLabel">The label the address gave the whole comparison, which its scenarios (each with its own saved label) do not use; null when none.</param>
public sealed record ExpandedReport(string Id, int First, int Count, string? UnusedLabel);

/// <summary>
/// What /compare shows for the pins in its address: the comparison of the pins that open (when two or more do), each
/// pin that could not be opened with the reason, and the pins past <see cref="Comparison.MaxScenarios"/>, which are
/// listed rather than dropped. A saved comparison in the address is one pin per scenario (<see cref="Expanded"/>), so
/// <see cref="Pins"/> may hold more pins than the address names; every index and link is over <see cref="Pins"/>.
/// </summary>
public sealed record PinnedComparison(
    IReadOnlyList<Pin> Pins,
    IReadOnlyList<OpenedPin> Opened,
    IReadOnlyList<RefusedPin> Refused,
    IReadOnlyList<Pin> PastLimit,
    Comparison? Comparison)
{
    /// <summary>The saved comparisons the address pinned whole, in order.</summary>
    public IReadOnlyList<ExpandedReport> Expanded { get; init; } = [];

    public static async Task<PinnedComparison> OpenAsync(
        IReadOnlyList<Pin> pins, Estimator estimator, DateOnly today, ReportService reports, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(pins);
        var found = new SavedReports(reports, cancellation);
        var (all, expanded) = await ExpandAsync(pins, found).ConfigureAwait(false);
        var opened = new List<OpenedPin>();
        var refused = new List<RefusedPin>();
        var considered = all.Take(Comparison.MaxScenarios).ToList();
        for (var i = 0; i < considered.Count; i++)
        {
            var (pin, labelNote) = WithShortLabel(considered[i]);
            var (estimate, savedLabel, note, problem) = pin.Kind == PinKind.Scenario
                ? OpenScenario(pin.Value, estimator, today)
                : OpenReport(pin, await found.OpenAsync(pin.Value).ConfigureAwait(false));
            if (estimate is null)
            {
                refused.Add(new RefusedPin(i, pin, problem!));
                continue;
            }

            opened.Add(new OpenedPin(i, pin with { Label = pin.Label ?? savedLabel }, estimate,
                string.Join(" ", new[] { note, labelNote }.Where(n => n is not null)) is { Length: > 0 } notes ? notes : null));
        }

        var comparison = opened.Count >= Comparison.MinScenarios
            ? Comparison.Of([.. opened.Select(o => new ComparisonEntry(o.Pin.Label, o.Estimate))])
            : null;
        return new PinnedComparison(all, opened, refused, [.. all.Skip(Comparison.MaxScenarios)], comparison) { Expanded = expanded };
    }

    /// <summary>
    /// The pins with every saved comparison pinned whole replaced by one pin per scenario (<c>i=1</c> …), in place. Only
    /// pins that start within the first <see cref="Comparison.MaxScenarios"/> are read: one past them is listed as it is
    /// (its "make it first" link opens it), so a long address costs at most that many reads.
    /// </summary>
    private static async Task<(List<Pin> Pins, List<ExpandedReport> Expanded)> ExpandAsync(IReadOnlyList<Pin> pins, SavedReports found)
    {
        var all = new List<Pin>(pins.Count);
        var expanded = new List<ExpandedReport>();
        foreach (var pin in pins)
        {
            if (all.Count < Comparison.MaxScenarios && pin is { Kind: PinKind.Report, Part: null }
                && (await found.OpenAsync(pin.Value).ConfigureAwait(false)).Report?.Compared is { } compared)
            {
                var label = string.IsNullOrWhiteSpace(pin.Label) ? null : pin.Label.Trim();
                expanded.Add(new ExpandedReport(pin.Value, all.Count, compared.Count, label));
                all.AddRange(Enumerable.Range(1, compared.Count).Select(part => new Pin(PinKind.Report, pin.Value, null, part)));
                continue;
            }

            all.Add(pin);
        }

        return (all, expanded);
    }

    /// <summary>
    /// A calculator query as the calculator reads it; a query without the link version is refused rather than shown as the
    /// defaults. It has no saved label (the same shape as <see cref="OpenReport"/>).
    /// </summary>
    private static (Estimate? Estimate, string? SavedLabel, string? Note, string? Problem) OpenScenario(string query, Estimator estimator, DateOnly today)
    {
        var values = QueryHelpers.ParseQuery(query)
            .Where(kv => !RankingFilter.IsKey(kv.Key))
            .ToDictionary(kv => kv.Key, kv => kv.Value.ToString(), StringComparer.Ordinal);
        if (values.Count > 0 && values.GetValueOrDefault(ScenarioUrl.VersionKey) != ScenarioUrl.Version)
        {
            return (null, null, null, $"This pin is not a calculator link: it has no supported version ({ScenarioUrl.VersionKey}={ScenarioUrl.Version}).");
        }

        var (scenario, note) = ScenarioUrl.Decode(values, estimator.Prices, estimator.Catalog, [.. estimator.Paths.Select(p => p.Id)]);
        return (estimator.Estimate(scenario, today), null, note, null);
    }

    /// <summary>
    /// A report pin: a report of one scenario, or one scenario (<see cref="Pin.Part"/>) of a saved comparison with the label
    /// it was saved with (a label in the address takes its place).
    /// </summary>
    private static (Estimate? Estimate, string? SavedLabel, string? Note, string? Problem) OpenReport(Pin pin, (SavedReport? Report, string? Problem) found)
    {
        var id = pin.Value;
        if (found.Report is not { } report)
        {
            return (null, null, null, found.Problem);
        }

        return (report.Compared, pin.Part) switch
        {
            (null, null) => (report.Estimate, null, null, null),
            (null, { } part) => (null, null, null, $"Report {id} is one scenario, not a comparison, so it has no scenario {part}; pin it without {CompareLink.PartKey}={part}."),
            ({ } compared, { } part) when part >= 1 && part <= compared.Count => (compared[part - 1].Estimate, compared[part - 1].Label, null, null),
            ({ } compared, var part) => (null, null, null,
                $"Report {id} is a comparison of scenarios 1 to {compared.Count}; it has no scenario {part}."),
        };
    }

    /// <summary>Saved reports read at most once per opening, however many pins name them (a comparison pinned whole names one per scenario).</summary>
    private sealed class SavedReports(ReportService reports, CancellationToken cancellation)
    {
        private readonly Dictionary<string, (SavedReport? Report, string? Problem)> _read = new(StringComparer.Ordinal);

        public async Task<(SavedReport? Report, string? Problem)> OpenAsync(string id)
        {
            if (!_read.TryGetValue(id, out var found))
            {
                found = await ReadAsync(id).ConfigureAwait(false);
                _read[id] = found;
            }

            return found;
        }

        private async Task<(SavedReport? Report, string? Problem)> ReadAsync(string id)
        {
            try
            {
                return await reports.OpenAsync(id, cancellation).ConfigureAwait(false) is { } report
                    ? (report, null)
                    : (null, $"No saved report has the id '{id}'. Check that the whole link was copied.");
            }
            catch (DbException)
            {
                return (null, "Saved reports cannot be read right now; reload the page in a moment.");
            }
        }
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
