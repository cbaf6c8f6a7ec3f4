namespace WeLink.Server.Tenancy.Contracts;

/// <summary>The dealers HQ registered, for other features; the <c>dealers</c> table stays Tenancy's.</summary>
public interface IDealerRegistry
{
    /// <summary>
    /// The dealer whatever the caller's scope, for work the system does on a dealer's behalf (a callback, a sign-in);
    /// null when no dealer has this id.
    /// </summary>
    Task<RegisteredDealer?> FindAsync(Guid dealerId, CancellationToken cancellationToken);

    /// <summary>The ids of the brand's dealers, whatever their status; empty for an unknown brand.</summary>
    Task<IReadOnlyList<Guid>> DealerIdsOfBrandAsync(Guid brandId, CancellationToken cancellationToken);
}
