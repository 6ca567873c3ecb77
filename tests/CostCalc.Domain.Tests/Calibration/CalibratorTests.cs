using CostCalc.Domain.Calibration;
using CostCalc.Domain.Scenarios;
using CostCalc.Domain.Tests.TestSupport;
using static CostCalc.Domain.Tests.Calibration.MemoryPasteTests;

namespace CostCalc.Domain.Tests.Calibration;

/// <summary>Derived inputs worked out by hand from the samples (tests/samples/calibration), and refusals naming their field.</summary>
public sealed class CalibratorTests
{
    private static CalibrationResult Derive(CalibrationRequest request)
    {
        var outcome = Calibrator.Derive(request);
        Assert.True(outcome.Result is not null, string.Join(" ", outcome.Problems.Select(p => $"{p.Field}: {p.Message}")));
        return outcome.Result!;
    }

    private static CalibrationProblem Refused(CalibrationRequest request)
    {
        var outcome = Calibrator.Derive(request);
        Assert.Null(outcome.Result);
        return Assert.Single(outcome.Problems);
    }

    private static double Value(CalibrationResult result, string field) => Assert.Single(result.Inputs, i => i.Field == field).Value;

    [Fact]
    public void Derive_OnePasteWithTheDefaultBase_SubtractsOneHundredMiB()
    {
        var result = Derive(new CalibrationRequest { Memory = Sample("erlang-shell-30k.txt"), Connections = 30_000 });

        // Default base 100 MiB = 104,857,600 B. (1,203,683,448 − 104,857,600) ÷ 30,000 = 1,098,825,848 ÷ 30,000
        // = 36,627.53 B per connection; ÷ 1,024 = 35.769 KiB → 35.77.
        Assert.Equal(35.77, Value(result, "memoryPerConnectionKiB"));
        var input = Assert.Single(result.Inputs);
        Assert.Contains("(total 1,203,683,448 B − base 100 MiB = 104,857,600 B, the model's default) ÷ 30,000 connections = 36,628 B per connection", input.Arithmetic, StringComparison.Ordinal);
        Assert.Equal("Memory per connection", input.Label);
        Assert.Equal("KiB", input.Unit);
        Assert.Contains(result.Notes, n => n.Contains("not measured without a baseline", StringComparison.Ordinal));
    }

    [Fact]
    public void Derive_WithABaselineAtZeroConnections_MeasuresTheBase()
    {
        var result = Derive(new CalibrationRequest
        {
            Memory = Sample("prometheus-erl-40k.txt"),
            Connections = 40_000,
            BaselineMemory = Sample("iex-idle.txt"),
        });

        // (1,455,043,952 − 61,384,232) ÷ 40,000 = 1,393,659,720 ÷ 40,000 = 34,841.49 B; ÷ 1,024 = 34.025 KiB → 34.02.
        Assert.Equal(34.02, Value(result, "memoryPerConnectionKiB"));
        // Base: 61,384,232 B ÷ 1,048,576 = 58.54 MiB, rounded up to a whole 59 MiB.
        Assert.Equal(59, Value(result, "beamBaseMemoryMiB"));
        Assert.Contains("rounded up to 59 MiB", Assert.Single(result.Inputs, i => i.Field == "beamBaseMemoryMiB").Arithmetic, StringComparison.Ordinal);
        Assert.Equal(PasteFormat.ElixirKeyword, result.Baseline!.Format);
    }

    [Fact]
    public void Derive_WithABaselineAtSomeConnections_ExtrapolatesTheBaseToZero()
    {
        var result = Derive(new CalibrationRequest
        {
            Memory = "[{total,1455043952},{processes,1158233712},{system,296810240}]",
            Connections = 40_000,
            BaselineMemory = "[{total,409798932},{processes,300000000},{system,109798932}]",
            BaselineConnections = 10_000,
        });

        // Per connection: (1,455,043,952 − 409,798,932) ÷ (40,000 − 10,000) = 1,045,245,020 ÷ 30,000 = 34,841.50 B → 34.02 KiB.
        // Base: 409,798,932 − 10,000 × 34,841.50 = 409,798,932 − 348,415,006.7 = 61,383,925 B = 58.54 MiB → 59 MiB.
        Assert.Equal(34.02, Value(result, "memoryPerConnectionKiB"));
        Assert.Equal(59, Value(result, "beamBaseMemoryMiB"));
    }

    [Fact]
    public void Derive_MessagesAndCpu_WorkOutPerConnectionAndPerMessage()
    {
        var result = Derive(new CalibrationRequest
        {
            Memory = Sample("prometheus-erl-40k.txt"),
            Connections = 40_000,
            MessagesPerSecond = 8_000,
            CpuUtilisationPercent = 35,
            Vcpus = 4,
        });

        // 8,000 msg/s ÷ 40,000 connections = 0.2 msg/s per connection.
        Assert.Equal(0.2, Value(result, "messagesPerConnectionPerSecond"));
        // 35 % × 4 vCPUs = 1.4 CPU-seconds per second = 1,400,000 µs ÷ 8,000 msg/s = 175 µs per message.
        Assert.Equal(175, Value(result, "cpuMicrosecondsPerMessage"));
        Assert.Contains("1,400,000 µs of CPU per second ÷ 8,000 msg/s = 175.00 µs per message",
            Assert.Single(result.Inputs, i => i.Field == "cpuMicrosecondsPerMessage").Arithmetic, StringComparison.Ordinal);
        // With the default base: (1,455,043,952 − 104,857,600) ÷ 40,000 = 33,754.66 B ÷ 1,024 = 32.96 KiB.
        Assert.Equal(32.96, Value(result, "memoryPerConnectionKiB"));
    }

    [Fact]
    public void Derive_PromExWithAStatedBase_UsesThatBase()
    {
        var result = Derive(new CalibrationRequest { Memory = Sample("promex-25k.txt"), Connections = 25_000, BeamBaseMemoryMiB = 60 });

        // 60 MiB = 62,914,560 B. (912,604,118 − 62,914,560) ÷ 25,000 = 849,689,558 ÷ 25,000 = 33,987.58 B ÷ 1,024 = 33.19 KiB.
        Assert.Equal(33.19, Value(result, "memoryPerConnectionKiB"));
        Assert.Contains("the base memory stated", result.Inputs[0].Arithmetic, StringComparison.Ordinal);
    }

    [Fact]
    public void ApplyTo_SetsTheDerivedInputsOnly()
    {
        var result = Derive(new CalibrationRequest
        {
            Memory = Sample("prometheus-erl-40k.txt"),
            Connections = 40_000,
            BaselineMemory = Sample("iex-idle.txt"),
            MessagesPerSecond = 8_000,
            CpuUtilisationPercent = 35,
            Vcpus = 4,
        });

        var scenario = result.ApplyTo(Scenario.Default with { PeakConnections = 750_000 });

        Assert.Equal(34.02, scenario.MemoryPerConnectionKiB);
        Assert.Equal(59, scenario.BeamBaseMemoryMiB);
        Assert.Equal(0.2, scenario.MessagesPerConnectionPerSecond);
        Assert.Equal(175, scenario.CpuMicrosecondsPerMessage);
        Assert.Equal(750_000, scenario.PeakConnections);
        Assert.Equal(Scenario.Default.RemoteMessagePercent, scenario.RemoteMessagePercent);
    }

    [Fact]
    public void Derive_TotalBelowTheDefaultBase_IsRefusedOnTheMemory()
    {
        // 61,384,232 B = 58.5 MiB is below the default 100 MiB base.
        var problem = Refused(new CalibrationRequest { Memory = Sample("iex-idle.txt"), Connections = 100 });

        Assert.Equal("memory", problem.Field);
        Assert.Contains("not above the base memory of 100 MiB", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Derive_PerConnectionBelowTheFieldsMinimum_IsRefusedNotClamped()
    {
        // (1,203,683,448 − 104,857,600) ÷ 3,000,000 = 366.3 B = 0.36 KiB, below the input's 0.5 KiB minimum.
        var problem = Refused(new CalibrationRequest { Memory = Sample("erlang-shell-30k.txt"), Connections = 3_000_000 });

        Assert.Equal("memory", problem.Field);
        Assert.Contains("0.36 KiB", problem.Message, StringComparison.Ordinal);
        Assert.Contains("between 0.5 and 10,240 KiB", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Derive_CpuPerMessageAboveTheFieldsMaximum_IsRefused()
    {
        // 100 % × 64 vCPUs = 64,000,000 µs/s ÷ 1 msg/s = 64,000,000 µs, above the 1,000,000 µs maximum.
        var problem = Refused(new CalibrationRequest
        {
            Memory = Sample("erlang-shell-30k.txt"),
            Connections = 30_000,
            MessagesPerSecond = 1,
            CpuUtilisationPercent = 100,
            Vcpus = 64,
        });

        Assert.Equal("cpuUtilisationPercent", problem.Field);
        Assert.Contains("64,000,000.00 µs", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Derive_BaselineAboveTheMainPaste_IsRefusedOnTheBaseline()
    {
        var problem = Refused(new CalibrationRequest
        {
            Memory = Sample("iex-idle.txt"),
            Connections = 100,
            BaselineMemory = Sample("erlang-shell-30k.txt"),
        });

        Assert.Equal("baselineMemory", problem.Field);
    }

    [Theory]
    [InlineData(null, 30_000L, "memory")]
    [InlineData("[total: 61_384_232, system: 46_882_048]", 30_000L, "memory")]
    [InlineData("erlang-shell-30k.txt", null, "connections")]
    [InlineData("erlang-shell-30k.txt", 0L, "connections")]
    [InlineData("erlang-shell-30k.txt", 100_000_001L, "connections")]
    public void Derive_MissingOrBadMemoryAndConnections_NameTheirField(string? memory, long? connections, string field)
    {
        var text = memory is not null && memory.EndsWith(".txt", StringComparison.Ordinal) ? Sample(memory) : memory;

        Assert.Equal(field, Refused(new CalibrationRequest { Memory = text, Connections = connections }).Field);
    }

    [Fact]
    public void Derive_UtilisationWithoutVcpus_NamesVcpus()
    {
        var problem = Refused(new CalibrationRequest { Memory = Sample("erlang-shell-30k.txt"), Connections = 30_000, MessagesPerSecond = 100, CpuUtilisationPercent = 50 });

        Assert.Equal("vcpus", problem.Field);
    }

    [Fact]
    public void Derive_CpuWithoutMessages_NamesMessagesPerSecond()
    {
        var problem = Refused(new CalibrationRequest { Memory = Sample("erlang-shell-30k.txt"), Connections = 30_000, CpuUtilisationPercent = 50, Vcpus = 2 });

        Assert.Equal("messagesPerSecond", problem.Field);
    }

    [Theory]
    [InlineData(0.0, "cpuUtilisationPercent")]
    [InlineData(100.5, "cpuUtilisationPercent")]
    [InlineData(double.NaN, "cpuUtilisationPercent")]
    public void Derive_BadUtilisation_IsRefused(double utilisation, string field)
    {
        var outcome = Calibrator.Derive(new CalibrationRequest
        {
            Memory = Sample("erlang-shell-30k.txt"), Connections = 30_000, MessagesPerSecond = 100, CpuUtilisationPercent = utilisation, Vcpus = 2,
        });

        Assert.Contains(outcome.Problems, p => p.Field == field);
    }

    [Fact]
    public void Derive_BaseAndBaselineTogether_IsRefused()
    {
        var outcome = Calibrator.Derive(new CalibrationRequest
        {
            Memory = Sample("prometheus-erl-40k.txt"), Connections = 40_000, BaselineMemory = Sample("iex-idle.txt"), BeamBaseMemoryMiB = 80,
        });

        Assert.Contains(outcome.Problems, p => p.Field == "beamBaseMemoryMiB");
    }

    /// <summary>Property: whatever the counts, a derived value is inside its input's range and the scenario it makes validates.</summary>
    [Theory]
    [InlineData(1L)]
    [InlineData(7L)]
    [InlineData(1_000L)]
    [InlineData(40_000L)]
    [InlineData(2_000_000L)]
    [InlineData(100_000_000L)]
    public void Derive_AnyConnectionCount_GivesValuesInRangeOrARefusal(long connections)
    {
        foreach (var rate in new[] { 0.0, 0.5, 8_000, 1e9 })
        {
            var outcome = Calibrator.Derive(new CalibrationRequest
            {
                Memory = Sample("prometheus-erl-40k.txt"), Connections = connections, MessagesPerSecond = rate,
                CpuUtilisationPercent = rate > 0 ? 35 : null, Vcpus = rate > 0 ? 4 : null,
            });

            if (outcome.Result is { } result)
            {
                Assert.All(result.Inputs, i => Assert.True(ScenarioFields.Find(i.Field)!.Accepts(i.Value), $"{i.Field} = {i.Value}"));
                Assert.Empty(ScenarioValidator.Validate(result.ApplyTo(Scenario.Default), Fixture.Prices, Fixture.Catalog));
            }
            else
            {
                Assert.NotEmpty(outcome.Problems);
                Assert.All(outcome.Problems, p => Assert.False(string.IsNullOrWhiteSpace(p.Message)));
            }
        }
    }
}
