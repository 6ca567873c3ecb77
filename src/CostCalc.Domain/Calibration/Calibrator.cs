using CostCalc.Domain.Scenarios;
using CostCalc.Domain.Vocabulary;

namespace CostCalc.Domain.Calibration;

/// <summary>
/// What a user measured on one running BEAM VM: a memory paste at a known connection count and, optionally,
/// the message rate and CPU utilisation at that moment, a second paste at (nearly) no connections, or the
/// base memory to assume. Names are the API's (<c>POST /api/calibrate</c>).
/// </summary>
public sealed record CalibrationRequest
{
    /// <summary>The paste: <c>:erlang.memory()</c> output or a Prometheus scrape (required).</summary>
    public string? Memory { get; init; }

    /// <summary>Connections the VM held when the paste was taken (required).</summary>
    public long? Connections { get; init; }

    /// <summary>Messages the VM handled per second at that moment.</summary>
    public double? MessagesPerSecond { get; init; }

    /// <summary>CPU utilisation of the VM's vCPUs at that moment, %.</summary>
    public double? CpuUtilisationPercent { get; init; }

    /// <summary>vCPUs (or the CPU limit, in CPUs) the utilisation is a share of.</summary>
    public double? Vcpus { get; init; }

    /// <summary>A second paste from the same release at few or no connections: measures the base memory.</summary>
    public string? BaselineMemory { get; init; }

    /// <summary>Connections at the baseline paste (0 when left out).</summary>
    public long? BaselineConnections { get; init; }

    /// <summary>Base memory to subtract when there is no baseline paste (default: the model's default).</summary>
    public double? BeamBaseMemoryMiB { get; init; }

    /// <summary>Unit of telemetry_metrics_prometheus' <c>vm_memory_*</c> values, which name none (default bytes).</summary>
    public MemoryUnit? MemoryUnit { get; init; }
}

/// <summary>One scenario input worked out from the measurement, under the scenario's own field name.</summary>
public sealed record CalibratedInput(string Field, string Label, string Unit, double Value, string Arithmetic);

/// <summary>A request field that cannot be used, named as the API names it, and why.</summary>
public sealed record CalibrationProblem(string Field, string Message);

/// <summary>The derived inputs with their arithmetic, what was read from the pastes, and what the figures leave out.</summary>
public sealed record CalibrationResult(
    IReadOnlyList<CalibratedInput> Inputs,
    IReadOnlyList<string> Notes,
    MemorySnapshot Memory,
    MemorySnapshot? Baseline)
{
    /// <summary>The scenario with the derived inputs set through their <see cref="ScenarioFields"/> rows.</summary>
    public Scenario ApplyTo(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        foreach (var input in Inputs)
        {
            scenario = Calibrator.Field(input.Field).Write(scenario, input.Value);
        }

        return scenario;
    }
}

/// <summary>Either a result or the problems, each naming its request field.</summary>
public sealed record CalibrationOutcome(CalibrationResult? Result, IReadOnlyList<CalibrationProblem> Problems);

/// <summary>
/// Derives memory per connection, BEAM base memory, messages per connection and CPU per message from one VM's
/// measurements (docs/model.md §4.7). Each value keeps its arithmetic; a value outside its input's allowed
/// range is refused, not clamped, so nothing reaches the scenario that the measurement does not support.
/// </summary>
public static class Calibrator
{
    public const double BytesPerMiB = 1024 * 1024;
    public const double BytesPerKiB = 1024;
    public const double LargestVcpus = 1_024;

    public const string MemoryPerConnection = "memoryPerConnectionKiB";
    public const string BaseMemory = "beamBaseMemoryMiB";
    public const string MessagesPerConnection = "messagesPerConnectionPerSecond";
    public const string CpuPerMessage = "cpuMicrosecondsPerMessage";

    internal static ScenarioField Field(string name) =>
        ScenarioFields.Find(name) ?? throw new InvalidOperationException($"No scenario field '{name}'.");

    public static CalibrationOutcome Derive(CalibrationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = new List<CalibrationProblem>();
        var connectionsField = Field("peakConnections");
        var baseField = Field(BaseMemory);

        MemorySnapshot? memory = null;
        if (string.IsNullOrWhiteSpace(request.Memory))
        {
            problems.Add(new("memory", "Paste the output of :erlang.memory() (Erlang or Elixir) or a Prometheus scrape of one VM."));
        }
        else if (MemoryPaste.Read(request.Memory, request.MemoryUnit) is { } reading && reading.Snapshot is null)
        {
            problems.Add(new("memory", reading.Problem!));
        }
        else
        {
            memory = MemoryPaste.Read(request.Memory, request.MemoryUnit).Snapshot;
        }

        if (request.Connections is not { } connections)
        {
            problems.Add(new("connections", "Give the connections the VM held when the paste was taken."));
            connections = 0;
        }
        else if (connections < 1 || connections > connectionsField.Max)
        {
            problems.Add(new("connections", $"Connections must be a whole number between 1 and {connectionsField.Max:#,0}."));
        }

        MemorySnapshot? baseline = null;
        var baselineConnections = request.BaselineConnections ?? 0;
        if (request.BaselineMemory is { } baselineText && !string.IsNullOrWhiteSpace(baselineText))
        {
            var reading = MemoryPaste.Read(baselineText, request.MemoryUnit);
            if (reading.Snapshot is null)
            {
                problems.Add(new("baselineMemory", reading.Problem!));
            }

            baseline = reading.Snapshot;
            if (request.BeamBaseMemoryMiB is not null)
            {
                problems.Add(new("beamBaseMemoryMiB", "Give a baseline paste or a base memory, not both: the baseline measures the base."));
            }

            if (baselineConnections < 0 || (connections >= 1 && baselineConnections >= connections))
            {
                problems.Add(new("baselineConnections", "The baseline must be taken at fewer connections than the main paste (0 or more)."));
            }
        }
        else if (request.BaselineConnections is not null)
        {
            problems.Add(new("baselineConnections", "Baseline connections need a baseline paste (baselineMemory)."));
        }

        if (request.BeamBaseMemoryMiB is { } givenBase && !baseField.Accepts(givenBase))
        {
            problems.Add(new("beamBaseMemoryMiB", baseField.RangeMessage));
        }

        CheckCpuInputs(request, problems);
        if (problems.Count > 0 || memory is null)
        {
            return new CalibrationOutcome(null, problems);
        }

        var inputs = new List<CalibratedInput>(4);
        var notes = new List<string>(4);
        DeriveMemory(request, memory, baseline, connections, baselineConnections, inputs, notes, problems);
        DeriveCpu(request, connections, inputs, notes, problems);
        if (problems.Count > 0)
        {
            return new CalibrationOutcome(null, problems);
        }

        notes.Add("erlang:memory() counts what the VM's allocators hand out to processes and the system. It leaves out the "
            + "emulator's own code, thread stacks and free space in allocator carriers, so the VM's resident memory is larger "
            + "(a bare VM: ≈ 15 MB counted, ≈ 40 MB resident). That gap is mostly fixed, so it belongs in the base memory.");
        return new CalibrationOutcome(new CalibrationResult(inputs, notes, memory, baseline), []);
    }

    private static void CheckCpuInputs(CalibrationRequest request, List<CalibrationProblem> problems)
    {
        if (request.MessagesPerSecond is { } rate && !(double.IsFinite(rate) && rate >= 0 && rate <= 1e12))
        {
            problems.Add(new("messagesPerSecond", "Messages per second must be a number of 0 or more."));
        }

        if (request.CpuUtilisationPercent is { } cpu && !(double.IsFinite(cpu) && cpu > 0 && cpu <= 100))
        {
            problems.Add(new("cpuUtilisationPercent", "CPU utilisation must be more than 0 and at most 100 %."));
        }

        if (request.Vcpus is { } vcpus && !(double.IsFinite(vcpus) && vcpus > 0 && vcpus <= LargestVcpus))
        {
            problems.Add(new("vcpus", $"vCPUs must be more than 0 and at most {LargestVcpus:#,0}."));
        }

        if (request.CpuUtilisationPercent is null && request.Vcpus is null)
        {
            return;
        }

        if (request.CpuUtilisationPercent is null)
        {
            problems.Add(new("cpuUtilisationPercent", "CPU per message needs the CPU utilisation at that moment as well as the vCPUs."));
        }

        if (request.Vcpus is null)
        {
            problems.Add(new("vcpus", "CPU per message needs the vCPUs the utilisation is a share of."));
        }

        if (request.MessagesPerSecond is not > 0)
        {
            problems.Add(new("messagesPerSecond", "CPU per message needs the messages per second the VM handled at that moment (more than 0)."));
        }
    }

    private static void DeriveMemory(CalibrationRequest request, MemorySnapshot memory, MemorySnapshot? baseline,
        long connections, long baselineConnections, List<CalibratedInput> inputs, List<string> notes, List<CalibrationProblem> problems)
    {
        var perConnectionField = Field(MemoryPerConnection);
        var baseField = Field(BaseMemory);
        var total = memory.TotalBytes;
        double perConnectionBytes;
        string perConnectionArithmetic;
        if (baseline is not null)
        {
            var added = connections - baselineConnections;
            perConnectionBytes = (total - baseline.TotalBytes) / added;
            perConnectionArithmetic = $"(total {Bytes(total)} at {Formats.Count(connections)} connections − baseline {Bytes(baseline.TotalBytes)} "
                + $"at {Formats.Count(baselineConnections)}) ÷ {Formats.Count(added)} connections = {Bytes(perConnectionBytes)} per connection";
            if (perConnectionBytes <= 0)
            {
                problems.Add(new("baselineMemory", $"The baseline's total ({MemorySnapshot.MiB(baseline.TotalBytes)}) is not below the main paste's "
                    + $"({MemorySnapshot.MiB(total)}): the connections' memory cannot be told apart. Take the baseline at few or no connections."));
                return;
            }

            var baseBytes = baseline.TotalBytes - (baselineConnections * perConnectionBytes);
            var baseMiB = Math.Ceiling((baseBytes / BytesPerMiB) - 1e-9);
            var baseArithmetic = baselineConnections == 0
                ? $"baseline total {Bytes(baseline.TotalBytes)} ÷ 1,048,576 = {Formats.Number(baseBytes / BytesPerMiB, "#,0.0#")} MiB, rounded up to {Formats.Number(baseMiB, "#,0")} MiB"
                : $"baseline total {Bytes(baseline.TotalBytes)} − {Formats.Count(baselineConnections)} connections × {Bytes(perConnectionBytes)} = {Bytes(baseBytes)} "
                  + $"= {Formats.Number(baseBytes / BytesPerMiB, "#,0.0#")} MiB, rounded up to {Formats.Number(baseMiB, "#,0")} MiB";
            if (!baseField.Accepts(baseMiB))
            {
                problems.Add(new("baselineMemory", $"The base memory comes out at {Formats.Number(baseMiB, "#,0")} MiB ({baseArithmetic}). {baseField.RangeMessage}"));
                return;
            }

            AddPerConnection(perConnectionField, perConnectionBytes, perConnectionArithmetic, inputs, problems);
            inputs.Add(new(BaseMemory, baseField.Label, baseField.Unit, baseMiB, baseArithmetic));
            return;
        }

        var assumedMiB = request.BeamBaseMemoryMiB ?? baseField.DefaultValue;
        var assumedBytes = assumedMiB * BytesPerMiB;
        perConnectionBytes = (total - assumedBytes) / connections;
        var which = request.BeamBaseMemoryMiB is null ? "the model's default" : "the base memory stated";
        perConnectionArithmetic = $"(total {Bytes(total)} − base {Formats.Number(assumedMiB, "#,0.##")} MiB = {Bytes(assumedBytes)}, {which}) "
            + $"÷ {Formats.Count(connections)} connections = {Bytes(perConnectionBytes)} per connection";
        if (perConnectionBytes <= 0)
        {
            problems.Add(new("memory", $"The paste's total ({MemorySnapshot.MiB(total)}) is not above the base memory of {Formats.Number(assumedMiB, "#,0.##")} MiB "
                + $"({which}): the connections' memory cannot be told apart. Add a baseline paste taken at few or no connections, or state your base memory."));
            return;
        }

        AddPerConnection(perConnectionField, perConnectionBytes, perConnectionArithmetic, inputs, problems);
        notes.Add($"BEAM base memory is not measured without a baseline paste: the arithmetic subtracts {Formats.Number(assumedMiB, "#,0.##")} MiB ({which}). "
            + "Paste a second output taken at few or no connections to measure it.");
    }

    private static void AddPerConnection(ScenarioField field, double bytes, string arithmetic, List<CalibratedInput> inputs, List<CalibrationProblem> problems)
    {
        var kib = Math.Round(bytes / BytesPerKiB, 2, MidpointRounding.AwayFromZero);
        var text = $"{arithmetic} ÷ 1,024 = {Formats.Number(kib, "#,0.00")} KiB";
        if (!field.Accepts(kib))
        {
            problems.Add(new("memory", $"Memory per connection comes out at {Formats.Number(kib, "#,0.00")} KiB ({text}). {field.RangeMessage} "
                + "Check that the connection count is this VM's, not the whole service's."));
            return;
        }

        inputs.Add(new(MemoryPerConnection, field.Label, field.Unit, kib, text));
    }

    private static void DeriveCpu(CalibrationRequest request, long connections, List<CalibratedInput> inputs, List<string> notes, List<CalibrationProblem> problems)
    {
        if (request.MessagesPerSecond is not { } rate)
        {
            notes.Add("No message rate given: messages per connection and CPU per message keep their current values.");
            return;
        }

        var messagesField = Field(MessagesPerConnection);
        var perConnection = Significant(rate / connections, 4);
        var messagesArithmetic = $"{Formats.Number(rate, "#,0.##")} msg/s ÷ {Formats.Count(connections)} connections = {Formats.Number(perConnection, "#,0.####")} msg/s per connection";
        if (!messagesField.Accepts(perConnection))
        {
            problems.Add(new("messagesPerSecond", $"Messages per connection come out at {Formats.Number(perConnection, "#,0.####")} msg/s ({messagesArithmetic}). {messagesField.RangeMessage}"));
            return;
        }

        inputs.Add(new(MessagesPerConnection, messagesField.Label, messagesField.Unit, perConnection, messagesArithmetic));
        if (request.CpuUtilisationPercent is not { } cpu || request.Vcpus is not { } vcpus)
        {
            notes.Add("No CPU utilisation and vCPUs given: CPU per message keeps its current value.");
            return;
        }

        var cpuField = Field(CpuPerMessage);
        var busyMicroseconds = cpu / 100 * vcpus * 1_000_000;
        var perMessage = Math.Round(busyMicroseconds / rate, 2, MidpointRounding.AwayFromZero);
        var cpuArithmetic = $"{Formats.Number(cpu, "0.##")} % × {Formats.Number(vcpus, "#,0.##")} vCPUs × 1,000,000 µs = {Formats.Number(busyMicroseconds, "#,0")} µs of CPU per second "
            + $"÷ {Formats.Number(rate, "#,0.##")} msg/s = {Formats.Number(perMessage, "#,0.00")} µs per message";
        if (!cpuField.Accepts(perMessage))
        {
            problems.Add(new("cpuUtilisationPercent", $"CPU per message comes out at {Formats.Number(perMessage, "#,0.00")} µs ({cpuArithmetic}). {cpuField.RangeMessage}"));
            return;
        }

        inputs.Add(new(CpuPerMessage, cpuField.Label, cpuField.Unit, perMessage, cpuArithmetic));
        notes.Add("CPU per message charges all of the VM's CPU at that moment to messages: connection set-ups, remote sends, garbage "
            + "collection and schedulers' busy-waiting included. The model adds set-ups and remote sends on top, so the estimate errs "
            + "on the safe side. An OS CPU figure over-reads busy-waiting schedulers; scheduler utilisation (scheduler_wall_time) is the better measure.");
    }

    /// <summary>"1,234,567 B".</summary>
    private static string Bytes(double bytes) => Formats.Number(bytes, "#,0") + " B";

    /// <summary>A value rounded to <paramref name="digits"/> significant digits (0 stays 0).</summary>
    internal static double Significant(double value, int digits)
    {
        if (value == 0 || !double.IsFinite(value))
        {
            return value;
        }

        var scale = Math.Pow(10, digits - 1 - (int)Math.Floor(Math.Log10(Math.Abs(value))));
        return Math.Round(value * scale, MidpointRounding.AwayFromZero) / scale;
    }
}
