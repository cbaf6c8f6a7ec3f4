using System.Security.Claims;

namespace WeLink.Server.Onboarding.Contracts;

/// <summary>The open-platform bindings Onboarding keeps for the accounts it authorized, for the portal's dealer and brand pages.</summary>
public interface IOpenPlatformBindings
{
    /// <summary>Null when WeLink has not looked at this account's binding yet.</summary>
    Task<OpenPlatformBinding?> FindAsync(string appId, CancellationToken cancellationToken);

    /// <summary>
    /// HQ's 重新绑定: looks again and binds to the brand's open-platform account (or creates one) as authorization does,
    /// audited in the admin's name. Never throws for WeChat's refusals: they come back as the binding's reason.
    /// </summary>
    Task<OpenPlatformBinding> RetryAsync(ClaimsPrincipal admin, OpenPlatformAccount account, CancellationToken cancellationToken);
}
