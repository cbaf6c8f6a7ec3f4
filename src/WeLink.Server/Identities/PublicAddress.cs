using WeLink.Server.Hosting;

namespace WeLink.Server.Identities;

/// <summary>
/// Absolute URLs of this server as the platforms must call them back: <c>WeLink:PublicBaseUrl</c> when set
/// (behind a load balancer or a domain registered with WeChat), else the host the browser used.
/// </summary>
public sealed class PublicAddress(IConfiguration configuration)
{
    public Uri Of(HttpRequest request, string path)
    {
        ArgumentNullException.ThrowIfNull(request);
        var configured = configuration[SandboxHosting.PublicBaseUrlKey];
        var baseUrl = string.IsNullOrWhiteSpace(configured) ? $"{request.Scheme}://{request.Host}" : configured.TrimEnd('/');
        return new Uri(baseUrl + path);
    }
}
