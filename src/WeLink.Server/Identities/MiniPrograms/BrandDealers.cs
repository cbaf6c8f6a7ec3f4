using WeLink.Server.Onboarding.Contracts;
using WeLink.Server.Tenancy.Contracts;

namespace WeLink.Server.Identities.MiniPrograms;

/// <summary>
/// The dealers a consumer of a brand may be in context of: the brand's approved dealers whose official account and
/// WeCom corp are both linked, asked of the registry and of Onboarding.
/// </summary>
public sealed class BrandDealers(IDealerRegistry dealers, IDealerLinks links)
{
    /// <summary>The dealer when it is one of the brand's active dealers; null for anything else (another brand's, suspended, unlinked, nothing).</summary>
    public async Task<RegisteredDealer?> FindActiveAsync(Guid brandId, Guid dealerId, CancellationToken cancellationToken) =>
        await dealers.FindAsync(dealerId, cancellationToken) is { IsLive: true } dealer
        && dealer.BrandId == brandId
        && (await links.GetAsync(dealerId, cancellationToken)).Linked
            ? dealer
            : null;

    public async Task<IReadOnlyList<RegisteredDealer>> ActiveAsync(Guid brandId, CancellationToken cancellationToken)
    {
        var active = new List<RegisteredDealer>();
        foreach (var dealer in await dealers.DealersOfBrandAsync(brandId, cancellationToken))
        {
            if (dealer.IsLive && (await links.GetAsync(dealer.DealerId, cancellationToken)).Linked)
            {
                active.Add(dealer);
            }
        }

        return active;
    }
}
