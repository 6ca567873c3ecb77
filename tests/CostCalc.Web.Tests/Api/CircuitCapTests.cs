using System.Net;
using Bunit;
using CostCalc.Web.Components;
using CostCalc.Web.Hosting;
using CostCalc.Web.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace CostCalc.Web.Tests.Api;

/// <summary>Issue 14 item 2: connected circuits capped per client and in total.</summary>
public sealed class CircuitLimiterTests
{
    [Fact]
    public void TryOpen_PastTheClientsCap_IsRefusedWhileAnotherClientIsAdmitted()
    {
        var limiter = new CircuitLimiter(maxPerClient: 2, maxTotal: 10);

        Assert.Equal(CircuitRefusal.None, limiter.TryOpen("a"));
        Assert.Equal(CircuitRefusal.None, limiter.TryOpen("a"));
        Assert.Equal(CircuitRefusal.ClientAtCap, limiter.TryOpen("a"));
        Assert.Equal(CircuitRefusal.None, limiter.TryOpen("b"));
        Assert.Equal(2, limiter.CountOf("a"));
        Assert.Equal(3, limiter.Total);
    }

    [Fact]
    public void TryOpen_PastTheTotal_IsRefusedForEveryClient()
    {
        var limiter = new CircuitLimiter(maxPerClient: 5, maxTotal: 2);
        limiter.TryOpen("a");
        limiter.TryOpen("b");

        Assert.Equal(CircuitRefusal.ServerAtCap, limiter.TryOpen("c"));
        Assert.Equal(CircuitRefusal.ServerAtCap, limiter.Check("a"));
        Assert.Equal(2, limiter.Total);
    }

    [Fact]
    public void Release_FreesThePlaceForTheSameClient()
    {
        var limiter = new CircuitLimiter(maxPerClient: 1, maxTotal: 10);
        limiter.TryOpen("a");
        Assert.Equal(CircuitRefusal.ClientAtCap, limiter.Check("a"));

        limiter.Release("a");

        Assert.Equal(CircuitRefusal.None, limiter.Check("a"));
        Assert.Equal(0, limiter.Total);
        limiter.Release("a");                      // a second release of a client with none counted changes nothing
        Assert.Equal(0, limiter.Total);
    }

    [Fact]
    public void Admission_ConnectionDownThenUp_CountsAgainEvenAtTheCap()
    {
        var limiter = new CircuitLimiter(maxPerClient: 1, maxTotal: 10);
        var admitted = new CircuitAdmission(limiter);
        Assert.Equal(CircuitRefusal.None, admitted.Admit("a"));

        admitted.ConnectionDown();
        Assert.Equal(0, limiter.CountOf("a"));
        Assert.Equal(CircuitRefusal.None, new CircuitAdmission(limiter).Admit("a"));   // the place was free: another tab took it
        admitted.ConnectionUp();                                                      // the first one reconnects: never refused

        Assert.Equal(2, limiter.CountOf("a"));
    }

    [Fact]
    public void Admission_Refused_CountsNothingAndReleasesNothing()
    {
        var limiter = new CircuitLimiter(maxPerClient: 1, maxTotal: 10);
        limiter.TryOpen("a");
        var refused = new CircuitAdmission(limiter);

        Assert.Equal(CircuitRefusal.ClientAtCap, refused.Admit("a"));
        refused.ConnectionDown();
        refused.ConnectionUp();

        Assert.Equal(1, limiter.CountOf("a"));
        Assert.Equal(CircuitRefusal.ClientAtCap, refused.Admit("b"));                // asked once per circuit
    }

    [Fact]
    public void Refusals_AreCountedPerCap_AdmissionsAreNot()
    {
        var limiter = new CircuitLimiter(maxPerClient: 1, maxTotal: 2);
        limiter.TryOpen("a");                      // admitted
        limiter.Check("a");                        // the page of a second tab: refused at the client's cap (429)
        limiter.TryOpen("a");                      // a circuit racing past the page check: refused again
        limiter.TryOpen("b");                      // admitted: the total (2) is now reached
        limiter.TryOpen("c");                      // refused at the total

        Assert.Equal(2, limiter.Refused(CircuitRefusal.ClientAtCap));
        Assert.Equal(1, limiter.Refused(CircuitRefusal.ServerAtCap));
        Assert.Equal(0, limiter.Refused(CircuitRefusal.None));
    }

    [Fact]
    public void Refusals_LogOneWarningNamingTheSetting_NotOnePerRefusal()
    {
        var log = new ListLogger();
        var limiter = new CircuitLimiter(maxPerClient: 1, maxTotal: 10, log);
        limiter.TryOpen("a");

        for (var i = 0; i < 50; i++)
        {
            limiter.Check("a");
        }

        var line = Assert.Single(log.Lines);
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Warning, line.Level);
        Assert.Contains("BlazorServer:MaxCircuitsPerClient = 1", line.Text, StringComparison.Ordinal);
        Assert.Equal(50, limiter.Refused(CircuitRefusal.ClientAtCap));
    }

    [Fact]
    public void Refusals_AreMeasured_TaggedWithTheCap()
    {
        var seen = new List<string>();
        using var listener = new System.Diagnostics.Metrics.MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == CircuitCapMetrics.MeterName && instrument.Name == CircuitCapMetrics.RefusedName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "cap")
                {
                    lock (seen)
                    {
                        seen.Add($"{tag.Value}:{value}");
                    }
                }
            }
        });
        listener.Start();
        var limiter = new CircuitLimiter(maxPerClient: 1, maxTotal: 1);
        limiter.TryOpen("measured-a");

        limiter.TryOpen("measured-b");             // the total (1) is reached first

        lock (seen)
        {
            // Other tests' limiters may record at the same time; this one's refusal is among what was seen.
            Assert.Contains("total:1", seen);
        }
    }

    private sealed class ListLogger : Microsoft.Extensions.Logging.ILogger<CircuitLimiter>
    {
        public List<(Microsoft.Extensions.Logging.LogLevel Level, string Text)> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;

        public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state,
            Exception? exception, Func<TState, Exception?, string> formatter) => Lines.Add((logLevel, formatter(state, exception)));
    }
}

/// <summary>Two circuits per client, three in all; clients told apart by X-Forwarded-For (one trusted proxy).</summary>
public sealed class CircuitCapFactory : CostCalcFactory
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["BlazorServer:MaxCircuitsPerClient"] = "2",
        ["BlazorServer:MaxCircuits"] = "3",
        ["Reports:ForwardedForHops"] = "1",
    };
}

public sealed class CircuitCapHttpTests(CircuitCapFactory factory) : IClassFixture<CircuitCapFactory>
{
    private const string ServerComponentMarker = "<!--Blazor:{\"type\":\"server\"";

    private CircuitLimiter Limiter => factory.Services.GetRequiredService<CircuitLimiter>();

    private async Task<(HttpStatusCode Status, string Html, HttpResponseMessage Response)> GetAsync(string path, string clientIp)
    {
        var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("X-Forwarded-For", clientIp);
        var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response);
    }

    [Fact]
    public async Task Calculator_ClientAtItsCap_Gets429WithAPlainMessageAndNoCircuit_AnotherClientIsServed()
    {
        Assert.Equal(CircuitRefusal.None, Limiter.TryOpen("198.51.100.7"));
        Assert.Equal(CircuitRefusal.None, Limiter.TryOpen("198.51.100.7"));
        var refusedBefore = Limiter.Refused(CircuitRefusal.ClientAtCap);
        try
        {
            var (status, html, response) = await GetAsync("/", "198.51.100.7");
            Assert.Equal(refusedBefore + 1, Limiter.Refused(CircuitRefusal.ClientAtCap));
            var (otherStatus, otherHtml, _) = await GetAsync("/", "198.51.100.8");
            var (reportStatus, _, _) = await GetAsync("/pricing", "198.51.100.7");

            Assert.Equal(HttpStatusCode.TooManyRequests, status);
            Assert.Equal("60", response.Headers.GetValues("Retry-After").Single());
            Assert.Contains("data-refusal=\"client\"", html, StringComparison.Ordinal);
            Assert.Contains("Too many calculator pages open", html, StringComparison.Ordinal);
            Assert.Contains("already has 2 calculator pages open", html, StringComparison.Ordinal);
            Assert.DoesNotContain(ServerComponentMarker, html, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, otherStatus);
            Assert.Contains(ServerComponentMarker, otherHtml, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, reportStatus);          // static pages need no circuit: still served
        }
        finally
        {
            Limiter.Release("198.51.100.7");
            Limiter.Release("198.51.100.7");
        }
    }

    [Fact]
    public async Task Calculator_ServerAtItsTotal_TellsEveryNewClientItIsBusy_UntilACircuitCloses()
    {
        string[] holders = ["203.0.113.1", "203.0.113.2", "203.0.113.3"];
        foreach (var holder in holders)
        {
            Assert.Equal(CircuitRefusal.None, Limiter.TryOpen(holder));
        }

        try
        {
            var (status, html, _) = await GetAsync("/", "203.0.113.9");
            Assert.Equal(HttpStatusCode.TooManyRequests, status);
            Assert.Contains("data-refusal=\"server\"", html, StringComparison.Ordinal);
            Assert.Contains("limit of 3 open calculator pages", html, StringComparison.Ordinal);

            Limiter.Release(holders[0]);
            var (after, afterHtml, _) = await GetAsync("/", "203.0.113.9");
            Assert.Equal(HttpStatusCode.OK, after);
            Assert.Contains(ServerComponentMarker, afterHtml, StringComparison.Ordinal);
        }
        finally
        {
            Limiter.Release(holders[1]);
            Limiter.Release(holders[2]);
        }
    }
}

/// <summary>A circuit that starts past a cap (after its page passed the HTTP check) shows the notice instead of the app.</summary>
public sealed class CircuitCapComponentTests : MudBunitContext
{
    [Fact]
    public void Routes_InteractiveAndClientAtCap_RendersTheNoticeOnly()
    {
        var limiter = Circuits;
        limiter.TryOpen("192.0.2.1");

        var routes = Render<Routes>(p => p.Add(c => c.ClientKey, "192.0.2.1"));

        Assert.Equal("client", routes.Find("#circuit-cap").GetAttribute("data-refusal"));
        Assert.Empty(routes.FindAll("#interactive"));
        Assert.Equal(1, limiter.CountOf("192.0.2.1"));
    }

    [Fact]
    public void Routes_InteractiveUnderTheCap_TakesAPlaceAndRendersTheApp()
    {
        var limiter = Circuits;

        var routes = Render<Routes>(p => p.Add(c => c.ClientKey, "192.0.2.1"));

        Assert.Empty(routes.FindAll("#circuit-cap"));
        Assert.Equal(1, limiter.CountOf("192.0.2.1"));
    }
}
