using CostCalc.Web.Reports;
using Microsoft.Extensions.Options;

namespace CostCalc.Web.Tests.Reports;

public sealed class SaveRateLimiterTests
{
    private readonly ManualClock _clock = new();

    private SaveRateLimiter Limiter(int perMinute = 10) =>
        new(Options.Create(new ReportOptions { SavesPerMinutePerClient = perMinute }), _clock);

    [Fact]
    public void TryAcquire_BurstOfTheLimit_AllowsThemAllThenRefuses()
    {
        var limiter = Limiter();

        var decisions = Enumerable.Range(0, 11).Select(_ => limiter.TryAcquire("203.0.113.5")).ToList();

        Assert.All(decisions.Take(10), d => Assert.True(d.Allowed));
        Assert.False(decisions[10].Allowed);
        Assert.Equal(6, decisions[10].RetryAfterSeconds); // one token per 6 s at 10 a minute
    }

    [Fact]
    public void TryAcquire_AfterRetryAfter_AllowsOneMore()
    {
        var limiter = Limiter();
        for (var i = 0; i < 10; i++)
        {
            limiter.TryAcquire("a");
        }

        var refused = limiter.TryAcquire("a");
        _clock.Advance(refused.RetryAfter);

        Assert.True(limiter.TryAcquire("a").Allowed);
        Assert.False(limiter.TryAcquire("a").Allowed);
    }

    [Fact]
    public void TryAcquire_OtherClient_HasItsOwnBucket()
    {
        var limiter = Limiter(perMinute: 1);
        limiter.TryAcquire("a");

        Assert.False(limiter.TryAcquire("a").Allowed);
        Assert.True(limiter.TryAcquire("b").Allowed);
    }

    [Fact]
    public void TryAcquire_AfterAFullMinute_BurstIsBackButNotMore()
    {
        var limiter = Limiter(perMinute: 3);
        for (var i = 0; i < 3; i++)
        {
            limiter.TryAcquire("a");
        }

        _clock.Advance(TimeSpan.FromHours(1));

        Assert.Equal([true, true, true, false], Enumerable.Range(0, 4).Select(_ => limiter.TryAcquire("a").Allowed));
    }

    [Fact]
    public async Task TryAcquire_ConcurrentCallers_NeverAllowMoreThanTheLimit()
    {
        var limiter = Limiter(perMinute: 50);

        var results = await Task.WhenAll(Enumerable.Range(0, 400).Select(_ => Task.Run(() => limiter.TryAcquire("same").Allowed)));

        Assert.Equal(50, results.Count(a => a));
    }

    private sealed class ManualClock : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => Interlocked.Read(ref _ticks);

        public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
    }
}
