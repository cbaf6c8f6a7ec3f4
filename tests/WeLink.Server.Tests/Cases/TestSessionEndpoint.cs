using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using WeLink.Server.Tenancy.Access;

namespace WeLink.Server.Tests.Cases;

/// <summary>
/// TEST ONLY: signs a request in as any staff member or admin, standing in for the real WeCom and portal sign-in until
/// they are merged. <c>POST /test-only/session?kind=staff|admin&amp;subject=..&amp;brand=..&amp;dealer=..&amp;role=..</c>
/// answers with the session cookie. Registered through the test host's configure hook; never part of the product.
/// </summary>
public static class TestSessionEndpoint
{
    public const string Path = "/test-only/session";

    public static void AddTestSessions(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IStartupFilter, Filter>();

        // Its sessions name made-up people, whom the periodic recheck would sign out mid-test on a slow machine (a test
        // passing 30 s answered 401); the recheck has tests of its own with real people.
        builder.Services.Configure<SessionCheckOptions>(o => o.RecheckInterval = TimeSpan.FromDays(1));
    }

    public static async Task<HttpClient> SignInAsync(Uri baseAddress, string kind, Guid subject, Guid? brand, Guid? dealer, params string[] roles)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new System.Net.CookieContainer() }) { BaseAddress = baseAddress };
        var query = $"?kind={kind}&subject={subject}&brand={brand}&dealer={dealer}" + string.Concat(roles.Select(r => $"&role={Uri.EscapeDataString(r)}"));
        using var response = await client.PostAsync(new Uri(Path + query, UriKind.Relative), null);
        response.EnsureSuccessStatusCode();
        return client;
    }

    private sealed class Filter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, nextMiddleware) =>
            {
                if (context.Request.Path != Path)
                {
                    await nextMiddleware(context);
                    return;
                }

                var query = context.Request.Query;
                var claims = new List<Claim> { new(WeLinkClaims.SubjectId, query["subject"].ToString()) };
                AddIfPresent(claims, WeLinkClaims.BrandId, query["brand"].ToString());
                AddIfPresent(claims, WeLinkClaims.DealerId, query["dealer"].ToString());
                claims.AddRange(query["role"].Select(r => new Claim(WeLinkClaims.Role, r!)));
                var scheme = query["kind"] == "admin" ? WeLinkSchemes.Admin : WeLinkSchemes.Staff;
                await context.SignInAsync(scheme, new ClaimsPrincipal(new ClaimsIdentity(claims, scheme)));
                context.Response.StatusCode = StatusCodes.Status204NoContent;
            });
            next(app);
        };

        private static void AddIfPresent(List<Claim> claims, string type, string value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                claims.Add(new Claim(type, value));
            }
        }
    }
}
