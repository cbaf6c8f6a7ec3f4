using System.Net;
using System.Net.Sockets;

namespace WeLink.Testing;

public static class FreePort
{
    /// <summary>A loopback port nothing listens on (at the moment of asking).</summary>
    public static int Loopback()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
