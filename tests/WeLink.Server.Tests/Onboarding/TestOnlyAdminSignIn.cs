using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using WeLink.Server.Tenancy.Access;

namespace WeLink.Server.Tests.Onboarding;

/// <summary>
/// TEST ONLY: issues a real admin cookie (the portal's login is built elsewhere) from
/// <c>/test-only/admin-sign-in?role=&amp;brand=&amp;dealer=&amp;email=</c>. Registered through the test host's configure hook.
/// </summary>
public sealed class TestOnlyAdminSignIn : IStartupFilter
{
    public const string Path = "/test-only/admin-sign-in";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        // Not app.Map: a mapped branch moves the path into PathBase, and the cookie would be scoped to it.
        app.Use(async (context, rest) =>
        {
            if (context.Request.Path == Path)
            {
                await SignInAsync(context);
                return;
            }

            await rest(context);
        });
        next(app);
    };

    private static async Task SignInAsync(HttpContext context)
    {
        var query = context.Request.Query;
        List<Claim> claims = [new(WeLinkClaims.SubjectId, Guid.NewGuid().ToString()), new(WeLinkClaims.Role, query["role"].ToString())];
        if (query["brand"].ToString() is { Length: > 0 } brand)
        {
            claims.Add(new Claim(WeLinkClaims.BrandId, brand));
        }

        if (query["email"].ToString() is { Length: > 0 } email)
        {
            claims.Add(new Claim(WeLinkClaims.Email, email));
        }

        if (query["dealer"].ToString() is { Length: > 0 } dealer)
        {
            claims.Add(new Claim(WeLinkClaims.DealerId, dealer));
        }

        await context.SignInAsync(WeLinkSchemes.Admin, new ClaimsPrincipal(new ClaimsIdentity(claims, WeLinkSchemes.Admin)));
        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }
}
