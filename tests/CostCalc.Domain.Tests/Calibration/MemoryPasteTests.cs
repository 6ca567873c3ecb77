using CostCalc.Domain.Calibration;
using CostCalc.Domain.Tests.TestSupport;

namespace CostCalc.Domain.Tests.Calibration;

/// <summary>Reading real-format pastes (tests/samples/calibration) and refusing malformed ones with a message naming what is wrong.</summary>
public sealed class MemoryPasteTests
{
    internal static string Sample(string name) => File.ReadAllText(Path.Combine(RepoFiles.RepositoryRoot, "tests", "samples", "calibration", name));

    private static MemorySnapshot Read(string text, MemoryUnit? unit = null)
    {
        var reading = MemoryPaste.Read(text, unit);
        Assert.True(reading.Snapshot is not null, reading.Problem);
        return reading.Snapshot!;
    }

    private static string Problem(string text, MemoryUnit? unit = null)
    {
        var reading = MemoryPaste.Read(text, unit);
        Assert.Null(reading.Snapshot);
        return reading.Problem!;
    }

    [Fact]
    public void Read_ErlangShell_SkipsTheBannerAndPromptsAndReadsEveryKey()
    {
        var snapshot = Read(Sample("erlang-shell-30k.txt"));

        Assert.Equal(PasteFormat.ErlangTerm, snapshot.Format);
        Assert.Equal(1_203_683_448, snapshot.TotalBytes);
        Assert.Equal(912_845_376, snapshot.ProcessesBytes);
        Assert.Equal(912_789_504, snapshot.ProcessesUsedBytes);
        Assert.Equal(290_838_072, snapshot.SystemBytes);
        Assert.Equal(573_601, snapshot.AtomBytes);
        Assert.Equal(182_464_512, snapshot.BinaryBytes);
        Assert.Equal(21_483_264, snapshot.CodeBytes);
        Assert.Equal(8_234_712, snapshot.EtsBytes);
        Assert.Null(snapshot.ProcessCount);
    }

    [Fact]
    public void Read_Iex_ReadsKeywordsWithDigitSeparators()
    {
        var snapshot = Read(Sample("iex-idle.txt"));

        Assert.Equal(PasteFormat.ElixirKeyword, snapshot.Format);
        Assert.Equal(61_384_232, snapshot.TotalBytes);
        Assert.Equal(14_502_184, snapshot.ProcessesBytes);
        Assert.Equal(46_882_048, snapshot.SystemBytes);
        Assert.Equal(27_125_379, snapshot.CodeBytes);
    }

    [Fact]
    public void Read_PrometheusErl_TotalIsProcessesPlusSystem()
    {
        var snapshot = Read(Sample("prometheus-erl-40k.txt"));

        // prometheus.erl exports no total: kind="processes" 1,158,233,712 + kind="system" 296,810,240 = 1,455,043,952.
        Assert.Equal(PasteFormat.PrometheusErl, snapshot.Format);
        Assert.Equal(1_455_043_952, snapshot.TotalBytes);
        Assert.Equal(1_158_233_712, snapshot.ProcessesBytes);
        Assert.Equal(1_158_180_112, snapshot.ProcessesUsedBytes);
        Assert.Equal(201_326_592, snapshot.BinaryBytes);
        Assert.Equal(9_961_472, snapshot.EtsBytes);
        Assert.Equal(80_611, snapshot.ProcessCount);
    }

    [Fact]
    public void Read_PromEx_AllocatedIsTheTotal()
    {
        var snapshot = Read(Sample("promex-25k.txt"));

        // System is what the total leaves after processes: 912,604,118 − 700,115,200 = 212,488,918.
        Assert.Equal(PasteFormat.PromEx, snapshot.Format);
        Assert.Equal(912_604_118, snapshot.TotalBytes);
        Assert.Equal(700_115_200, snapshot.ProcessesBytes);
        Assert.Equal(212_488_918, snapshot.SystemBytes);
        Assert.Equal(131_072_000, snapshot.BinaryBytes);
        Assert.Equal(50_533, snapshot.ProcessCount);
    }

    [Fact]
    public void Read_TelemetryInKilobytes_ScalesByAThousand()
    {
        var snapshot = Read(Sample("telemetry-kilobytes-40k.txt"), MemoryUnit.Kilobytes);

        // Telemetry.Metrics converts :byte to :kilobyte by ÷ 1,000: 1,455,044 kB × 1,000 = 1,455,044,000 B.
        Assert.Equal(PasteFormat.TelemetryMetrics, snapshot.Format);
        Assert.Equal(1_455_044_000, snapshot.TotalBytes);
        Assert.Equal(1_158_234_000, snapshot.ProcessesBytes);
        Assert.Equal(80_611, snapshot.ProcessCount);
    }

    [Fact]
    public void Read_TelemetryInKilobytesTakenAsBytes_IsRefusedNamingTheUnit()
    {
        var problem = Problem(Sample("telemetry-kilobytes-40k.txt"));

        Assert.Contains("1,455,044 bytes", problem, StringComparison.Ordinal);
        Assert.Contains("memory unit", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ErlangAndElixirMaps_AreRead()
    {
        Assert.Equal(50_000_000, Read("#{total => 50000000, processes => 20000000, system => 30000000}").TotalBytes);
        Assert.Equal(50_000_000, Read("%{total: 50_000_000, processes: 20_000_000, system: 30_000_000}").TotalBytes);
        Assert.Equal(PasteFormat.ElixirKeyword, Read("%{total: 50_000_000, processes: 20_000_000, system: 30_000_000}").Format);
    }

    [Fact]
    public void Read_TruncatedErlang_SaysToPasteTheWholeOutput()
    {
        var problem = Problem("1> erlang:memory().\n[{total,1203683448},\n {processes,912845376},\n {proc");

        Assert.Contains("ends before the list closes", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ElixirWithoutProcesses_NamesTheMissingKey()
    {
        var problem = Problem("[total: 61_384_232, system: 46_882_048, atom: 1_081_553]");

        Assert.Equal("No `processes` value found; paste the whole output of :erlang.memory().", problem);
    }

    [Fact]
    public void Read_PrometheusErlWithoutSystem_NamesTheMissingSeries()
    {
        var problem = Problem("erlang_vm_memory_bytes_total{kind=\"processes\"} 1158233712\n");

        Assert.Contains("erlang_vm_memory_bytes_total{kind=\"system\"}", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ScrapeOfTwoVms_IsRefused()
    {
        var problem = Problem("""
            erlang_vm_memory_bytes_total{kind="system",instance="a"} 296810240
            erlang_vm_memory_bytes_total{kind="processes",instance="a"} 1158233712
            erlang_vm_memory_bytes_total{kind="system",instance="b"} 296810240
            erlang_vm_memory_bytes_total{kind="processes",instance="b"} 1158233712
            """);

        Assert.Contains("more than once", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("erlang_vm_memory_bytes_total{kind=\"system\"} lots\n", "'lots' is not a number")]
    [InlineData("erlang_vm_memory_bytes_total{kind=\"system\" 1\n", "expected label=")]
    [InlineData("erlang_vm_memory_bytes_total 296810240\n", "no kind=\"…\" label")]
    [InlineData("erlang_vm_memory_bytes_total{kind=\"system\"} -5\n", "never below zero")]
    public void Read_MalformedSampleLine_NamesTheLine(string text, string expected)
    {
        var problem = Problem(text);

        Assert.StartsWith("Line 1 ", problem, StringComparison.Ordinal);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "Paste the output")]
    [InlineData("   \n", "Paste the output")]
    [InlineData("hello world", "neither :erlang.memory() output")]
    [InlineData("[{total,abc}]", "expected a whole number of bytes after total")]
    [InlineData("[{total,1.5e9},{processes,1},{system,1}]", "expected a whole number of bytes after total")]
    [InlineData("[total: -5, processes: 1, system: 1]", "`total` is negative")]
    [InlineData("[total: 5, processes 1]", "expected ':' after processes")]
    [InlineData("[{total,50000000},{total,50000000},{processes,1},{system,1}]", "`total` appears twice")]
    [InlineData("[total: 5__0, processes: 1, system: 1]", "expected a number after total")]
    [InlineData("[]", "The list is empty")]
    public void Read_Malformed_IsRefusedWithAReason(string text, string expected)
    {
        Assert.Contains(expected, Problem(text), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ErrorPosition_IsLineAndColumn()
    {
        var problem = Problem("[\n  total: 61_384_232,\n  processes; 14_502_184\n]");

        Assert.Contains("line 3, column 12", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TooLong_IsRefused()
    {
        var problem = Problem(new string(' ', MemoryPaste.MaxChars) + "[total: 1]");

        Assert.Contains("at most 65,536", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ImplausiblySmallTotal_IsRefused()
    {
        Assert.Contains("less than any running BEAM", Problem("[{total,123},{processes,45},{system,78}]"), StringComparison.Ordinal);
    }
}
