using WeLink.Server.Tenancy.Access;

namespace WeLink.Server.Tenancy.Contracts;

/// <summary>The brands HQ registered, for other features; the <c>brands</c> table stays Tenancy's.</summary>
public interface IBrandDirectory
{
    /// <summary>
    /// True when the brand exists and the scope reaches it; false for an unknown brand and for one outside the scope alike,
    /// so a caller answers both with "not found" and ids cannot be probed.
    /// </summary>
    Task<bool> ExistsWithinAsync(TenantScope scope, Guid brandId, CancellationToken cancellationToken);
}
