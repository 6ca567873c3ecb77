using System.Runtime.CompilerServices;
using System.Text;

namespace CostCalc.Pricing.Snapshot;

/// <summary>
/// Reads a CSV file (RFC 4180) one row at a time: quoted fields may hold commas, doubled quotes
/// and line breaks. The first row is the header; blank lines and lines starting with <c>#</c>
/// outside quotes are skipped. Fields can be read as spans, so numbers parse without copying.
/// </summary>
public sealed class CsvFile : IDisposable
{
    private readonly TextReader _reader;
    private readonly bool _ownsReader;
    private readonly List<(string Text, int Start, int Length)> _fields = [];
    private int _nextLine = 1;

    /// <summary>Reads from <paramref name="reader"/>, which the caller keeps and disposes.</summary>
    public CsvFile(TextReader reader, string name)
        : this(reader, name, ownsReader: false)
    {
    }

    private CsvFile(TextReader reader, string name, bool ownsReader)
    {
        _reader = reader;
        _ownsReader = ownsReader;
        Name = name;
        if (!ReadRecord())
        {
            throw new InvalidDataException($"{name}: no header row");
        }

        Header = [.. Enumerable.Range(0, _fields.Count).Select(i => this[i])];
    }

    /// <summary>Opens a UTF-8 file; disposing the <see cref="CsvFile"/> closes it.</summary>
    public static CsvFile Open(string path)
    {
        var reader = File.OpenText(path);
        try
        {
            return new CsvFile(reader, Path.GetFileName(path), ownsReader: true);
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }

    /// <summary>The file name used in error messages.</summary>
    public string Name { get; }

    public IReadOnlyList<string> Header { get; }

    /// <summary>The line on which the current row starts (1-based).</summary>
    public int LineNumber { get; private set; }

    public int FieldCount => _fields.Count;

    public string this[int column]
    {
        get
        {
            var (text, start, length) = _fields[column];
            return start == 0 && length == text.Length ? text : text.Substring(start, length);
        }
    }

    /// <summary>A field without copying it.</summary>
    public ReadOnlySpan<char> Span(int column)
    {
        var (text, start, length) = _fields[column];
        return text.AsSpan(start, length);
    }

    /// <summary>The index of a header column; throws when the file has no such column.</summary>
    public int Column(string name)
    {
        var index = OptionalColumn(name);
        return index >= 0 ? index : throw new InvalidDataException($"{Name}: no column '{name}'");
    }

    /// <summary>The index of a header column, or -1 when the file has no such column.</summary>
    public int OptionalColumn(string name)
    {
        for (var i = 0; i < Header.Count; i++)
        {
            if (Header[i] == name)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Moves to the next data row; false at the end of the file.</summary>
    public bool ReadRow()
    {
        if (!ReadRecord())
        {
            return false;
        }

        if (_fields.Count != Header.Count)
        {
            throw Error($"{_fields.Count} fields, header has {Header.Count}");
        }

        return true;
    }

    public InvalidDataException Error(string message) => new($"{Name} line {LineNumber}: {message}");

    public void Dispose()
    {
        if (_ownsReader)
        {
            _reader.Dispose();
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool ReadRecord()
    {
        _fields.Clear();
        string? line;
        do
        {
            LineNumber = _nextLine;
            line = ReadLine();
            if (line is null)
            {
                return false;
            }
        }
        while (line.Length == 0 || line[0] == '#');

        if (line.Contains('"', StringComparison.Ordinal))
        {
            SplitQuoted(line);
        }
        else
        {
            Split(line);
        }

        return true;
    }

    private string? ReadLine()
    {
        var line = _reader.ReadLine();
        if (line is not null)
        {
            _nextLine++;
        }

        return line;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Split(string line)
    {
        var start = 0;
        while (true)
        {
            var comma = line.IndexOf(',', start);
            if (comma < 0)
            {
                _fields.Add((line, start, line.Length - start));
                return;
            }

            _fields.Add((line, start, comma - start));
            start = comma + 1;
        }
    }

    private void SplitQuoted(string line)
    {
        var field = new StringBuilder();
        var position = 0;
        while (true)
        {
            if (position < line.Length && line[position] == '"')
            {
                field.Clear();
                position++;
                while (true)
                {
                    if (position == line.Length)
                    {
                        line = ReadLine() ?? throw Error("unterminated quoted field");
                        field.Append('\n');
                        position = 0;
                        continue;
                    }

                    var c = line[position++];
                    if (c != '"')
                    {
                        field.Append(c);
                    }
                    else if (position < line.Length && line[position] == '"')
                    {
                        field.Append('"');
                        position++;
                    }
                    else
                    {
                        break;
                    }
                }

                var text = field.ToString();
                _fields.Add((text, 0, text.Length));
                if (position < line.Length && line[position] != ',')
                {
                    throw Error("text after a closing quote");
                }
            }
            else
            {
                var comma = line.IndexOf(',', position);
                var end = comma < 0 ? line.Length : comma;
                _fields.Add((line, position, end - position));
                position = end;
            }

            if (position >= line.Length)
            {
                return;
            }

            position++;
            if (position == line.Length)
            {
                _fields.Add(("", 0, 0));
                return;
            }
        }
    }
}
