using System.Globalization;

namespace CostCalc.Domain.Calibration;

/// <summary>A paste read into a snapshot, or why it could not be.</summary>
public sealed record PasteReading(MemorySnapshot? Snapshot, string? Problem)
{
    public static PasteReading Fail(string problem) => new(null, problem);
}

/// <summary>
/// Reads what a user pastes from one running BEAM VM: the output of <c>erlang:memory()</c> in Erlang term
/// syntax or Elixir keyword syntax, or a Prometheus text exposition from prometheus.erl, PromEx or
/// telemetry_metrics_prometheus (docs/model.md §4.7). Pure: no I/O, bounded work per character.
/// </summary>
public static class MemoryPaste
{
    /// <summary>Longest paste read (a whole PromEx scrape of a busy app is ≈ 20–40 KB).</summary>
    public const int MaxChars = 64 * 1024;

    /// <summary>
    /// Less than any running BEAM VM accounts for (a bare <c>erl -noshell</c> reports ≈ 15 MB): a total below it is
    /// a paste in another unit or a hand-trimmed one.
    /// </summary>
    public const double SmallestTotalBytes = 2 * Calibrator.BytesPerMiB;

    /// <summary>The keys <c>erlang:memory()</c> returns that the calculator reads (others, like <c>maximum</c>, are ignored).</summary>
    internal static readonly string[] Keys = ["total", "processes", "processes_used", "system", "atom", "atom_used", "binary", "code", "ets"];

    public static PasteReading Read(string? text, MemoryUnit? unit = null)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return PasteReading.Fail("Paste the output of :erlang.memory() (Erlang or Elixir) or a Prometheus scrape of one VM.");
        }

        if (text.Length > MaxChars)
        {
            return PasteReading.Fail($"The paste is {text.Length:#,0} characters; at most {MaxChars:#,0} are read. Paste one VM's :erlang.memory() or its memory metrics.");
        }

        var reading = PrometheusText.LooksLikeExposition(text)
            ? PrometheusText.Read(text, unit ?? MemoryUnit.Bytes)
            : ReadTerm(text);
        if (reading.Snapshot is { } snapshot && snapshot.TotalBytes < SmallestTotalBytes)
        {
            var hint = snapshot.Format == PasteFormat.TelemetryMetrics
                ? $" vm_memory_* names carry no unit: if your metric definitions convert to kilobytes or megabytes, say so (memory unit; read as {Unit(unit ?? MemoryUnit.Bytes)})."
                : " Paste the whole, unedited output.";
            return PasteReading.Fail($"The total memory reads as {snapshot.TotalBytes:#,0} bytes, less than any running BEAM VM accounts for (a bare VM ≈ 15 MB).{hint}");
        }

        return reading;
    }

    internal static string Unit(MemoryUnit unit) => unit switch
    {
        MemoryUnit.Kilobytes => "kilobytes",
        MemoryUnit.Megabytes => "megabytes",
        _ => "bytes",
    };

    /// <summary>
    /// <c>[{total,1},{processes,2}]</c>, <c>[total: 1, processes: 2]</c>, and the maps <c>%{total: 1}</c> and
    /// <c>#{total => 1}</c>; shell prompts before the value and anything after it are skipped.
    /// </summary>
    private static PasteReading ReadTerm(string text)
    {
        var start = FirstOpening(text);
        if (start < 0)
        {
            return PasteReading.Fail("This is neither :erlang.memory() output ([{total,…},…] or [total: …, …]) nor a Prometheus scrape "
                + "with erlang_vm_memory_bytes_total, <app>_prom_ex_beam_memory_* or vm_memory_total lines.");
        }

        var scanner = new TermScanner(text, start);
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        var sawTuple = false;
        var sawKeyword = false;
        var problem = scanner.ReadContainer(values, ref sawTuple, ref sawKeyword);
        if (problem is not null)
        {
            return PasteReading.Fail(problem);
        }

        var format = sawTuple || text[start] == '#' ? PasteFormat.ErlangTerm : PasteFormat.ElixirKeyword;
        foreach (var key in (ReadOnlySpan<string>)["total", "processes", "system"])
        {
            if (!values.ContainsKey(key))
            {
                return PasteReading.Fail(values.Count == 0
                    ? "The list holds no memory values; paste the whole output of :erlang.memory()."
                    : $"No `{key}` value found; paste the whole output of :erlang.memory().");
            }
        }

        return new PasteReading(new MemorySnapshot(format, values["total"])
        {
            ProcessesBytes = values["processes"],
            ProcessesUsedBytes = Get(values, "processes_used"),
            SystemBytes = values["system"],
            AtomBytes = Get(values, "atom"),
            BinaryBytes = Get(values, "binary"),
            CodeBytes = Get(values, "code"),
            EtsBytes = Get(values, "ets"),
        }, null);
    }

    private static double? Get(Dictionary<string, double> values, string key) => values.TryGetValue(key, out var v) ? v : null;

    /// <summary>
    /// Index of the first '[', '%{' or '#{' that opens a memory list or map: followed by '{' (Erlang tuples) or by
    /// a key and ': ' or ' =>' (Elixir keywords, maps). Shell banners ("[erts-14.2] [smp:4:4]") and prompts are skipped.
    /// </summary>
    private static int FirstOpening(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var map = (text[i] == '%' || text[i] == '#') && i + 1 < text.Length && text[i + 1] == '{';
            if ((text[i] == '[' || map) && OpensMemoryTerm(text, i + (map ? 2 : 1)))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool OpensMemoryTerm(string text, int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        if (i >= text.Length)
        {
            return true; // "[" and nothing more: a truncated paste, reported as such
        }

        if (text[i] is '{' or ']')
        {
            return true; // a tuple list, or "[]" (reported as empty)
        }

        if (text[i] == ':')
        {
            i++;
        }

        var start = i;
        while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_') && (i > start || char.IsAsciiLetterLower(text[i])))
        {
            i++;
        }

        if (i == start || i >= text.Length)
        {
            return i > start; // "[total" at the end: truncated
        }

        if (text[i] == ':')
        {
            return i + 1 >= text.Length || char.IsWhiteSpace(text[i + 1]);
        }

        while (i < text.Length && text[i] == ' ')
        {
            i++;
        }

        return i + 1 < text.Length && text[i] == '=' && text[i + 1] == '>';
    }

    /// <summary>A hand-written reader for the few term shapes <c>erlang:memory()</c> prints.</summary>
    private struct TermScanner(string text, int position)
    {
        private int _pos = position;

        public string? ReadContainer(Dictionary<string, double> values, ref bool sawTuple, ref bool sawKeyword)
        {
            char close;
            if (text[_pos] == '[')
            {
                close = ']';
                _pos++;
            }
            else
            {
                close = '}';
                _pos += 2; // %{ or #{
            }

            SkipSpace();
            if (Peek() == close)
            {
                return "The list is empty; paste the whole output of :erlang.memory().";
            }

            while (true)
            {
                SkipSpace();
                if (_pos >= text.Length)
                {
                    return Truncated();
                }

                string? key;
                double value;
                if (Peek() == '{')
                {
                    sawTuple = true;
                    _pos++;
                    SkipSpace();
                    key = ReadAtom();
                    if (key is null)
                    {
                        return Expected("a key such as total");
                    }

                    SkipSpace();
                    if (Peek() != ',')
                    {
                        return Expected($"',' after {key}");
                    }

                    _pos++;
                    SkipSpace();
                    if (ReadNumber(key, out value) is { } bad)
                    {
                        return bad;
                    }

                    SkipSpace();
                    if (Peek() != '}')
                    {
                        return Expected($"'}}' to close {{{key}, …}}");
                    }

                    _pos++;
                }
                else
                {
                    sawKeyword = true;
                    if (Peek() == ':')
                    {
                        _pos++; // %{:total => 1}
                    }

                    key = ReadAtom();
                    if (key is null)
                    {
                        return Expected("a key such as total");
                    }

                    if (Peek() == ':')
                    {
                        _pos++;
                    }
                    else
                    {
                        SkipSpace();
                        if (_pos + 1 < text.Length && text[_pos] == '=' && text[_pos + 1] == '>')
                        {
                            _pos += 2;
                        }
                        else
                        {
                            return Expected($"':' after {key} (total: 123) or '=>' (total => 123)");
                        }
                    }

                    SkipSpace();
                    if (ReadNumber(key, out value) is { } bad)
                    {
                        return bad;
                    }
                }

                if (!values.TryAdd(key, value) && Array.IndexOf(Keys, key) >= 0)
                {
                    return $"`{key}` appears twice; paste one VM's output once.";
                }

                SkipSpace();
                if (_pos >= text.Length)
                {
                    return Truncated();
                }

                if (text[_pos] == ',')
                {
                    _pos++;
                    continue;
                }

                if (text[_pos] == close)
                {
                    return null;
                }

                return Expected($"',' or '{close}' after the {key} value");
            }
        }

        private readonly char Peek() => _pos < text.Length ? text[_pos] : '\0';

        private void SkipSpace()
        {
            while (_pos < text.Length && char.IsWhiteSpace(text[_pos]))
            {
                _pos++;
            }
        }

        private string? ReadAtom()
        {
            var start = _pos;
            if (_pos < text.Length && text[_pos] == '\'')
            {
                var end = text.IndexOf('\'', _pos + 1);
                if (end < 0)
                {
                    return null;
                }

                _pos = end + 1;
                return text[(start + 1)..end];
            }

            while (_pos < text.Length && (char.IsAsciiLetterOrDigit(text[_pos]) || text[_pos] is '_' or '@')
                   && (_pos > start || char.IsAsciiLetterLower(text[_pos])))
            {
                _pos++;
            }

            return _pos > start ? text[start.._pos] : null;
        }

        /// <summary>A non-negative integer, digits optionally grouped with '_' (Elixir's 24_142_384, Erlang ≥ 23 likewise).</summary>
        private string? ReadNumber(string key, out double value)
        {
            value = 0;
            var start = _pos;
            if (Peek() == '-')
            {
                return $"`{key}` is negative ({Snippet(start)}); memory sizes are never below zero.";
            }

            var digits = 0;
            var previousUnderscore = false;
            while (_pos < text.Length && (char.IsAsciiDigit(text[_pos]) || text[_pos] == '_'))
            {
                if (text[_pos] == '_')
                {
                    if (digits == 0 || previousUnderscore)
                    {
                        return Expected($"a number after {key}");
                    }

                    previousUnderscore = true;
                }
                else
                {
                    digits++;
                    previousUnderscore = false;
                }

                _pos++;
            }

            if (digits == 0)
            {
                return _pos >= text.Length ? Truncated() : Expected($"a whole number of bytes after {key}");
            }

            if (previousUnderscore || (_pos < text.Length && (text[_pos] == '.' || char.IsAsciiLetter(text[_pos]))))
            {
                return Expected($"a whole number of bytes after {key}");
            }

            if (digits > 18)
            {
                return $"`{key}` has {digits} digits: no VM holds that many bytes.";
            }

            value = double.Parse(text.AsSpan(start, _pos - start).ToString().Replace("_", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture);
            return null;
        }

        private static string Truncated() => "The paste ends before the list closes; paste the whole output of :erlang.memory().";

        private readonly string Expected(string what)
        {
            if (_pos >= text.Length)
            {
                return Truncated();
            }

            var (line, column) = Where(_pos);
            return $"Could not read the paste at line {line}, column {column} (near '{Snippet(_pos)}'): expected {what}.";
        }

        private readonly (int Line, int Column) Where(int index)
        {
            var line = 1;
            var lineStart = 0;
            for (var i = 0; i < index && i < text.Length; i++)
            {
                if (text[i] == '\n')
                {
                    line++;
                    lineStart = i + 1;
                }
            }

            return (line, index - lineStart + 1);
        }

        private readonly string Snippet(int index)
        {
            var from = Math.Min(index, text.Length);
            var end = Math.Min(text.Length, from + 20);
            var snippet = text[from..end];
            var newline = snippet.IndexOfAny(['\r', '\n']);
            return newline >= 0 ? snippet[..newline] : snippet;
        }
    }
}
