using WeLink.Server.Tenancy.Access;

namespace WeLink.Server.Tenancy.Contracts;

/// <summary>The dealers HQ registered, for other features; the <c>dealers</c> table stays Tenancy's.</summary>
public interface IDealerRegistry
{
    /// <summary>
    /// The dealer whatever the caller's scope, for work the system does on a dealer's behalf (a callback, a sign-in);
    /// null when no dealer has this id.
    /// </summary>
    Task<RegisteredDealer?> FindAsync(Guid dealerId, CancellationToken cancellationToken);

    /// <summary>
    /// The dealer as an admin (or anyone acting in a scope) sees it: null when no dealer has this id or it lies outside the
    /// scope, so a caller answers both with "not found" and ids cannot be probed.
    /// </summary>
    Task<RegisteredDealer?> FindWithinAsync(TenantScope scope, Guid dealerId, CancellationToken cancellationToken);

    /// <summary>The brand's dealers, whatever their status, in one read; empty for an unknown brand.</summary>
    Task<IReadOnlyList<RegisteredDealer>> DealersOfBrandAsync(Guid brandId, CancellationToken cancellationToken);
}
