using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using WeLink.Server.Tenancy;
using WeLink.Server.Tenancy.Access;
using WeLink.Server.Tenancy.Contracts;

namespace WeLink.Server.Admin.Api;

/// <summary>JSON sign-in for API clients (the portal signs in through its form), sign-out and "who am I".</summary>
public static class AdminSessionEndpoints
{
    public static RouteGroupBuilder MapAdminSessionEndpoints(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var session = api.MapGroup("").WithTags("Admin session");
        session.MapPost("/login", LoginAsync).AllowAnonymous();
        session.MapPost("/logout", LogoutAsync);
        session.MapGet("/me", Me);
        return api;
    }

    /// <summary>
    /// Starts a cookie session; otherwise one 401 whatever the reason (wrong password, unknown email, or a source that
    /// must wait after too many failures), so the answer tells a guesser nothing.
    /// </summary>
    public static async Task<Results<Ok<MeResponse>, ProblemHttpResult>> LoginAsync(
        LoginRequest request, AdminSignIn signIn, HttpContext http, CancellationToken cancellationToken)
    {
        var attempt = await signIn.SignInAsync(request.Email ?? "", request.Password ?? "", http.Connection.RemoteIpAddress, cancellationToken);
        if (!attempt.SignedIn)
        {
            return TypedResults.Problem(SignInAttempt.RefusalDetail, statusCode: StatusCodes.Status401Unauthorized, title: SignInAttempt.RefusalTitle);
        }

        var principal = AdminPrincipal.Create(attempt.User!);
        await http.SignInAsync(WeLinkSchemes.Admin, principal);
        return TypedResults.Ok(ToMe(principal));
    }

    public static async Task<NoContent> LogoutAsync(HttpContext http, AuditLog audit, CancellationToken cancellationToken)
    {
        await http.SignOutAsync(WeLinkSchemes.Admin);
        await audit.RecordAsync(AuditActor.From(http.User), SignOutEvent(http.User), cancellationToken);
        return TypedResults.NoContent();
    }

    public static Ok<MeResponse> Me(ClaimsPrincipal user) => TypedResults.Ok(ToMe(user));

    internal static AuditEvent SignOutEvent(ClaimsPrincipal user)
    {
        var scope = user.AdminScope();
        return new AuditEvent("admin.sign-out", "admin-user", scope.SubjectId.ToString(), AuditOutcome.Succeeded, scope.BrandId, scope.DealerId);
    }

    private static MeResponse ToMe(ClaimsPrincipal user)
    {
        var scope = user.AdminScope();
        return new MeResponse(
            scope.SubjectId,
            user.FindFirstValue(WeLinkClaims.Email) ?? "",
            user.Identity?.Name ?? "",
            scope.Roles.Count > 0 ? scope.Roles[0] : "",
            scope.BrandId,
            scope.DealerId);
    }
}
