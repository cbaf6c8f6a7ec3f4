namespace WeLink.Server.Shared;

/// <summary>
/// Absolute URLs of this server as the platforms must call them back: <c>WeLink:PublicBaseUrl</c> when set
/// (behind a load balancer or a domain registered with WeChat), else the host the browser used.
/// </summary>
public sealed class PublicAddress(IConfiguration configuration)
{
    public const string ConfigurationKey = "WeLink:PublicBaseUrl";

    /// <summary>The server's base URL, e.g. where the platforms send the browser back after an authorization.</summary>
    public Uri BaseOf(HttpRequest request) => new(BaseText(request));

    public Uri Of(HttpRequest request, string path) => new(BaseText(request) + path);

    private string BaseText(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var configured = configuration[ConfigurationKey];
        return string.IsNullOrWhiteSpace(configured) ? $"{request.Scheme}://{request.Host}" : configured.TrimEnd('/');
    }
}
