using System.Security.Claims;

namespace WeLink.Server.Tenancy.Access;

/// <summary>
/// Who is asking and which tenant they may reach: a platform admin reaches everything, an HQ admin
/// one brand, a dealer admin, staff member or consumer one dealer. Stores filter by it; nothing else
/// decides what a request may see.
/// </summary>
public sealed record TenantScope(SessionKind Kind, Guid SubjectId, Guid? BrandId, Guid? DealerId, IReadOnlyList<string> Roles)
{
    public bool IsPlatform => Kind == SessionKind.Admin && Roles.Contains(AdminRoles.Platform);

    public bool Reaches(Guid brandId) => IsPlatform || BrandId == brandId;

    public bool Reaches(Guid brandId, Guid dealerId) => IsPlatform || (BrandId == brandId && (DealerId is null || DealerId == dealerId));

    /// <summary>The scope of an authenticated principal of the given kind; null when it carries no WeLink session.</summary>
    public static TenantScope? From(ClaimsPrincipal principal, SessionKind kind)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (!Guid.TryParse(principal.FindFirstValue(WeLinkClaims.SubjectId), out var subject))
        {
            return null;
        }

        return new TenantScope(
            kind,
            subject,
            Guid.TryParse(principal.FindFirstValue(WeLinkClaims.BrandId), out var brand) ? brand : null,
            Guid.TryParse(principal.FindFirstValue(WeLinkClaims.DealerId), out var dealer) ? dealer : null,
            [.. principal.FindAll(WeLinkClaims.Role).Select(c => c.Value)]);
    }
}
