namespace WeLink.Server.Onboarding.Contracts;

/// <summary>
/// The dealer behind an authorizer appid or a corpid. LinkActive is false while that link is suspended
/// (authorization withdrawn, app uninstalled) or the dealer is not approved.
/// </summary>
public sealed record LinkedDealer(Guid DealerId, Guid BrandId, string DealerName, bool LinkActive);
