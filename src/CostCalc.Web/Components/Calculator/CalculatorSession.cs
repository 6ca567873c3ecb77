using Microsoft.AspNetCore.Components;

namespace CostCalc.Web.Components.Calculator;

/// <summary>
/// What of one calculator page its address does not carry: the text of inputs that cannot be used yet (so an
/// invalid "1,5" comes back as typed, with its error) and the open tab. The scenario and the ranking's filter are in
/// the address, which a resumed circuit is started with. Scoped (one per circuit) and registered as a .NET 10
/// persistent service, so its <see cref="PersistentStateAttribute"/> properties are saved when the circuit is paused
/// or evicted and restored into the circuit that resumes it (see Hosting/CircuitPersistence.cs).
/// </summary>
public sealed class CalculatorSession
{
    /// <summary>Text typed into a numeric input that was not applied (unreadable or out of range), by field name.</summary>
    [PersistentState]
    public Dictionary<string, string> Drafts { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The results tab shown; null until the page first decides it (from its path).</summary>
    [PersistentState]
    public int? Tab { get; set; }

    /// <summary>The typed text of <paramref name="field"/> if it was left invalid, else null.</summary>
    public string? DraftOf(string field) => Drafts.GetValueOrDefault(field);

    /// <summary>Remembers what an input shows: its text while it is invalid, nothing once it is applied.</summary>
    public void Record(string field, string text, bool applied)
    {
        if (applied)
        {
            Drafts.Remove(field);
        }
        else
        {
            Drafts[field] = text;
        }
    }
}
