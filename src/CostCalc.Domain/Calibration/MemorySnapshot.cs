using CostCalc.Domain.Vocabulary;

namespace CostCalc.Domain.Calibration;

/// <summary>Which kind of paste a <see cref="MemorySnapshot"/> was read from (docs/model.md §4.7).</summary>
public enum PasteFormat
{
    /// <summary><c>erlang:memory().</c> in the Erlang shell: <c>[{total,123},{processes,45},…]</c>.</summary>
    ErlangTerm,

    /// <summary><c>:erlang.memory()</c> in IEx: <c>[total: 123, processes: 45, …]</c> (a map of the same keys is read too).</summary>
    ElixirKeyword,

    /// <summary>prometheus.erl's VM collectors: <c>erlang_vm_memory_bytes_total{kind="processes"}</c>, ….</summary>
    PrometheusErl,

    /// <summary>PromEx's BEAM plugin: <c>&lt;app&gt;_prom_ex_beam_memory_allocated_bytes</c>, ….</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "The library is called PromEx.")]
    PromEx,

    /// <summary>telemetry_poller's <c>[vm, memory]</c> event exported by telemetry_metrics_prometheus: <c>vm_memory_total</c>, ….</summary>
    TelemetryMetrics,
}

/// <summary>
/// The unit of values whose metric names carry none (telemetry_metrics_prometheus names a metric after its
/// event, and a metric definition may convert bytes to kilobytes or megabytes; 1 kB = 1,000 bytes there).
/// </summary>
public enum MemoryUnit
{
    Bytes,
    Kilobytes,
    Megabytes,
}

/// <summary>
/// One VM's <c>erlang:memory()</c> figures, in bytes, as read from a paste. Only the total is always known
/// (prometheus.erl gives it as processes + system); the rest is what the paste held.
/// </summary>
public sealed record MemorySnapshot(PasteFormat Format, double TotalBytes)
{
    public double? ProcessesBytes { get; init; }
    public double? ProcessesUsedBytes { get; init; }
    public double? SystemBytes { get; init; }
    public double? AtomBytes { get; init; }
    public double? BinaryBytes { get; init; }
    public double? CodeBytes { get; init; }
    public double? EtsBytes { get; init; }

    /// <summary>Erlang processes alive at the moment, where the paste has the count.</summary>
    public long? ProcessCount { get; init; }

    /// <summary>"Elixir :erlang.memory(): total 55.0 MiB (processes 11.3 MiB, binary 2.8 MiB, …); 478 processes".</summary>
    public string Describe()
    {
        var parts = new List<string>(6);
        Add(parts, "processes", ProcessesBytes);
        Add(parts, "system", SystemBytes);
        Add(parts, "binary", BinaryBytes);
        Add(parts, "ets", EtsBytes);
        Add(parts, "code", CodeBytes);
        var detail = parts.Count == 0 ? "" : $" ({string.Join(", ", parts)})";
        var count = ProcessCount is { } n ? $"; {Formats.Count(n)} Erlang processes" : "";
        return $"{FormatName(Format)}: total {MiB(TotalBytes)}{detail}{count}";
    }

    public static string FormatName(PasteFormat format) => format switch
    {
        PasteFormat.ErlangTerm => "Erlang erlang:memory()",
        PasteFormat.ElixirKeyword => "Elixir :erlang.memory()",
        PasteFormat.PrometheusErl => "Prometheus scrape (prometheus.erl)",
        PasteFormat.PromEx => "Prometheus scrape (PromEx)",
        PasteFormat.TelemetryMetrics => "Prometheus scrape (telemetry_metrics_prometheus)",
        _ => format.ToString(),
    };

    /// <summary>"55.0 MiB".</summary>
    public static string MiB(double bytes) => Formats.Number(bytes / Calibrator.BytesPerMiB, "#,0.0") + " MiB";

    private static void Add(List<string> parts, string name, double? bytes)
    {
        if (bytes is { } b)
        {
            parts.Add($"{name} {MiB(b)}");
        }
    }
}
