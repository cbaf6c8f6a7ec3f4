using System.Security.Claims;

namespace WeLink.Server.Tenancy.Access;

/// <summary>The scope an admin request acts in, for every feature that serves admins.</summary>
public static class AdminScopes
{
    /// <summary>The scope of a signed-in admin; throws when the principal is no admin session (the policy already required one).</summary>
    public static TenantScope AdminScope(this ClaimsPrincipal principal) =>
        TenantScope.From(principal, SessionKind.Admin) ?? throw new InvalidOperationException("The request carries no admin session.");
}
