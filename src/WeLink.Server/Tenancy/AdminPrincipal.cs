using System.Security.Claims;
using WeLink.Server.Tenancy.Access;

namespace WeLink.Server.Tenancy;

/// <summary>The claims of an admin session; <see cref="TenantScope.From"/> reads them back.</summary>
public static class AdminPrincipal
{
    public static ClaimsPrincipal Create(AdminUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        List<Claim> claims =
        [
            new(WeLinkClaims.SubjectId, user.Id.ToString()),
            new(WeLinkClaims.Email, user.Email),
            new(WeLinkClaims.Role, user.Role),
            new(ClaimTypes.Name, user.DisplayName),
        ];
        if (user.BrandId is { } brand)
        {
            claims.Add(new Claim(WeLinkClaims.BrandId, brand.ToString()));
        }

        if (user.DealerId is { } dealer)
        {
            claims.Add(new Claim(WeLinkClaims.DealerId, dealer.ToString()));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, WeLinkSchemes.Admin, ClaimTypes.Name, WeLinkClaims.Role));
    }
}
