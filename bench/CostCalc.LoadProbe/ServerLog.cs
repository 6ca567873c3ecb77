using System.Collections.Concurrent;

namespace CostCalc.LoadProbe;

/// <summary>
/// The probe server's console log (warnings and worse: it logs at Warning), read from its output: each entry's level,
/// category and first message line, counted, so a run says which errors the server logged and how often.
/// </summary>
internal sealed class ServerLog
{
    private static readonly string[] Levels = ["warn: ", "fail: ", "crit: "];
    private readonly ConcurrentDictionary<string, int> _entries = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private string? _header;

    public int Count => _entries.Values.Sum();

    public IEnumerable<(string Entry, int Count)> Entries => _entries.OrderByDescending(kv => kv.Value).Select(kv => (kv.Key, kv.Value));

    /// <summary>One line of the server's output. The console logger writes "fail: Category[id]", then the message indented.</summary>
    public void Add(string line)
    {
        lock (_gate)
        {
            if (Levels.Any(level => line.StartsWith(level, StringComparison.Ordinal)))
            {
                Flush();
                _header = line;
            }
            else if (_header is not null)
            {
                var message = line.Trim();
                _header += " " + (message.Length > 240 ? message[..240] : message);
                Flush();
            }
        }
    }

    private void Flush()
    {
        if (_header is { } entry)
        {
            _entries.AddOrUpdate(entry, 1, (_, n) => n + 1);
            _header = null;
        }
    }
}
