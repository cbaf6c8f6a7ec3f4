using WeLink.Server.Onboarding.Contracts;
using WeLink.Server.Tenancy.Contracts;

namespace WeLink.Server.Identities;

/// <summary>
/// A dealer and its official account, from the two features that own the facts: the link is Onboarding's, the dealer's
/// brand and status are the registry's.
/// </summary>
public sealed class DealerAccounts(IDealerDirectory directory, IDealerRegistry dealers)
{
    /// <summary>Null when no dealer has this id.</summary>
    public async Task<DealerAccount?> FindOfDealerAsync(Guid dealerId, CancellationToken cancellationToken)
    {
        if (await dealers.FindAsync(dealerId, cancellationToken) is not { } dealer)
        {
            return null;
        }

        var account = await directory.ActiveAccountAsync(dealerId, cancellationToken);
        return new DealerAccount(dealerId, dealer.BrandId, account?.AppId, account is not null && dealer.Status != DealerStatus.Suspended);
    }

    /// <summary>The dealer an appid is linked to, in whatever state; null when no dealer linked the appid.</summary>
    public async Task<DealerAccount?> FindByAppIdAsync(string appId, CancellationToken cancellationToken) =>
        await directory.FindByAuthorizerAppIdAsync(appId, cancellationToken) is { } link
        && await dealers.FindAsync(link.DealerId, cancellationToken) is { } dealer
            ? new DealerAccount(dealer.DealerId, dealer.BrandId, appId, link.LinkActive && dealer.Status != DealerStatus.Suspended)
            : null;
}
