using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using WeLink.Server.Tenancy.Access.Sessions;

namespace WeLink.Server.Tenancy.Access;

/// <summary>The access half of <see cref="TenancyFeature"/>: who is signed in, as what, and what each kind may reach.</summary>
internal static class AccessRegistration
{
    /// <summary>
    /// A mini-program access token is not rechecked against the server like a cookie session: it lives only this long,
    /// and its refresh token (stored, single use, revocable) is what a session lasts by.
    /// </summary>
    public static readonly TimeSpan ConsumerBearerLifetime = TimeSpan.FromMinutes(30);

    /// <summary>Cookie sessions for admins, consumers and staff, and one policy per kind bound to its own scheme.</summary>
    public static IServiceCollection AddAccess(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<TenantRoute>();
        services.AddOptions<SessionCheckOptions>()
            .Bind(configuration.GetSection(SessionCheckOptions.SectionName))
            .Validate(o => o.RecheckInterval > TimeSpan.Zero, $"{SessionCheckOptions.SectionName}:RecheckInterval must be positive.")
            .ValidateOnStart();
        services.AddSingleton<SessionStore>();
        services.AddSingleton<CookieSessions>();
        services.AddAuthentication(WeLinkSchemes.Admin)
            .AddCookie(WeLinkSchemes.Admin, o => Configure(o, SessionKind.Admin, "welink.admin", TimeSpan.FromHours(8), "/admin/login"))
            .AddCookie(WeLinkSchemes.Consumer, o => Configure(o, SessionKind.Consumer, "welink.consumer", TimeSpan.FromDays(7), null))
            .AddCookie(WeLinkSchemes.Staff, o => Configure(o, SessionKind.Staff, "welink.staff", TimeSpan.FromHours(12), null))
            .AddBearerToken(WeLinkSchemes.ConsumerBearer, o => o.BearerTokenExpiration = ConsumerBearerLifetime);

        services.AddAuthorizationBuilder()
            .AddPolicy(WeLinkPolicies.Admin, p => Require(p, WeLinkSchemes.Admin))
            .AddPolicy(WeLinkPolicies.PlatformAdmin, p => Require(p, WeLinkSchemes.Admin).RequireClaim(WeLinkClaims.Role, AdminRoles.Platform))
            .AddPolicy(WeLinkPolicies.HqAdmin, p => Require(p, WeLinkSchemes.Admin).RequireClaim(WeLinkClaims.Role, AdminRoles.Platform, AdminRoles.Hq))
            .AddPolicy(WeLinkPolicies.Consumer, p => Require(p, WeLinkSchemes.Consumer, WeLinkSchemes.ConsumerBearer).RequireClaim(WeLinkClaims.DealerId))
            .AddPolicy(WeLinkPolicies.BrandConsumer, p => p.AddAuthenticationSchemes(WeLinkSchemes.Consumer, WeLinkSchemes.ConsumerBearer)
                .RequireAuthenticatedUser().RequireClaim(WeLinkClaims.BrandId))
            .AddPolicy(WeLinkPolicies.Staff, p => Require(p, WeLinkSchemes.Staff))

            // Nothing is open by default: a route that names neither a policy nor AllowAnonymous is refused to everyone
            // (401 without a session, 403 with one), so a forgotten RequireAuthorization fails its first test instead of
            // opening a route to any session the default scheme happens to read. Routing's own answers (404 for no
            // route, 405/415 for a wrong method or body type) are not routes of ours and stay what they are.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder()
                .RequireAssertion(c => c.Resource is HttpContext http && http.GetEndpoint() is not RouteEndpoint)
                .Build());
        services.AddAntiforgery(o => o.Cookie.Name = "welink.antiforgery");
        return services;
    }

    private static AuthorizationPolicyBuilder Require(AuthorizationPolicyBuilder policy, params string[] schemes) =>
        policy.AddAuthenticationSchemes(schemes).RequireAuthenticatedUser().RequireClaim(WeLinkClaims.SubjectId);

    /// <summary>
    /// APIs answer 401/403 instead of redirecting; only the admin portal's pages send a browser to the login page.
    /// </summary>
    private static void Configure(CookieAuthenticationOptions options, SessionKind kind, string cookieName, TimeSpan lifetime, string? loginPath)
    {
        CookieSessions.Attach(options.Events, kind);
        options.Cookie.Name = cookieName;
        options.Cookie.HttpOnly = true;
        // Strict: a browser sends no session cookie with a request another site starts, so no other page can act
        // with a signed-in person's session (cross-site form posts and JSON calls alike). The price is that following a
        // link from elsewhere into the portal shows the sign-in page once.
        options.Cookie.SameSite = SameSiteMode.Strict;

        // Secure whenever the request is https, which behind a TLS-terminating balancer needs ForwardedHeaders:KnownProxies.
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.ExpireTimeSpan = lifetime;
        options.SlidingExpiration = true;
        options.Events.OnRedirectToLogin = context => Challenge(context, loginPath, StatusCodes.Status401Unauthorized);
        options.Events.OnRedirectToAccessDenied = context => Challenge(context, null, StatusCodes.Status403Forbidden);
    }

    private static Task Challenge(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, string? loginPath, int status)
    {
        var isPage = loginPath is not null && !context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal);
        if (isPage)
        {
            context.Response.Redirect(loginPath + "?returnUrl=" + Uri.EscapeDataString(context.Request.Path + context.Request.QueryString));
        }
        else
        {
            context.Response.StatusCode = status;
        }

        return Task.CompletedTask;
    }
}
