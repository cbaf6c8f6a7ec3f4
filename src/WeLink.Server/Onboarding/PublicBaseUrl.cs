using WeLink.Server.Hosting;

namespace WeLink.Server.Onboarding;

/// <summary>Where the platforms send the browser back: <c>WeLink:PublicBaseUrl</c>, else the host this request came to.</summary>
public static class PublicBaseUrl
{
    public static Uri Of(HttpRequest request, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(configuration);
        var configured = configuration[SandboxHosting.PublicBaseUrlKey];
        return new Uri(string.IsNullOrWhiteSpace(configured) ? $"{request.Scheme}://{request.Host}" : configured);
    }
}
