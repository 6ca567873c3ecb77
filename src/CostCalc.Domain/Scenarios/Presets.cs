namespace CostCalc.Domain.Scenarios;

/// <summary>One workload input a preset sets: the field's API name and its value.</summary>
public sealed record PresetValue(string Field, double Value);

/// <summary>
/// A workload a BEAM team recognises, as values of the workload inputs (model.md §8.2). Applying it changes only
/// those inputs; paths, prices and operations stay as they are.
/// </summary>
/// <param name="Id">Stable id ("phoenix-chat").</param>
/// <param name="Name">What the picker shows.</param>
/// <param name="Description">One or two sentences: what it models and where the numbers come from.</param>
/// <param name="Sources">The <see cref="Scenarios.Sources"/> constants behind its numbers (each links to its model section).</param>
/// <param name="Values">Every input it sets, in <see cref="ScenarioFields.All"/> order.</param>
public sealed record WorkloadPreset(string Id, string Name, string Description, IReadOnlyList<string> Sources, IReadOnlyList<PresetValue> Values)
{
    /// <summary>The scenario with this preset's values written through the fields' own setters.</summary>
    public Scenario Apply(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        foreach (var value in Values)
        {
            scenario = Field(value).Write(scenario, value.Value);
        }

        return scenario;
    }

    /// <summary>Every input the preset sets holds the preset's value.</summary>
    public bool IsAppliedTo(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        foreach (var value in Values)
        {
            if (Field(value).Read(scenario) != value.Value)
            {
                return false;
            }
        }

        return true;
    }

    private static ScenarioField Field(PresetValue value) =>
        ScenarioFields.Find(value.Field) ?? throw new InvalidOperationException($"Preset input '{value.Field}' is no scenario field.");
}

/// <summary>The workload presets of the calculator's picker (model.md §8.2).</summary>
public static class Presets
{
    /// <summary>
    /// Phoenix Channels chat at the scale of the Phoenix team's benchmark: 2 M connections, ≈ 12 KB per socket
    /// and channel; how much users chat is an assumption.
    /// </summary>
    public static WorkloadPreset PhoenixChat { get; } = new(
        "phoenix-chat",
        "Phoenix Channels chat (2 M connections)",
        "The Phoenix team's benchmark held 2 M channel clients on one machine; a socket with its channel is ≈ 12 KB (Jurić). "
        + "One chat message every 10 s per user and hour-long sessions are assumptions.",
        [Scenarios.Sources.PresetPhoenixChat],
        [
            new("peakConnections", 2_000_000),
            new("memoryPerConnectionKiB", 12),
            new("messagesPerConnectionPerSecond", 0.1),
            new("cpuMicrosecondsPerMessage", 50),
            new("bytesPerMessage", 512),
            new("clientBytesPerConnectionPerSecond", 100),
            new("newConnectionsPerSecond", 556),
            new("connectionSetupCpuMicroseconds", 200),
            new("beamBaseMemoryMiB", 100),
        ]);

    /// <summary>A LiveView application: ≈ 40 KB per LiveView process, ≈ 300 MB per idle release; interaction rates assumed.</summary>
    public static WorkloadPreset LiveView { get; } = new(
        "liveview",
        "LiveView app (50,000 sessions)",
        "A LiveView process starts at ≈ 40 KB and an idle LiveView release takes ≈ 300 MB (both secondary). "
        + "One event a second per session at 500 µs each (render and diff), 500 B/s of diffs, 10-minute sessions and 1 ms mounts are assumptions.",
        [Scenarios.Sources.PresetLiveView],
        [
            new("peakConnections", 50_000),
            new("memoryPerConnectionKiB", 40),
            new("messagesPerConnectionPerSecond", 1),
            new("cpuMicrosecondsPerMessage", 500),
            new("bytesPerMessage", 512),
            new("clientBytesPerConnectionPerSecond", 500),
            new("newConnectionsPerSecond", 83),
            new("connectionSetupCpuMicroseconds", 1_000),
            new("beamBaseMemoryMiB", 300),
        ]);

    /// <summary>An MQTT/IoT broker: EMQX's ≈ 18 KB per connection, 50-byte payloads; device rates assumed.</summary>
    public static WorkloadPreset MqttBroker { get; } = new(
        "mqtt-broker",
        "MQTT/IoT broker (1 M devices)",
        "EMQX's 10 M connection test used ≈ 9 GB per node for 500,000 connections (≈ 18 KB each, VM included) with 50-byte payloads. "
        + "A reading a minute plus the 300 s keepalive, 20 µs per message, 1 B/s to devices and day-long sessions are assumptions.",
        [Scenarios.Sources.PresetMqtt],
        [
            new("peakConnections", 1_000_000),
            new("memoryPerConnectionKiB", 18),
            new("messagesPerConnectionPerSecond", 0.02),
            new("cpuMicrosecondsPerMessage", 20),
            new("bytesPerMessage", 50),
            new("clientBytesPerConnectionPerSecond", 1),
            new("newConnectionsPerSecond", 12),
            new("connectionSetupCpuMicroseconds", 200),
            new("beamBaseMemoryMiB", 100),
        ]);

    /// <summary>The "one t3.medium" starting point: the calculator's own workload defaults at 5,000 connections.</summary>
    public static WorkloadPreset OneT3Medium { get; } = new(
        "one-t3-medium",
        "Small service (fits one t3.medium)",
        "The default workload at 5,000 connections: ≈ 0.06 cores of work, inside a t3.medium's 20 % CPU baseline. "
        + "A starting point to grow from; every number is the calculator's default or an assumption.",
        [Scenarios.Sources.PresetSmall],
        [
            new("peakConnections", 5_000),
            new("memoryPerConnectionKiB", 28),
            new("messagesPerConnectionPerSecond", 0.2),
            new("cpuMicrosecondsPerMessage", 50),
            new("bytesPerMessage", 512),
            new("clientBytesPerConnectionPerSecond", 100),
            new("newConnectionsPerSecond", 5),
            new("connectionSetupCpuMicroseconds", 200),
            new("beamBaseMemoryMiB", 100),
        ]);

    public static IReadOnlyList<WorkloadPreset> All { get; } = [PhoenixChat, LiveView, MqttBroker, OneT3Medium];

    public static WorkloadPreset? Find(string id) => All.FirstOrDefault(p => string.Equals(p.Id, id, StringComparison.Ordinal));
}
