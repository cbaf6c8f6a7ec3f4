using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace WeLink.Server.Hosting;

/// <summary>
/// What every response needs against other sites, wired once for the whole host rather than per page: forwarded
/// headers from trusted proxies (so the scheme is https behind a TLS-terminating balancer and cookies are
/// <c>Secure</c>), and frame protection on everything WeLink serves, so no other site can frame a portal page to
/// trick a signed-in admin into clicking. Cross-site requests themselves are refused by the session cookies
/// (SameSite=Strict) and by the antiforgery token every Razor Pages form post must carry.
/// </summary>
public static class BrowserSecurity
{
    public static IServiceCollection AddBrowserSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ProxyOptions>()
            .Bind(configuration.GetSection(ProxyOptions.SectionName))
            .Validate(
                o => o.AreValid(),
                $"{ProxyOptions.SectionName}:KnownProxies must hold IP addresses and {ProxyOptions.SectionName}:KnownNetworks CIDR ranges.")
            .ValidateOnStart();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ProxyOptions>>((forwarded, proxies) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in proxies.Value.KnownProxies)
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in proxies.Value.KnownNetworks)
            {
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        return services;
    }

    /// <summary>First in the pipeline: everything after it sees the client's scheme and address.</summary>
    public static WebApplication UseBrowserSecurity(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.Use(static (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = "frame-ancestors 'none'";

            // For browsers that predate frame-ancestors.
            headers.XFrameOptions = "DENY";
            return next(context);
        });
        return app;
    }
}
