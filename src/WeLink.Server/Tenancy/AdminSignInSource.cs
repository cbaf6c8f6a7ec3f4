using System.Net;
using System.Net.Sockets;

namespace WeLink.Server.Tenancy;

/// <summary>
/// Where a sign-in attempt comes from, as a throttle key: the client address as the app sees it after forwarded headers
/// (only trusted proxies are believed, see <c>ForwardedHeaders:*</c>).
/// </summary>
public static class AdminSignInSource
{
    /// <summary>An IPv6 client commonly holds a whole /64, so the key is the /64 and not one of its many addresses.</summary>
    private const int Ipv6SourceBytes = 8;

    public static string Of(IPAddress? client)
    {
        if (client is null)
        {
            return "unknown";
        }

        if (client.IsIPv4MappedToIPv6)
        {
            return client.MapToIPv4().ToString();
        }

        if (client.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return client.ToString();
        }

        var bytes = client.GetAddressBytes();
        Array.Clear(bytes, Ipv6SourceBytes, bytes.Length - Ipv6SourceBytes);
        return $"{new IPAddress(bytes)}/64";
    }
}
