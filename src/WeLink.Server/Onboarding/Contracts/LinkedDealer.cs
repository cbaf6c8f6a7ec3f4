namespace WeLink.Server.Onboarding.Contracts;

/// <summary>
/// The dealer an authorizer appid or a corpid is linked to. LinkActive is false while that link is suspended
/// (authorization withdrawn, app uninstalled); whether the dealer itself may go live is the dealer registry's to say.
/// </summary>
public sealed record LinkedDealer(Guid DealerId, bool LinkActive);
