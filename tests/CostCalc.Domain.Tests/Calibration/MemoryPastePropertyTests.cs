using CostCalc.Domain.Calibration;
using static CostCalc.Domain.Tests.Calibration.MemoryPasteTests;

namespace CostCalc.Domain.Tests.Calibration;

/// <summary>Properties of the paste reader over cut-off and damaged versions of every sample.</summary>
public sealed class MemoryPastePropertyTests
{
    public static TheoryData<string> Samples() =>
        ["erlang-shell-30k.txt", "iex-idle.txt", "prometheus-erl-40k.txt", "promex-25k.txt", "telemetry-kilobytes-40k.txt"];

    [Theory]
    [MemberData(nameof(Samples))]
    public void Read_EveryPrefixAndDamagedCopy_GivesASnapshotOrAReasonNeverAnException(string name)
    {
        var text = Sample(name);
        var random = new Random(name.Length);
        for (var cut = 0; cut <= text.Length; cut += 7)
        {
            Check(text[..cut]);
            var damaged = text.ToCharArray();
            for (var i = 0; i < 3 && damaged.Length > 0; i++)
            {
                damaged[random.Next(damaged.Length)] = "{}[],:=\"_-9 x\n#"[random.Next(15)];
            }

            Check(new string(damaged));
        }
    }

    [Fact]
    public void Read_HugeNumbers_AreRefused()
    {
        Assert.Contains("digits", MemoryPaste.Read("[total: 1234567890123456789012, processes: 1, system: 1]").Problem, StringComparison.Ordinal);
        Assert.Contains("more than any VM", MemoryPaste.Read("erlang_vm_memory_bytes_total{kind=\"system\"} 1e300\n").Problem, StringComparison.Ordinal);
    }

    private static void Check(string text)
    {
        var reading = MemoryPaste.Read(text, MemoryUnit.Kilobytes);
        if (reading.Snapshot is { } snapshot)
        {
            Assert.Null(reading.Problem);
            Assert.True(double.IsFinite(snapshot.TotalBytes) && snapshot.TotalBytes >= MemoryPaste.SmallestTotalBytes, $"total {snapshot.TotalBytes}");
            Assert.False(string.IsNullOrEmpty(snapshot.Describe()));
        }
        else
        {
            Assert.False(string.IsNullOrWhiteSpace(reading.Problem));
        }
    }
}
