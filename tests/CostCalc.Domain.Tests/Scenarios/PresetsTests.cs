using CostCalc.Domain.Scenarios;
using CostCalc.Domain.Tests.TestSupport;

namespace CostCalc.Domain.Tests.Scenarios;

/// <summary>The workload presets (model.md §8.2).</summary>
public class PresetsTests
{
    public static TheoryData<string> PresetIds() => [.. Presets.All.Select(p => p.Id)];

    [Theory]
    [MemberData(nameof(PresetIds))]
    public void Preset_AppliedToTheDefaults_PassesValidation(string id)
    {
        var scenario = Presets.Find(id)!.Apply(Scenario.Default);

        Assert.Empty(Fixture.Estimator.Validate(scenario));
        Assert.All(Fixture.Estimate(scenario).Paths, p => Assert.True(p.Feasible, $"{id}: {p.Id} cannot run"));
    }

    [Theory]
    [MemberData(nameof(PresetIds))]
    public void Preset_SetsOnlyWorkloadInputs_AndCitesModelSections(string id)
    {
        var preset = Presets.Find(id)!;

        Assert.All(preset.Values, v => Assert.Equal(FieldGroup.Workload, ScenarioFields.Find(v.Field)!.Group));
        Assert.NotEmpty(preset.Sources);
        Assert.All(preset.Sources, s => Assert.Equal("8.2", SourceSections.SectionOf(s)));
    }

    [Theory]
    [MemberData(nameof(PresetIds))]
    public void Preset_Applied_IsRecognisedAndLeavesOtherInputsAlone(string id)
    {
        var preset = Presets.Find(id)!;
        var start = Scenario.Default with { Region = Fixture.Region, Ec2OperationsHoursPerMonth = 7, HorizonMonths = 24 };

        var applied = preset.Apply(start);

        Assert.True(preset.IsAppliedTo(applied));
        Assert.False(preset.IsAppliedTo(Scenario.Default with { PeakConnections = 1 }));
        Assert.Equal(7, applied.Ec2OperationsHoursPerMonth);
        Assert.Equal(24, applied.HorizonMonths);
        Assert.Equal(start.RemoteMessagePercent, applied.RemoteMessagePercent);
    }

    /// <summary>The values docs/model.md §8.2 documents, written out here by hand.</summary>
    [Fact]
    public void Presets_SetTheDocumentedValues()
    {
        var chat = Presets.PhoenixChat.Apply(Scenario.Default);
        Assert.Equal(2_000_000, chat.PeakConnections);
        Assert.Equal(12, chat.MemoryPerConnectionKiB);
        Assert.Equal(0.1, chat.MessagesPerConnectionPerSecond);
        Assert.Equal(556, chat.NewConnectionsPerSecond); // 2,000,000 ÷ 3,600 s, rounded

        var live = Presets.LiveView.Apply(Scenario.Default);
        Assert.Equal(50_000, live.PeakConnections);
        Assert.Equal(40, live.MemoryPerConnectionKiB);
        Assert.Equal(500, live.CpuMicrosecondsPerMessage);
        Assert.Equal(300, live.BeamBaseMemoryMiB);
        Assert.Equal(83, live.NewConnectionsPerSecond); // 50,000 ÷ 600 s, rounded down

        var mqtt = Presets.MqttBroker.Apply(Scenario.Default);
        Assert.Equal(1_000_000, mqtt.PeakConnections);
        Assert.Equal(18, mqtt.MemoryPerConnectionKiB); // 9 GB ÷ 500,000 connections
        Assert.Equal(0.02, mqtt.MessagesPerConnectionPerSecond); // 1/60 + 1/300
        Assert.Equal(50, mqtt.BytesPerMessage);
        Assert.Equal(12, mqtt.NewConnectionsPerSecond); // 1,000,000 ÷ 86,400 s

        var small = Presets.OneT3Medium.Apply(Scenario.Default);
        Assert.Equal(5_000, small.PeakConnections);
        Assert.Equal(28, small.MemoryPerConnectionKiB);
    }
}
