using System.Net;
using System.Net.Sockets;

namespace CostCalc.Web.Reports;

/// <summary>
/// The key a client is rate-limited by: its IP address (an IPv6 client by its /64, which one host
/// can rotate through freely). X-Forwarded-For counts only when proxies are configured, and then
/// only the entry the nearest trusted proxy appended, never one the client could have written.
/// </summary>
public static class ClientKeys
{
    public const string Unknown = "unknown";

    public static string Of(HttpContext context, int forwardedForHops)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (forwardedForHops > 0 && FromForwardedFor(context.Request.Headers["X-Forwarded-For"], forwardedForHops) is { } forwarded)
        {
            return Normalize(forwarded);
        }

        return context.Connection.RemoteIpAddress is { } remote ? Normalize(remote) : Unknown;
    }

    /// <summary>The address <paramref name="hops"/> entries from the right of the (combined) header, or null.</summary>
    public static IPAddress? FromForwardedFor(IEnumerable<string?> headerValues, int hops)
    {
        var entries = headerValues
            .SelectMany(v => (v ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .ToList();
        if (entries.Count < hops)
        {
            return null;
        }

        return IPEndPoint.TryParse(entries[^hops], out var endpoint) ? endpoint.Address : null;
    }

    public static string Normalize(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
