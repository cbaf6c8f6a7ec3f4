using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using WeLink.Server.Shared;
using WeLink.Server.Tenancy;
using WeLink.Server.Tenancy.Access;

namespace WeLink.Server.Admin.Api;

/// <summary>Lists of admin users and of the audit log, each filtered by the caller's scope in the store; disabling an admin; clearing an admin's sign-in throttle.</summary>
public static class AdminUserEndpoints
{
    public static RouteGroupBuilder MapAdminUserEndpoints(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/admin-users", ListAdminUsersAsync).WithTags("Admin users");
        api.MapPost("/admin-users/{userId:guid}/disable", DisableAsync).WithTags("Admin users").RequireAuthorization(WeLinkPolicies.HqAdmin);
        api.MapDelete("/admin-users/{userId:guid}/sign-in-throttle", ClearSignInThrottleAsync).WithTags("Admin users").RequireAuthorization(WeLinkPolicies.PlatformAdmin);
        api.MapGet("/audit", ListAuditAsync).WithTags("Audit").RequireAuthorization(WeLinkPolicies.HqAdmin);
        return api;
    }

    /// <summary>All admins for a platform admin, the brand's for HQ, the dealer's for a dealer admin.</summary>
    public static async Task<Ok<IReadOnlyList<AdminUser>>> ListAdminUsersAsync(ClaimsPrincipal user, AdminUserStore users, CancellationToken cancellationToken) =>
        TypedResults.Ok(await users.ListAsync(user.AdminScope(), cancellationToken));

    /// <summary>204 once disabled; 404 for an admin the caller may not disable, themselves included, or one already disabled.</summary>
    public static async Task<Results<NoContent, NotFound>> DisableAsync(Guid userId, ClaimsPrincipal user, AdminActions actions, CancellationToken cancellationToken) =>
        await actions.DisableAdminAsync(user, userId, cancellationToken) == ActionOutcome.Done ? TypedResults.NoContent() : TypedResults.NotFound();

    /// <summary>
    /// 204 once every source may try the admin's account again at once (the owner's way back in when a guesser shares
    /// their address); 404 for an unknown admin. Platform admins only.
    /// </summary>
    public static async Task<Results<NoContent, NotFound>> ClearSignInThrottleAsync(
        Guid userId, ClaimsPrincipal user, AdminSignIn signIn, CancellationToken cancellationToken) =>
        await signIn.ClearThrottleAsync(user, userId, cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();

    /// <summary>The newest audit rows (default 100): every row for a platform admin, the brand's rows for HQ.</summary>
    public static async Task<Ok<IReadOnlyList<AuditEntry>>> ListAuditAsync(ClaimsPrincipal user, AuditLog audit, int? limit, CancellationToken cancellationToken) =>
        TypedResults.Ok(await audit.ListAsync(user.AdminScope(), limit ?? 100, cancellationToken));
}
