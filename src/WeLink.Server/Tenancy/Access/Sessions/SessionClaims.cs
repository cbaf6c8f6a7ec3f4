using System.Security.Claims;

namespace WeLink.Server.Tenancy.Access.Sessions;

/// <summary>The claims a recheck may change: the brand, the dealer and the roles.</summary>
internal static class SessionClaims
{
    public static SessionSubject SubjectOf(ClaimsIdentity identity) => new(
        Guid.TryParse(identity.FindFirst(WeLinkClaims.BrandId)?.Value, out var brand) ? brand : null,
        Guid.TryParse(identity.FindFirst(WeLinkClaims.DealerId)?.Value, out var dealer) ? dealer : null,
        [.. identity.FindAll(WeLinkClaims.Role).Select(c => c.Value)]);

    public static bool Differ(ClaimsPrincipal principal, SessionSubject subject)
    {
        var roles = principal.FindAll(WeLinkClaims.Role).Select(c => c.Value).Order(StringComparer.Ordinal);
        return principal.FindFirstValue(WeLinkClaims.BrandId) != subject.BrandId?.ToString()
            || principal.FindFirstValue(WeLinkClaims.DealerId) != subject.DealerId?.ToString()
            || !roles.SequenceEqual(subject.Roles.Order(StringComparer.Ordinal), StringComparer.Ordinal);
    }

    /// <summary>The principal with the subject's brand, dealer and roles; every other claim (the session id among them) kept.</summary>
    public static ClaimsPrincipal With(ClaimsPrincipal principal, SessionSubject subject)
    {
        var identity = principal.Identities.First();
        var changed = new[] { WeLinkClaims.BrandId, WeLinkClaims.DealerId, WeLinkClaims.Role };
        List<Claim> claims = [.. identity.Claims.Where(c => !changed.Contains(c.Type)).Select(c => new Claim(c.Type, c.Value))];
        if (subject.BrandId is { } brand)
        {
            claims.Add(new Claim(WeLinkClaims.BrandId, brand.ToString()));
        }

        if (subject.DealerId is { } dealer)
        {
            claims.Add(new Claim(WeLinkClaims.DealerId, dealer.ToString()));
        }

        claims.AddRange(subject.Roles.Select(role => new Claim(WeLinkClaims.Role, role)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, identity.AuthenticationType, identity.NameClaimType, identity.RoleClaimType));
    }
}
