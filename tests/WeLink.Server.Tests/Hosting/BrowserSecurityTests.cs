using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using WeLink.Server.Data;
using WeLink.Server.Tests.Admin;

namespace WeLink.Server.Tests.Hosting;

/// <summary>What protects a signed-in browser from other sites: frame protection, antiforgery, cookie attributes.</summary>
public abstract partial class BrowserSecurityTests(DatabaseProvider provider)
{
    [Fact]
    public async Task Every_portal_page_forbids_being_framed_by_any_site()
    {
        await using var admin = await AdminHost.StartAsync(provider);
        using var root = await admin.RootAsync();
        var pages = PortalPages(admin).ToList();

        Assert.Contains("/admin/login", pages);
        Assert.Contains("/admin/inbox", pages);
        foreach (var page in pages)
        {
            using var response = await root.Http.GetAsync(page);

            Assert.True(response.StatusCode < HttpStatusCode.InternalServerError, $"{page}: {(int)response.StatusCode}");
            Assert.Equal("frame-ancestors 'none'", string.Join(";", response.Headers.GetValues("Content-Security-Policy")));
            Assert.Equal("DENY", string.Join(";", response.Headers.GetValues("X-Frame-Options")));
        }
    }

    [Fact]
    public async Task A_cross_site_post_of_any_portal_form_carrying_the_session_cookie_is_refused()
    {
        await using var admin = await AdminHost.StartAsync(provider);
        using var root = AdminClient.Anonymous(admin.Host);
        await PortalForm.SignInAsync(root, AdminHost.RootEmail, AdminHost.RootPassword);
        var forms = PortalPages(admin).Where(p => p != "/admin/login").ToList();

        Assert.Contains("/admin/logout", forms);
        foreach (var form in forms)
        {
            // What another site's auto-submitting form sends: the victim's cookies, no token of the page.
            using var request = new HttpRequestMessage(HttpMethod.Post, form) { Content = new FormUrlEncodedContent([new("name", "forged")]) };
            request.Headers.Add("Origin", "https://attacker.example");
            using var response = await root.Http.SendAsync(request);

            Assert.True(
                response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.MethodNotAllowed or HttpStatusCode.NotFound,
                $"{form}: {(int)response.StatusCode}");
        }

        using var stillSignedIn = await root.Http.GetAsync("/api/admin/me");
        Assert.Equal(HttpStatusCode.OK, stillSignedIn.StatusCode);
        Assert.Equal(0, await admin.Database.ScalarAsync<long>("SELECT COUNT(*) FROM brands WHERE name = 'forged'"));
    }

    [Fact]
    public async Task Session_cookies_are_strict_and_secure_when_a_trusted_balancer_says_the_request_came_over_https()
    {
        await using var admin = await AdminHost.StartAsync(provider);
        using var client = AdminClient.Anonymous(admin.Host);

        using var plain = await client.LoginAsync(AdminHost.RootEmail, AdminHost.RootPassword);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/admin/login")
        {
            Content = JsonContent.Create(new { email = AdminHost.RootEmail, password = AdminHost.RootPassword }),
        };
        request.Headers.Add("X-Forwarded-Proto", "https");
        using var forwarded = await client.Http.SendAsync(request);

        var plainCookie = SessionCookie(plain);
        var forwardedCookie = SessionCookie(forwarded);
        Assert.Contains("samesite=strict", plainCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", plainCookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", plainCookie.Replace("samesite", "", StringComparison.OrdinalIgnoreCase), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", forwardedCookie.Replace("samesite", "", StringComparison.OrdinalIgnoreCase), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_copied_admin_cookie_stops_working_once_its_owner_signs_out()
    {
        await using var admin = await AdminHost.StartAsync(provider);
        using var owner = await admin.RootAsync();
        using var thief = AdminClient.Anonymous(admin.Host);
        thief.Http.DefaultRequestHeaders.Add("Cookie", owner.CookieHeader);
        using var before = await thief.Http.GetAsync("/api/admin/me");

        using var signOut = await owner.PostAsync("/api/admin/logout", null);
        using var after = await thief.Http.GetAsync("/api/admin/me");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.True(signOut.IsSuccessStatusCode, $"sign-out: {(int)signOut.StatusCode}");
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task A_proxy_setting_that_is_no_address_stops_start_up()
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => AdminHost.StartAsync(provider, null, "--ForwardedHeaders:KnownNetworks:0=not-a-network"));

        Assert.Contains("ForwardedHeaders:KnownProxies", failure.ToString(), StringComparison.Ordinal);
    }

    /// <summary>Every Razor page of the portal, its route parameters filled with a made-up id (a 404 must be framed-protected too).</summary>
    private static IEnumerable<string> PortalPages(AdminHost admin) =>
        admin.Host.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .Select(e => "/" + RouteParameter().Replace(e.RoutePattern.RawText!.TrimStart('/'), Guid.CreateVersion7().ToString()))
            .Where(p => !p.EndsWith("/index", StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.OrdinalIgnoreCase);

    private static string SessionCookie(HttpResponseMessage response) =>
        Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("welink.admin=", StringComparison.Ordinal));

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();
}

public sealed class BrowserSecurityTests_on_Sqlite() : BrowserSecurityTests(DatabaseProvider.Sqlite);

public sealed class BrowserSecurityTests_on_Postgres() : BrowserSecurityTests(DatabaseProvider.Postgres);
