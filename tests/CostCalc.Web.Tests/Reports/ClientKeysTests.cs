using System.Net;
using CostCalc.Web.Reports;
using Microsoft.AspNetCore.Http;

namespace CostCalc.Web.Tests.Reports;

public sealed class ClientKeysTests
{
    private static DefaultHttpContext Request(string remote, params string[] forwardedFor)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(remote);
        if (forwardedFor.Length > 0)
        {
            context.Request.Headers["X-Forwarded-For"] = forwardedFor;
        }

        return context;
    }

    [Fact]
    public void Of_NoProxiesConfigured_IgnoresForwardedFor()
    {
        Assert.Equal("198.51.100.7", ClientKeys.Of(Request("198.51.100.7", "203.0.113.9"), forwardedForHops: 0));
    }

    [Fact]
    public void Of_OneProxy_TakesTheAddressItAppended()
    {
        // The client wrote "1.2.3.4" itself; the proxy appended the real peer.
        Assert.Equal("203.0.113.9", ClientKeys.Of(Request("10.0.0.2", "1.2.3.4, 203.0.113.9"), forwardedForHops: 1));
    }

    [Fact]
    public void Of_TwoProxies_TakesTheSecondFromTheRight()
    {
        Assert.Equal("203.0.113.9", ClientKeys.Of(Request("10.0.0.2", "1.2.3.4", "203.0.113.9, 10.0.0.1"), forwardedForHops: 2));
    }

    [Fact]
    public void Of_ProxyConfiguredButNoHeader_FallsBackToTheConnection()
    {
        Assert.Equal("10.0.0.2", ClientKeys.Of(Request("10.0.0.2"), forwardedForHops: 1));
    }

    [Fact]
    public void Of_Ipv6Client_IsKeyedByItsSlash64()
    {
        var a = ClientKeys.Of(Request("2001:db8:1:2:aaaa::1"), 0);
        var b = ClientKeys.Of(Request("2001:db8:1:2:bbbb::9"), 0);

        Assert.Equal("2001:db8:1:2::/64", a);
        Assert.Equal(a, b);
    }

    [Fact]
    public void Of_Ipv4MappedAddress_IsThePlainIpv4()
    {
        Assert.Equal("192.0.2.1", ClientKeys.Of(Request("::ffff:192.0.2.1"), 0));
    }
}
