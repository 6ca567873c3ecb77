using System.Globalization;

namespace CostCalc.Domain.Calibration;

/// <summary>
/// The memory figures of one BEAM VM from a Prometheus text exposition (HELP/TYPE comments, samples with
/// optional labels and timestamps). Three exporters are read, in this order when a paste holds several:
/// prometheus.erl's <c>erlang_vm_memory_*</c>, PromEx's <c>&lt;app&gt;_prom_ex_beam_memory_*</c> and
/// telemetry_metrics_prometheus' <c>vm_memory_*</c> (docs/model.md §4.7). Lines of other metrics are skipped.
/// </summary>
internal static class PrometheusText
{
    private const string ErlMemory = "erlang_vm_memory_bytes_total";
    private const string ErlProcesses = "erlang_vm_memory_processes_bytes_total";
    private const string ErlSystem = "erlang_vm_memory_system_bytes_total";
    private const string ErlProcessCount = "erlang_vm_process_count";
    private const string PromExInfix = "_prom_ex_beam_";

    /// <summary>1 EB: larger values are not one VM's memory (and keep the arithmetic far from overflow).</summary>
    private const double LargestValue = 1e18;

    /// <summary>A sample of one of the metrics read here.</summary>
    private readonly record struct Sample(string Name, string? Label, double Value);

    public static bool LooksLikeExposition(string text) =>
        text.Contains(ErlMemory, StringComparison.Ordinal)
        || text.Contains(PromExInfix + "memory_", StringComparison.Ordinal)
        || text.Contains("vm_memory_", StringComparison.Ordinal);

    public static PasteReading Read(string text, MemoryUnit unit)
    {
        var samples = new List<Sample>();
        var lineNumber = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var nameEnd = 0;
            while (nameEnd < line.Length && (char.IsAsciiLetterOrDigit(line[nameEnd]) || line[nameEnd] is '_' or ':'))
            {
                nameEnd++;
            }

            var name = line[..nameEnd];
            var wanted = WantedLabel(name);
            if (wanted is null)
            {
                continue; // another metric, or not a sample line at all
            }

            if (ParseSample(line, nameEnd, wanted, out var label, out var value) is { } problem)
            {
                return PasteReading.Fail($"Line {lineNumber} ({Shorten(line)}): {problem}");
            }

            samples.Add(new Sample(name, label, value));
        }

        if (samples.Exists(s => s.Name.StartsWith("erlang_vm_memory_", StringComparison.Ordinal)))
        {
            return FromPrometheusErl(samples);
        }

        return samples.Exists(s => s.Name.Contains(PromExInfix + "memory_", StringComparison.Ordinal))
            ? FromPromEx(samples)
            : FromTelemetry(samples, unit);
    }

    /// <summary>The label that tells the values of a metric apart ("" for none), or null for a metric not read here.</summary>
    private static string? WantedLabel(string name) => name switch
    {
        ErlMemory => "kind",
        ErlProcesses or ErlSystem => "usage",
        ErlProcessCount => "",
        _ when name.StartsWith("vm_memory_", StringComparison.Ordinal) || name == "vm_system_counts_process_count" => "",
        _ when name.Contains(PromExInfix, StringComparison.Ordinal)
               && (name.EndsWith("_bytes", StringComparison.Ordinal) || name.EndsWith("_stats_process_count", StringComparison.Ordinal)) => "",
        _ => null,
    };

    /// <summary>Reads <c>{a="b",…} value [timestamp]</c> after the name; keeps the wanted label's value.</summary>
    private static string? ParseSample(string line, int position, string wanted, out string? label, out double value)
    {
        label = null;
        value = 0;
        var i = position;
        if (i < line.Length && line[i] == '{')
        {
            i++;
            while (true)
            {
                while (i < line.Length && line[i] is ' ' or '\t' or ',')
                {
                    i++;
                }

                if (i >= line.Length)
                {
                    return "the labels are not closed with '}'.";
                }

                if (line[i] == '}')
                {
                    i++;
                    break;
                }

                var eq = line.IndexOf('=', i);
                if (eq < 0 || eq + 1 >= line.Length || line[eq + 1] != '"')
                {
                    return "expected label=\"value\" inside the braces.";
                }

                var labelName = line[i..eq].Trim();
                var text = new System.Text.StringBuilder();
                i = eq + 2;
                while (i < line.Length && line[i] != '"')
                {
                    if (line[i] == '\\' && i + 1 < line.Length)
                    {
                        i++;
                        text.Append(line[i] == 'n' ? '\n' : line[i]);
                    }
                    else
                    {
                        text.Append(line[i]);
                    }

                    i++;
                }

                if (i >= line.Length)
                {
                    return "a label value is not closed with '\"'.";
                }

                i++;
                if (labelName == wanted)
                {
                    label = text.ToString();
                }
            }
        }

        var rest = line[i..].Trim();
        var space = rest.IndexOfAny([' ', '\t']);
        var number = space < 0 ? rest : rest[..space];
        if (number.Length == 0)
        {
            return "no value after the metric name.";
        }

        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out value) || !double.IsFinite(value))
        {
            return $"'{number}' is not a number of bytes.";
        }

        if (value < 0)
        {
            return "memory sizes are never below zero.";
        }

        if (value > LargestValue)
        {
            return $"{number} is more than any VM holds.";
        }

        return wanted.Length > 0 && label is null ? $"no {wanted}=\"…\" label: which part of memory this is is unknown." : null;
    }

    private static PasteReading FromPrometheusErl(List<Sample> samples)
    {
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var s in samples)
        {
            var key = s.Name switch
            {
                ErlMemory => s.Label,
                ErlProcesses => "processes_" + s.Label,
                ErlSystem => "system_" + s.Label,
                ErlProcessCount => "count",
                _ => null, // another exporter's lines next to prometheus.erl's
            };
            if (key is not null && !values.TryAdd(key, s.Value))
            {
                return Twice(s);
            }
        }

        foreach (var kind in (ReadOnlySpan<string>)["processes", "system"])
        {
            if (!values.ContainsKey(kind))
            {
                return PasteReading.Fail($"No {ErlMemory}{{kind=\"{kind}\"}} value found; paste the whole scrape.");
            }
        }

        var processes = values["processes"];
        var system = values["system"];
        return new PasteReading(new MemorySnapshot(PasteFormat.PrometheusErl, processes + system)
        {
            ProcessesBytes = processes,
            ProcessesUsedBytes = Get(values, "processes_used"),
            SystemBytes = system,
            AtomBytes = Get(values, "system_atom"),
            BinaryBytes = Get(values, "system_binary"),
            CodeBytes = Get(values, "system_code"),
            EtsBytes = Get(values, "system_ets"),
            ProcessCount = Count(values),
        }, null);
    }

    private static PasteReading FromPromEx(List<Sample> samples)
    {
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var s in samples)
        {
            var at = s.Name.IndexOf(PromExInfix, StringComparison.Ordinal);
            if (at <= 0)
            {
                continue;
            }

            var key = s.Name[(at + PromExInfix.Length)..] switch
            {
                "memory_allocated_bytes" => "total",
                "memory_processes_total_bytes" => "processes",
                "memory_binary_total_bytes" => "binary",
                "memory_ets_total_bytes" => "ets",
                "memory_code_total_bytes" => "code",
                "memory_atom_total_bytes" => "atom",
                "stats_process_count" => "count",
                _ => null,
            };
            if (key is not null && !values.TryAdd(key, s.Value))
            {
                return Twice(s);
            }
        }

        if (!values.TryGetValue("total", out var total))
        {
            return PasteReading.Fail("No <app>_prom_ex_beam_memory_allocated_bytes value found (the VM's total); paste the whole scrape.");
        }

        return new PasteReading(new MemorySnapshot(PasteFormat.PromEx, total)
        {
            ProcessesBytes = Get(values, "processes"),
            SystemBytes = Get(values, "processes") is { } p ? total - p : null,
            AtomBytes = Get(values, "atom"),
            BinaryBytes = Get(values, "binary"),
            CodeBytes = Get(values, "code"),
            EtsBytes = Get(values, "ets"),
            ProcessCount = Count(values),
        }, null);
    }

    private static PasteReading FromTelemetry(List<Sample> samples, MemoryUnit unit)
    {
        var factor = unit switch
        {
            MemoryUnit.Kilobytes => 1_000.0,
            MemoryUnit.Megabytes => 1_000_000.0,
            _ => 1.0,
        };
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var s in samples)
        {
            var key = s.Name == "vm_system_counts_process_count" ? "count"
                : s.Name.StartsWith("vm_memory_", StringComparison.Ordinal) ? s.Name["vm_memory_".Length..] : null;
            if (key is null || (key != "count" && Array.IndexOf(MemoryPaste.Keys, key) < 0))
            {
                continue;
            }

            if (!values.TryAdd(key, key == "count" ? s.Value : s.Value * factor))
            {
                return Twice(s);
            }
        }

        if (!values.TryGetValue("total", out var total))
        {
            return PasteReading.Fail("No vm_memory_total value found; paste the whole scrape (telemetry_poller's vm.memory.total as a last_value metric).");
        }

        return new PasteReading(new MemorySnapshot(PasteFormat.TelemetryMetrics, total)
        {
            ProcessesBytes = Get(values, "processes"),
            ProcessesUsedBytes = Get(values, "processes_used"),
            SystemBytes = Get(values, "system"),
            AtomBytes = Get(values, "atom"),
            BinaryBytes = Get(values, "binary"),
            CodeBytes = Get(values, "code"),
            EtsBytes = Get(values, "ets"),
            ProcessCount = Count(values),
        }, null);
    }

    private static PasteReading Twice(Sample s) => PasteReading.Fail(
        $"The paste holds {s.Name}{(string.IsNullOrEmpty(s.Label) ? "" : $" ({s.Label})")} more than once, as a scrape of several VMs or apps does; paste one VM's metrics.");

    private static double? Get(Dictionary<string, double> values, string key) => values.TryGetValue(key, out var v) ? v : null;

    private static long? Count(Dictionary<string, double> values) =>
        values.TryGetValue("count", out var v) && v is >= 0 and < long.MaxValue ? (long)v : null;

    private static string Shorten(string line) => line.Length <= 60 ? line : line[..57] + "…";
}
