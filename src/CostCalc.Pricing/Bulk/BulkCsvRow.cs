using System.Buffers.Text;
using System.Text;

namespace CostCalc.Pricing.Bulk;

/// <summary>The column names of a Price List CSV, looked up by name (the order changes between versions).</summary>
public sealed class BulkCsvHeader(IReadOnlyList<string> names, string fileName)
{
    public IReadOnlyList<string> Names { get; } = names;

    public string FileName { get; } = fileName;

    public int Count => Names.Count;

    /// <summary>The index of a column; throws naming the file when it is missing.</summary>
    public int Column(string name)
    {
        var index = OptionalColumn(name);
        return index >= 0 ? index : throw new InvalidDataException($"{FileName}: no column '{name}'");
    }

    public int OptionalColumn(string name)
    {
        for (var i = 0; i < Names.Count; i++)
        {
            if (string.Equals(Names[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}

/// <summary>One data row of a Price List CSV, its fields unquoted, read without copying.</summary>
public readonly ref struct BulkCsvRow
{
    private readonly ReadOnlySpan<byte> _text;
    private readonly ReadOnlySpan<Range> _fields;

    internal BulkCsvRow(ReadOnlySpan<byte> text, ReadOnlySpan<Range> fields, long lineNumber, string fileName)
    {
        _text = text;
        _fields = fields;
        LineNumber = lineNumber;
        FileName = fileName;
    }

    public long LineNumber { get; }

    public string FileName { get; }

    public ReadOnlySpan<byte> this[int column] => column < 0 ? default : _text[_fields[column]];

    /// <summary>True when the field equals <paramref name="value"/> (ordinal); a missing column (-1) never does.</summary>
    public bool Is(int column, ReadOnlySpan<byte> value) => column >= 0 && this[column].SequenceEqual(value);

    public bool Contains(int column, ReadOnlySpan<byte> value) => column >= 0 && this[column].IndexOf(value) >= 0;

    public string Text(int column) => Encoding.UTF8.GetString(this[column]);

    /// <summary>A plain decimal such as "0.0960000000"; throws naming the file and line otherwise.</summary>
    public decimal Number(int column)
    {
        var field = this[column];
        return Utf8Parser.TryParse(field, out decimal value, out var consumed) && consumed == field.Length && field.Length > 0
            ? value
            : throw Error($"'{Encoding.UTF8.GetString(field)}' is not a number");
    }

    public InvalidDataException Error(string message) => new($"{FileName} line {LineNumber}: {message}");
}
