using WeLink.Server.Access;

namespace WeLink.Server.Tenancy;

/// <summary>
/// Reads a dealer's official-account and WeCom links for the portal's dealer page. Onboarding registers
/// its implementation with <c>AddSingleton&lt;IDealerLinks, ...&gt;()</c>; until then <see cref="NoDealerLinks"/> answers.
/// </summary>
public interface IDealerLinks
{
    Task<DealerLinkState> GetAsync(TenantScope scope, Guid dealerId, CancellationToken cancellationToken);
}

public sealed class NoDealerLinks : IDealerLinks
{
    public Task<DealerLinkState> GetAsync(TenantScope scope, Guid dealerId, CancellationToken cancellationToken) =>
        Task.FromResult(DealerLinkState.Unknown);
}
