using CostCalc.Reports.Pdf;

namespace CostCalc.Reports.Tests.Pdf;

public sealed class PdfGateTests
{
    [Fact]
    public async Task A_client_past_its_rate_is_turned_away_until_its_bucket_refills()
    {
        var clock = new ManualClock();
        using var gate = new PdfGate(new PdfGateOptions { PerClientLimit = 3, Window = TimeSpan.FromMinutes(1) }, clock);

        for (var i = 0; i < 3; i++)
        {
            Assert.True((await gate.RunAsync("a", () => i)).Allowed);
        }

        var refused = await gate.RunAsync("a", () => 99);
        Assert.False(refused.Allowed);
        Assert.Equal(0, refused.Value);
        Assert.Equal(TimeSpan.FromSeconds(20), refused.Rejection!.RetryAfter);
        Assert.True((await gate.RunAsync("b", () => 1)).Allowed, "other clients have their own bucket");

        clock.Advance(TimeSpan.FromSeconds(20));
        Assert.True((await gate.RunAsync("a", () => 1)).Allowed, "one token back after a third of the window");
        Assert.False((await gate.RunAsync("a", () => 1)).Allowed);
    }

    [Fact]
    public async Task Renders_past_the_concurrency_cap_wait_briefly_then_are_turned_away()
    {
        using var gate = new PdfGate(new PdfGateOptions { MaxConcurrent = 1, QueueWait = TimeSpan.FromMilliseconds(50) }, TimeProvider.System);
        using var started = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var first = Task.Run(() => gate.RunAsync("a", () =>
        {
            started.Set();
            release.Wait();
            return 1;
        }));
        started.Wait();
        Assert.Equal(1, gate.Running);

        var busy = await gate.RunAsync("b", () => 2);
        Assert.False(busy.Allowed);
        Assert.Contains("busy", busy.Rejection!.Reason, StringComparison.Ordinal);

        release.Set();
        Assert.Equal(1, (await first).Value);
        Assert.Equal(0, gate.Running);
        Assert.Equal(2, (await gate.RunAsync("b", () => 2)).Value);
    }

    [Fact]
    public async Task A_busy_refusal_does_not_use_up_the_clients_rate()
    {
        using var gate = new PdfGate(new PdfGateOptions { MaxConcurrent = 1, PerClientLimit = 1, QueueWait = TimeSpan.Zero }, new ManualClock());
        using var release = new ManualResetEventSlim();
        using var started = new ManualResetEventSlim();
        var first = Task.Run(() => gate.RunAsync("a", () =>
        {
            started.Set();
            release.Wait();
            return 1;
        }));
        started.Wait();
        Assert.False((await gate.RunAsync("b", () => 2)).Allowed);
        release.Set();
        await first;
        Assert.True((await gate.RunAsync("b", () => 2)).Allowed);
    }

    [Fact]
    public async Task A_failing_render_frees_its_slot()
    {
        using var gate = new PdfGate(new PdfGateOptions { MaxConcurrent = 1 }, TimeProvider.System);
        await Assert.ThrowsAsync<InvalidOperationException>(() => gate.RunAsync<int>("a", () => throw new InvalidOperationException()));
        Assert.Equal(0, gate.Running);
    }

    private sealed class ManualClock : TimeProvider
    {
        private long _ticks = 1_000_000;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks;

        public void Advance(TimeSpan by) => _ticks += by.Ticks;
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 1)]
    [InlineData(8, 7)]
    public void Concurrency_defaults_to_one_less_than_the_cores_and_at_least_one(int cores, int expected) =>
        Assert.Equal(expected, PdfGateOptions.DefaultConcurrency(cores));
}
