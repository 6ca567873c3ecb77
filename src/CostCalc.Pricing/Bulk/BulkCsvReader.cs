using System.Runtime.CompilerServices;
using System.Text;

namespace CostCalc.Pricing.Bulk;

/// <summary>Receives what <see cref="BulkCsvReader"/> reads from one Price List CSV.</summary>
public interface IBulkCsvSink
{
    /// <summary>Called once with the header row; resolve column indexes here.</summary>
    void Header(BulkCsvHeader header);

    /// <summary>
    /// A cheap test on the raw line (UTF-8, still quoted): only lines that pass are split into
    /// fields and given to <see cref="Row"/>. It may pass lines <see cref="Row"/> then rejects.
    /// </summary>
    bool MayKeep(ReadOnlySpan<byte> line);

    void Row(BulkCsvRow row);
}

/// <summary>The metadata lines above the header: FormatVersion, Publication Date, Version, OfferCode.</summary>
public sealed record BulkCsvMetadata(IReadOnlyDictionary<string, string> Values, long Rows, long Bytes)
{
    public string? Version => Values.GetValueOrDefault("Version");

    public string? OfferCode => Values.GetValueOrDefault("OfferCode");

    public DateTimeOffset? PublicationDate =>
        DateTimeOffset.TryParse(Values.GetValueOrDefault("Publication Date"), System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AssumeUniversal, out var date) ? date : null;
}

/// <summary>
/// Streams a Price List Bulk API CSV (metadata lines, then the header) with bounded memory: a fixed buffer of
/// bytes, split into lines with vectorised searches; only lines the sink's prefilter passes are
/// split into fields (RFC 4180 quoting, including quoted line breaks). Memory stays at the buffer
/// (grown only for a record longer than it, up to <see cref="MaxRecordBytes"/>) plus what the sink keeps.
/// </summary>
public static class BulkCsvReader
{
    public const int BufferBytes = 1 << 20;
    public const int MaxRecordBytes = 16 << 20;
    private const int MaxMetadataLines = 20;

    /// <summary>Reads the whole stream; throws <see cref="InvalidDataException"/> on a malformed or truncated file.</summary>
    /// <param name="bytesRead">Called after each read with the bytes read so far.</param>
    public static async Task<BulkCsvMetadata> ReadAsync(
        Stream stream, string fileName, IBulkCsvSink sink, Action<long>? bytesRead, CancellationToken cancellationToken)
    {
        var state = new ReaderState(fileName, sink);
        var buffer = new byte[BufferBytes];
        var filled = 0;
        long total = 0;
        while (true)
        {
            if (filled == buffer.Length)
            {
                buffer = state.MakeRoom(buffer, ref filled);
            }

            var read = await stream.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                state.Finish(buffer.AsSpan(0, filled));
                return state.Metadata(total);
            }

            filled += read;
            total += read;
            bytesRead?.Invoke(total);
            var used = state.Process(buffer.AsSpan(0, filled));
            buffer.AsSpan(used, filled - used).CopyTo(buffer);
            filled -= used;
        }
    }

    /// <summary>Line splitting and field splitting between reads; no awaits, so spans are fine.</summary>
    private sealed class ReaderState(string fileName, IBulkCsvSink sink)
    {
        private readonly Dictionary<string, string> _metadata = new(StringComparer.Ordinal);
        private Range[] _fields = new Range[128];
        private byte[] _scratch = new byte[8192];
        private BulkCsvHeader? _header;
        private long _line;
        private long _rows;
        private int _scanned;
        private int _quotes;

        public byte[] MakeRoom(byte[] buffer, ref int filled)
        {
            if (buffer.Length >= MaxRecordBytes)
            {
                throw new InvalidDataException($"{fileName} line {_line + 1}: a record longer than {MaxRecordBytes} bytes");
            }

            var bigger = new byte[buffer.Length * 2];
            buffer.AsSpan(0, filled).CopyTo(bigger);
            return bigger;
        }

        /// <summary>Handles every complete record in <paramref name="data"/>; returns the bytes used.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public int Process(ReadOnlySpan<byte> data)
        {
            var consumed = 0;
            var scan = _scanned;
            while (true)
            {
                var newline = data[scan..].IndexOf((byte)'\n');
                if (newline < 0)
                {
                    _quotes += data[scan..].Count((byte)'"');
                    _scanned = data.Length - consumed;
                    return consumed;
                }

                newline += scan;
                _quotes += data[scan..newline].Count((byte)'"');
                _line++;
                scan = newline + 1;
                if ((_quotes & 1) == 1)
                {
                    continue;
                }

                Record(TrimCr(data[consumed..newline]));
                consumed = scan;
                _quotes = 0;
            }
        }

        public void Finish(ReadOnlySpan<byte> rest)
        {
            if (!rest.IsEmpty)
            {
                _line++;
                if (((_quotes + rest[_scanned..].Count((byte)'"')) & 1) == 1)
                {
                    throw new InvalidDataException($"{fileName} line {_line}: the file ends inside a quoted field (truncated?)");
                }

                Record(TrimCr(rest), last: true);
            }

            if (_header is null)
            {
                throw new InvalidDataException($"{fileName}: no header row (is this a Price List CSV?)");
            }
        }

        public BulkCsvMetadata Metadata(long bytes) => new(_metadata, _rows, bytes);

        private static ReadOnlySpan<byte> TrimCr(ReadOnlySpan<byte> line) =>
            !line.IsEmpty && line[^1] == (byte)'\r' ? line[..^1] : line;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void Record(ReadOnlySpan<byte> record, bool last = false)
        {
            if (record.IsEmpty)
            {
                return;
            }

            if (_header is null)
            {
                HeaderOrMetadata(record);
                return;
            }

            _rows++;
            if (!last && !sink.MayKeep(record))
            {
                return;
            }

            var count = Split(record);
            if (count != _header.Count)
            {
                throw new InvalidDataException(
                    $"{fileName} line {_line}: {count} fields, the header has {_header.Count}{(last ? " (truncated file?)" : "")}");
            }

            if (!last || sink.MayKeep(record))
            {
                sink.Row(new BulkCsvRow(_scratch, _fields.AsSpan(0, count), _line, fileName));
            }
        }

        private void HeaderOrMetadata(ReadOnlySpan<byte> record)
        {
            var count = Split(record);
            var first = Encoding.UTF8.GetString(_scratch.AsSpan(_fields[0]));
            if (first == "SKU")
            {
                var names = new string[count];
                for (var i = 0; i < count; i++)
                {
                    names[i] = Encoding.UTF8.GetString(_scratch.AsSpan(_fields[i]));
                }

                _header = new BulkCsvHeader(names, fileName);
                sink.Header(_header);
                return;
            }

            if (_line > MaxMetadataLines || count != 2)
            {
                throw new InvalidDataException($"{fileName} line {_line}: expected 'name,value' metadata or the SKU header");
            }

            _metadata[first] = Encoding.UTF8.GetString(_scratch.AsSpan(_fields[1]));
        }

        /// <summary>Splits a record into unquoted fields in the scratch buffer; returns the field count.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private int Split(ReadOnlySpan<byte> record)
        {
            if (_scratch.Length < record.Length)
            {
                _scratch = new byte[Math.Max(record.Length, _scratch.Length * 2)];
            }

            var output = 0;
            var count = 0;
            var position = 0;
            while (true)
            {
                var fieldStart = output;
                if (position < record.Length && record[position] == (byte)'"')
                {
                    position++;
                    while (true)
                    {
                        var quote = record[position..].IndexOf((byte)'"');
                        if (quote < 0)
                        {
                            throw new InvalidDataException($"{fileName} line {_line}: unterminated quoted field");
                        }

                        record.Slice(position, quote).CopyTo(_scratch.AsSpan(output));
                        output += quote;
                        position += quote + 1;
                        if (position < record.Length && record[position] == (byte)'"')
                        {
                            _scratch[output++] = (byte)'"';
                            position++;
                            continue;
                        }

                        break;
                    }

                    if (position < record.Length && record[position] != (byte)',')
                    {
                        throw new InvalidDataException($"{fileName} line {_line}: text after a closing quote");
                    }
                }
                else
                {
                    var comma = record[position..].IndexOf((byte)',');
                    var end = comma < 0 ? record.Length : position + comma;
                    record[position..end].CopyTo(_scratch.AsSpan(output));
                    output += end - position;
                    position = end;
                }

                Add(ref count, fieldStart, output);
                if (position >= record.Length)
                {
                    return count;
                }

                position++;
                if (position == record.Length)
                {
                    Add(ref count, output, output);
                    return count;
                }
            }
        }

        private void Add(ref int count, int start, int end)
        {
            if (count == _fields.Length)
            {
                Array.Resize(ref _fields, _fields.Length * 2);
            }

            _fields[count++] = new Range(start, end);
        }
    }
}
