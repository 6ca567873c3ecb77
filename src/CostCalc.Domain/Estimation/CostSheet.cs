using System.Globalization;
using System.Runtime.CompilerServices;
using CostCalc.Domain.Prices;
using CostCalc.Domain.Scenarios;

namespace CostCalc.Domain.Estimation;

/// <summary>
/// Where a plan writes its monthly costs, in one pass: the amount of each <see cref="CostKind"/>
/// and, when itemised, the named lines with their detail and source. The projection uses a sheet
/// of totals (details are never formatted); the estimate uses an itemised one. Because both come
/// from the same calls, the lines always sum to the total.
/// </summary>
public sealed class CostSheet
{
    private readonly decimal[] _amounts = new decimal[CostKinds.Count];
    private readonly List<CostLine>? _lines;

    /// <summary>More counts than the longest horizon (60 months) or a crossover prices; a sheet pricing more starts afresh.</summary>
    private const int TrafficMonthsKept = 128;

    private readonly Dictionary<double, TrafficCosts> _traffic = [];
    private Scenario? _trafficScenario;
    private ServicePrices? _trafficServices;

    private CostSheet(bool itemised) => _lines = itemised ? [] : null;

    /// <summary>A sheet that keeps amounts only, for months of the projection and rankings.</summary>
    public static CostSheet Totals() => new(itemised: false);

    /// <summary>A sheet that also keeps every line with its detail, for display.</summary>
    public static CostSheet Itemised() => new(itemised: true);

    public bool IsItemised => _lines is not null;

    public IReadOnlyList<CostLine> Lines => _lines ?? [];

    public decimal Total { get; private set; }

    public decimal Amount(CostKind kind) => _amounts[(int)kind];

    /// <summary>Adds one monthly cost; the detail is formatted only on an itemised sheet.</summary>
    /// <param name="adjustment">How the user's prices changed the rates (<see cref="CostLine.Adjustment"/>); null at list price.</param>
    public void Add(CostKind kind, string name, decimal monthlyUsd, [InterpolatedStringHandlerArgument("")] CostDetail detail, string source, string? adjustment = null) =>
        Add(kind, name, monthlyUsd, detail.Text(), source, adjustment);

    public void Add(CostKind kind, string name, decimal monthlyUsd, string detail, string source, string? adjustment = null)
    {
        _amounts[(int)kind] += monthlyUsd;
        Total += monthlyUsd;
        _lines?.Add(new CostLine(kind, name, monthlyUsd, detail, source) { Adjustment = adjustment });
    }

    /// <summary>
    /// The traffic lines of a month (<see cref="SharedCosts.Traffic"/>). A totals sheet keeps those of every month it has
    /// priced for one scenario, by the month's peak connections, for the next path priced on it: the projection, the
    /// tornado and the bridge price every path over the same months. A scenario and its prices are immutable, so the same objects and the
    /// same connections give the same amounts; any other scenario or price object starts afresh.
    /// </summary>
    internal TrafficCosts Traffic(Scenario scenario, ServicePrices services, LoadDay day)
    {
        if (IsItemised)
        {
            return SharedCosts.Traffic(scenario, services, day);
        }

        if (!ReferenceEquals(scenario, _trafficScenario) || !ReferenceEquals(services, _trafficServices) || _traffic.Count >= TrafficMonthsKept)
        {
            (_trafficScenario, _trafficServices) = (scenario, services);
            _traffic.Clear();
        }

        var connections = day.Peak.Connections;
        if (!_traffic.TryGetValue(connections, out var costs))
        {
            _traffic[connections] = costs = SharedCosts.Traffic(scenario, services, day);
        }

        return costs;
    }

    public void Clear()
    {
        Array.Clear(_amounts);
        Total = 0;
        _lines?.Clear();
    }
}

/// <summary>A cost line's detail text, formatted with the invariant culture and only when the sheet is itemised.</summary>
[InterpolatedStringHandler]
public ref struct CostDetail
{
    private DefaultInterpolatedStringHandler _text;
    private readonly bool _enabled;

    public CostDetail(int literalLength, int formattedCount, CostSheet sheet, out bool enabled)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        _enabled = enabled = sheet.IsItemised;
        _text = enabled ? new DefaultInterpolatedStringHandler(literalLength, formattedCount, CultureInfo.InvariantCulture) : default;
    }

    public void AppendLiteral(string value) => _text.AppendLiteral(value);

    public void AppendFormatted<T>(T value) => _text.AppendFormatted(value);

    public void AppendFormatted<T>(T value, string? format) => _text.AppendFormatted(value, format);

    public void AppendFormatted(string? value) => _text.AppendFormatted(value);

    internal string Text() => _enabled ? _text.ToStringAndClear() : "";
}
