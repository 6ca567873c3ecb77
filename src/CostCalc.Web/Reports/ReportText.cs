namespace CostCalc.Web.Reports;

/// <summary>
/// What the author writes when sharing a report: an optional title (one line) and optional notes
/// (paragraphs). Stored with the report as plain text and only ever rendered escaped (Razor on the
/// report page, drawn text in the PDF); never markup.
/// </summary>
public sealed record ReportText(string? Title, string? Notes)
{
    /// <summary>A title is a heading: about a line of a design-review document.</summary>
    public const int MaxTitleChars = 120;

    /// <summary>Notes are a few paragraphs of context, not a document (about one printed page of the PDF).</summary>
    public const int MaxNotesChars = 2000;

    public const string TitleField = "title";
    public const string NotesField = "notes";

    public static readonly ReportText None = new(null, null);

    public bool IsEmpty => Title is null && Notes is null;

    /// <summary>
    /// Trimmed, with empty text as null, line breaks as "\n"; or the problems, keyed by the API field name
    /// (<see cref="TitleField"/>, <see cref="NotesField"/>): too long, a title over several lines, or
    /// control characters (other than line breaks and tabs in the notes).
    /// </summary>
    public static (ReportText? Text, IDictionary<string, string[]> Problems) Create(string? title, string? notes)
    {
        var problems = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var cleanTitle = Clean(title);
        var cleanNotes = Clean(notes);
        if (cleanTitle is not null)
        {
            if (cleanTitle.Length > MaxTitleChars)
            {
                problems[TitleField] = [$"The title may be at most {MaxTitleChars} characters (it has {cleanTitle.Length})."];
            }
            else if (cleanTitle.Any(char.IsControl))
            {
                problems[TitleField] = ["The title must be one line of text, without control characters."];
            }
        }

        if (cleanNotes is not null)
        {
            if (cleanNotes.Length > MaxNotesChars)
            {
                problems[NotesField] = [$"The notes may be at most {MaxNotesChars:#,0} characters (they have {cleanNotes.Length:#,0})."];
            }
            else if (cleanNotes.Any(c => char.IsControl(c) && c is not '\n' and not '\t'))
            {
                problems[NotesField] = ["The notes may hold line breaks and tabs but no other control characters."];
            }
        }

        return problems.Count > 0 ? (null, problems) : (new ReportText(cleanTitle, cleanNotes), problems);
    }

    private static string? Clean(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var trimmed = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Trim();
        return trimmed.Length == 0 ? null : trimmed;
    }
}
