namespace WeLink.Server.Onboarding.Contracts;

/// <summary>The state of dealers' links, for the admin portal and for features that must refuse work for unlinked dealers.</summary>
public interface IDealerLinks
{
    /// <summary>An unknown dealer comes back not linked, with the reason saying so.</summary>
    Task<DealerLinkState> GetAsync(Guid dealerId, CancellationToken cancellationToken);
}
