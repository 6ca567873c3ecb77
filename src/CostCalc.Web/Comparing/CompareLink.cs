using System.Globalization;

namespace CostCalc.Web.Comparing;

/// <summary>A pinned scenario as /compare's address holds it: the calculator's query (<c>s=</c>) or a saved report's id (<c>r=</c>), and an optional label (<c>n=</c>).</summary>
/// <param name="Part">
/// For a saved comparison (<c>r=</c> then <c>i=</c>), which of its scenarios, counting from 1; null for a report of one
/// scenario, or for a whole comparison, which /compare opens as one pin per scenario.
/// </param>
public sealed record Pin(PinKind Kind, string Value, string? Label = null, int? Part = null)
{
    /// <summary>The calculator with this scenario (a report's own page for a saved one).</summary>
    public string CalculatorLink => Kind == PinKind.Scenario ? (Value.Length == 0 ? "/" : "/?" + Value) : $"/r/{Value}";
}

public enum PinKind
{
    /// <summary>A calculator query, priced with today's prices.</summary>
    Scenario,

    /// <summary>A saved report, with the estimate and prices it was saved with.</summary>
    Report,
}

/// <summary>
/// The address of a comparison: <c>/compare?s=&lt;calculator query, URL-encoded&gt;&amp;n=&lt;label&gt;&amp;r=&lt;report id&gt;…</c>,
/// every pin in order, a label (<c>n=</c>) belonging to the pin before it, and <c>i=&lt;n&gt;</c> after a saved comparison's
/// id naming one of its scenarios. Nothing is dropped when reading: a pin past the fourth is still a pin, for the page to
/// explain, and an <c>i=</c> that is not a whole number from 1 reads as 0, which no comparison has.
/// </summary>
public static class CompareLink
{
    public const string Path = "/compare";
    public const string ScenarioKey = "s";
    public const string ReportKey = "r";
    public const string LabelKey = "n";
    public const string PartKey = "i";

    /// <summary>The pins of a query (with or without its "?"), in order; parameters other than s, r and n are ignored.</summary>
    public static IReadOnlyList<Pin> Parse(string? query)
    {
        var pins = new List<Pin>();
        foreach (var part in (query ?? "").TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var key = Unescape(equals < 0 ? part : part[..equals]);
            var value = equals < 0 ? "" : Unescape(part[(equals + 1)..]);
            switch (key)
            {
                case ScenarioKey:
                    pins.Add(new Pin(PinKind.Scenario, value));
                    break;
                case ReportKey:
                    pins.Add(new Pin(PinKind.Report, ReportIdOf(value)));
                    break;
                case LabelKey when pins.Count > 0 && pins[^1].Label is null:
                    pins[^1] = pins[^1] with { Label = value };
                    break;
                case PartKey when pins.Count > 0 && pins[^1] is { Kind: PinKind.Report, Part: null }:
                    pins[^1] = pins[^1] with { Part = PartOf(value) };
                    break;
            }
        }

        return pins;
    }

    /// <summary>The query (without "?") for these pins; empty for none.</summary>
    public static string Encode(IEnumerable<Pin> pins)
    {
        ArgumentNullException.ThrowIfNull(pins);
        var parts = new List<string>();
        foreach (var pin in pins)
        {
            parts.Add($"{(pin.Kind == PinKind.Scenario ? ScenarioKey : ReportKey)}={Uri.EscapeDataString(pin.Value)}");
            if (pin is { Kind: PinKind.Report, Part: { } part })
            {
                parts.Add(string.Create(CultureInfo.InvariantCulture, $"{PartKey}={part}"));
            }

            if (!string.IsNullOrWhiteSpace(pin.Label))
            {
                parts.Add($"{LabelKey}={Uri.EscapeDataString(pin.Label)}");
            }
        }

        return string.Join('&', parts);
    }

    /// <summary>/compare with these pins.</summary>
    public static string To(IEnumerable<Pin> pins)
    {
        var query = Encode(pins);
        return query.Length == 0 ? Path : $"{Path}?{query}";
    }

    /// <summary>The same pins without the one at <paramref name="index"/>.</summary>
    public static string Without(IReadOnlyList<Pin> pins, int index) => To(pins.Where((_, i) => i != index));

    /// <summary>The same pins with the one at <paramref name="index"/> first (the one every delta is measured against).</summary>
    public static string First(IReadOnlyList<Pin> pins, int index) => To(pins.Skip(index).Take(1).Concat(pins.Where((_, i) => i != index)));

    /// <summary>A report's id from its id or a pasted link to it (…/r/{id}, …/r/{id}.pdf, with or without a query).</summary>
    public static string ReportIdOf(string text)
    {
        var id = text.Trim();
        var at = id.LastIndexOf("/r/", StringComparison.Ordinal);
        id = at >= 0 ? id[(at + 3)..] : id;
        var end = id.IndexOfAny(['?', '#', '/']);
        id = end >= 0 ? id[..end] : id;
        return id.EndsWith(".pdf", StringComparison.Ordinal) ? id[..^4] : id;
    }

    private static int PartOf(string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var part) && part >= 1 ? part : 0;

    private static string Unescape(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
}
