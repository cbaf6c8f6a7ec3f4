namespace WeLink.Server.Access;

/// <summary>
/// A feature's answer to "is what a route's <c>{id}</c> names within this caller's scope?" (a case of the staff member's
/// dealer, the consumer's own complaint). <see cref="OwnedRoute"/> asks it before any handler of the group runs.
/// </summary>
public interface IRouteOwnership
{
    Task<bool> ReachesAsync(TenantScope scope, Guid id, CancellationToken cancellationToken);
}
