using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using WeLink.Server.Tenancy.Access;

namespace WeLink.Server.Identities;

/// <summary>
/// The staff member behind a request, read from the staff cookie only. Staff endpoints take it as a
/// parameter; every store query filters by <see cref="DealerId"/>, and role checks use <see cref="HasRole"/>.
/// Roles are read again with the session at most every <c>Sessions:RecheckInterval</c> (30 s), so a change applies within it.
/// </summary>
public sealed record StaffSession(Guid StaffId, Guid BrandId, Guid DealerId, IReadOnlyList<string> Roles)
{
    public TenantScope Scope => new(SessionKind.Staff, StaffId, BrandId, DealerId, Roles);

    /// <param name="role">One of <see cref="StaffRoles"/>.</param>
    public bool HasRole(string role) => Roles.Contains(role, StringComparer.Ordinal);

    /// <summary>Minimal API binding: null when the request carries no valid staff cookie.</summary>
    public static async ValueTask<StaffSession?> BindAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var result = await context.AuthenticateAsync(WeLinkSchemes.Staff);
        return result.Succeeded ? From(result.Principal) : null;
    }

    public static StaffSession? From(ClaimsPrincipal principal) =>
        TenantScope.From(principal, SessionKind.Staff) is { BrandId: { } brand, DealerId: { } dealer } scope
            ? new StaffSession(scope.SubjectId, brand, dealer, scope.Roles)
            : null;

    internal ClaimsPrincipal ToPrincipal() =>
        new(new ClaimsIdentity(
            [
                new Claim(WeLinkClaims.SubjectId, StaffId.ToString()),
                new Claim(WeLinkClaims.BrandId, BrandId.ToString()),
                new Claim(WeLinkClaims.DealerId, DealerId.ToString()),
                .. Roles.Select(role => new Claim(WeLinkClaims.Role, role)),
            ],
            WeLinkSchemes.Staff));
}
