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

    /// <summary>
    /// The base URL where no request names one (a link in a message a background delivery sends): <c>WeLink:PublicBaseUrl</c>,
    /// else the first of <c>urls</c> with a wildcard host read as loopback (the local run).
    /// </summary>
    public Uri Configured() => new(ConfiguredBase(configuration));

    /// <inheritdoc cref="Configured"/>
    public static string ConfiguredBase(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration[ConfigurationKey] is { Length: > 0 } configured)
        {
            return configured.TrimEnd('/');
        }

        var first = (configuration["urls"] ?? "http://127.0.0.1:5000").Split(';', StringSplitOptions.RemoveEmptyEntries)[0];
        var uri = new Uri(first.Replace("://*", "://127.0.0.1", StringComparison.Ordinal).Replace("://+", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal));
        return uri.GetLeftPart(UriPartial.Authority);
    }

    private string BaseText(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var configured = configuration[ConfigurationKey];
        return string.IsNullOrWhiteSpace(configured) ? $"{request.Scheme}://{request.Host}" : configured.TrimEnd('/');
    }
}
