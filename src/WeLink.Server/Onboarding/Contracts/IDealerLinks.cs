using System.Security.Claims;

namespace WeLink.Server.Onboarding.Contracts;

/// <summary>The state of dealers' links, for the admin portal and for features that must refuse work for unlinked dealers.</summary>
public interface IDealerLinks
{
    /// <summary>An unknown dealer comes back not linked, with the reason saying so.</summary>
    Task<DealerLinkState> GetAsync(Guid dealerId, CancellationToken cancellationToken);

    /// <summary>
    /// Removes the dealer's link on one side, for when the dealer's account or corp really changed; audited as
    /// <c>dealer.unlink</c> (refused when nothing was linked). The next authorization of that side links afresh, for this
    /// dealer or another. The side as it was, or null when it had no link.
    /// </summary>
    Task<LinkSideState?> UnlinkAsync(ClaimsPrincipal admin, Guid dealerId, LinkSide side, CancellationToken cancellationToken);
}
