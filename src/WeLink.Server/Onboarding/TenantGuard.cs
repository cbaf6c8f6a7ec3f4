using System.Security.Claims;
using WeLink.Server.Access;

namespace WeLink.Server.Onboarding;

/// <summary>
/// The tenant check of onboarding's admin routes until the portal's shared endpoint filter replaces it: a dealer
/// outside the admin's scope is reported as not found, so its existence is not revealed either.
/// </summary>
public static class TenantGuard
{
    public static async Task<DealerRecord?> ReachableDealerAsync(ClaimsPrincipal user, Guid dealerId, LinkStore links, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(links);
        var scope = TenantScope.From(user, SessionKind.Admin);
        var dealer = await links.FindDealerAsync(dealerId, cancellationToken);
        return dealer is not null && scope is not null && scope.Reaches(dealer.BrandId, dealer.Id) ? dealer : null;
    }

    public static bool ReachesBrand(ClaimsPrincipal user, Guid brandId) =>
        TenantScope.From(user, SessionKind.Admin) is { } scope && scope.Reaches(brandId) && (scope.IsPlatform || scope.DealerId is null);
}
