using System.Text;

namespace CostCalc.Pricing.Snapshot;

/// <summary>
/// Writes the snapshot's CSV text: <c># </c> comment lines, then rows. Lines end in LF; a field is
/// quoted only when it must be (comma, quote, line break, or a leading <c>#</c>).
/// </summary>
public sealed class CsvWriter
{
    private readonly StringBuilder _text = new();

    /// <summary>Data rows written so far (the header counts as one).</summary>
    public int RowCount { get; private set; }

    public void Comment(string text) => _text.Append("# ").Append(text).Append('\n');

    public void Row(params IReadOnlyList<string?> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                _text.Append(',');
            }

            AppendField(fields[i] ?? "");
        }

        _text.Append('\n');
        RowCount++;
    }

    public override string ToString() => _text.ToString();

    private void AppendField(string field)
    {
        var mustQuote = field.StartsWith('#') || field.AsSpan().IndexOfAny(",\"\r\n") >= 0;
        if (!mustQuote)
        {
            _text.Append(field);
            return;
        }

        _text.Append('"').Append(field.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }
}
