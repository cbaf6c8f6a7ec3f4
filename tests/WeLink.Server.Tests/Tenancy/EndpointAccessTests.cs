using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using WeLink.Server.Data;
using WeLink.Server.Tenancy.Access;
using WeLink.Server.Tests.Admin;

namespace WeLink.Server.Tests.Tenancy;

/// <summary>
/// Nothing is open by default: every route the running host maps is either on the list of routes public on purpose, or
/// refuses a caller without a session (401, or the portal's sign-in page for pages); a session of one kind reaches no
/// route of another kind.
/// </summary>
public abstract class EndpointAccessTests(DatabaseProvider provider) : IAsyncLifetime
{
    /// <summary>The routes anyone may call, each for a reason: the platforms' callbacks (signed), sign-in and OAuth landings, health, the API description, and the sandbox that stands in for WeChat and WeCom in the local run.</summary>
    private static readonly string[] PublicOnPurpose =
    [
        "/wechat/component/events",
        "/wechat/component/accounts/{appid}/messages",
        "/wecom/suite/instructions",
        "/wecom/suite/data/{corpid}",
        "/consumer/signin",
        "/consumer/oauth/callback",
        "/api/consumer/miniprogram/sessions/",
        "/api/consumer/miniprogram/sessions/refresh",
        "/staff/signin",
        "/staff/oauth/callback",
        "/onboarding/official-account/authorized",
        "/onboarding/miniprogram/authorized",
        "/onboarding/wecom/installed",
        "/api/admin/login",
        "/admin/login",
        "/health/live",
        "/health/ready",
        "/openapi/{documentName}.json",
    ];

    private static readonly string[] PublicPrefixes = ["/sandbox/", "/docs"];

    private AdminHost _admin = null!;

    public async Task InitializeAsync() => _admin = await AdminHost.StartAsync(provider);

    public async Task DisposeAsync() => await _admin.DisposeAsync();

    [Fact]
    public void Every_anonymous_route_is_one_opened_on_purpose()
    {
        var open = Routes().Where(r => r.Endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null).Select(r => r.Pattern).Distinct().ToList();

        Assert.DoesNotContain(open, p => !IsPublicOnPurpose(p));
        Assert.Contains("/wechat/component/events", open);
        Assert.Contains(open, p => p.StartsWith("/sandbox/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_other_route_refuses_a_caller_without_a_session()
    {
        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = _admin.Host.BaseAddress };
        var closed = Routes().Where(r => !IsPublicOnPurpose(r.Pattern)).ToList();
        var wrong = new List<string>();

        foreach (var route in closed)
        {
            using var response = await anonymous.SendAsync(new HttpRequestMessage(new HttpMethod(route.Method), route.Url));
            if (!IsRefusedWithoutSession(route, response))
            {
                wrong.Add($"{route.Method} {route.Pattern} answered {(int)response.StatusCode} {response.Headers.Location}");
            }
        }

        Assert.Empty(wrong);
        Assert.Contains(closed, r => r.Pattern == "/api/staff/cases/{id:guid}/transitions");
        Assert.Contains(closed, r => r.Pattern == "/api/consumer/complaints/");
        Assert.Contains(closed, r => r.Pattern == "/admin/dealers/{dealerId:guid}");
    }

    [Fact]
    public async Task A_platform_admin_session_reaches_no_consumer_or_staff_route()
    {
        using var root = await _admin.RootAsync();
        var others = Routes().Where(r => Policies(r.Endpoint).Any(p => p is WeLinkPolicies.Consumer or WeLinkPolicies.Staff)).ToList();
        var wrong = new List<string>();

        foreach (var route in others)
        {
            using var response = await root.Http.SendAsync(new HttpRequestMessage(new HttpMethod(route.Method), route.Url));
            if (response.StatusCode != HttpStatusCode.Unauthorized)
            {
                wrong.Add($"{route.Method} {route.Pattern} answered {(int)response.StatusCode}");
            }
        }

        Assert.Empty(wrong);
        Assert.Contains(others, r => r.Pattern == "/api/consumer/me");
        Assert.Contains(others, r => r.Pattern == "/api/staff/me");
    }

    [Fact]
    public async Task A_route_that_names_no_policy_is_refused_even_to_a_platform_admin()
    {
        var services = _admin.Host.Services;
        var fallback = await services.GetRequiredService<IAuthorizationPolicyProvider>().GetFallbackPolicyAsync();
        var authorization = services.GetRequiredService<IAuthorizationService>();
        var platformAdmin = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(WeLinkClaims.SubjectId, Guid.NewGuid().ToString()), new Claim(WeLinkClaims.Role, AdminRoles.Platform)], WeLinkSchemes.Admin));
        var unmarkedRoute = new DefaultHttpContext();
        unmarkedRoute.SetEndpoint(new RouteEndpoint(_ => Task.CompletedTask, RoutePatternFactory.Parse("/unmarked"), 0, EndpointMetadataCollection.Empty, "unmarked"));
        var routingsOwnRefusal = new DefaultHttpContext();
        routingsOwnRefusal.SetEndpoint(new Endpoint(_ => Task.CompletedTask, EndpointMetadataCollection.Empty, "405 HTTP Method Not Supported"));

        Assert.NotNull(fallback);
        Assert.False((await authorization.AuthorizeAsync(platformAdmin, unmarkedRoute, fallback)).Succeeded);
        Assert.False((await authorization.AuthorizeAsync(new ClaimsPrincipal(new ClaimsIdentity()), unmarkedRoute, fallback)).Succeeded);
        Assert.True((await authorization.AuthorizeAsync(new ClaimsPrincipal(new ClaimsIdentity()), routingsOwnRefusal, fallback)).Succeeded);
        Assert.True((await authorization.AuthorizeAsync(platformAdmin, WeLinkPolicies.PlatformAdmin)).Succeeded);
    }

    [Fact]
    public async Task Routings_own_answers_stay_what_they_are_for_a_caller_without_a_session()
    {
        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = _admin.Host.BaseAddress };

        using var noRoute = await anonymous.GetAsync(new Uri("/no/such/route", UriKind.Relative));
        using var wrongMethod = await anonymous.GetAsync(new Uri("/wechat/component/events", UriKind.Relative));
        using var wrongBodyType = await anonymous.PostAsync(new Uri("/api/admin/login", UriKind.Relative), new StringContent("root", System.Text.Encoding.UTF8, "text/plain"));

        Assert.Equal(
            (HttpStatusCode.NotFound, HttpStatusCode.MethodNotAllowed, HttpStatusCode.UnsupportedMediaType),
            (noRoute.StatusCode, wrongMethod.StatusCode, wrongBodyType.StatusCode));
    }

    private static bool IsPublicOnPurpose(string pattern) =>
        PublicOnPurpose.Contains(pattern) || PublicPrefixes.Any(p => pattern.StartsWith(p, StringComparison.Ordinal));

    /// <summary>APIs answer 401; the portal's pages (and the onboarding pages an admin opens) send the browser to sign in.</summary>
    private static bool IsRefusedWithoutSession(Route route, HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Unauthorized
        || (response.StatusCode == HttpStatusCode.Redirect && !route.Pattern.StartsWith("/api/", StringComparison.Ordinal)
            && response.Headers.Location?.OriginalString.StartsWith("/admin/login?returnUrl=", StringComparison.Ordinal) == true);

    private static IEnumerable<string> Policies(Endpoint endpoint) =>
        endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).OfType<string>();

    private IEnumerable<Route> Routes()
    {
        var endpoints = _admin.Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        foreach (var endpoint in endpoints)
        {
            var pattern = "/" + endpoint.RoutePattern.RawText?.TrimStart('/');
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is { Count: > 0 } declared ? declared : ["GET", "POST"];
            foreach (var method in methods)
            {
                yield return new Route(endpoint, pattern, method, new Uri(Concrete(endpoint.RoutePattern), UriKind.Relative));
            }
        }
    }

    /// <summary>A URL the route matches: each parameter filled with a value its constraint accepts.</summary>
    private static string Concrete(RoutePattern pattern) =>
        "/" + string.Join('/', pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternSeparatorPart separator => separator.Content,
            RoutePatternParameterPart parameter when parameter.ParameterPolicies.Any(p => p.Content == "guid") => Guid.NewGuid().ToString(),
            RoutePatternParameterPart parameter when parameter.ParameterPolicies.Any(p => p.Content is "int" or "long") => "1",
            _ => "x",
        }))));

    private sealed record Route(Endpoint Endpoint, string Pattern, string Method, Uri Url);
}

public sealed class EndpointAccessTests_on_Sqlite() : EndpointAccessTests(DatabaseProvider.Sqlite);

public sealed class EndpointAccessTests_on_Postgres() : EndpointAccessTests(DatabaseProvider.Postgres);
