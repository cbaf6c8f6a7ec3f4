using System.Net;

namespace WeLink.Server.Hosting;

/// <summary>
/// The load balancers or reverse proxies allowed to say, through <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c>,
/// who the client is and that it came over TLS. Only their headers are believed (loopback always is); behind a
/// TLS-terminating balancer that is what makes session cookies <c>Secure</c>.
/// </summary>
public sealed class ProxyOptions
{
    public const string SectionName = "ForwardedHeaders";

    /// <summary>Proxy addresses, e.g. <c>10.0.0.5</c>.</summary>
    public IReadOnlyList<string> KnownProxies { get; set; } = [];

    /// <summary>Proxy networks in CIDR form, e.g. <c>10.0.0.0/16</c>.</summary>
    public IReadOnlyList<string> KnownNetworks { get; set; } = [];

    public bool AreValid() =>
        KnownProxies.All(p => IPAddress.TryParse(p, out _)) && KnownNetworks.All(n => IPNetwork.TryParse(n, out _));
}
