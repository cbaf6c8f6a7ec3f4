namespace WeLink.Server.Onboarding.Contracts;

/// <summary>
/// Which dealer is behind an id that arrives from WeChat or WeCom (callbacks name an authorizer appid or a corpid), and
/// where a dealer's messages go out. Null when WeLink knows no dealer for the id, or the dealer has no live link.
/// </summary>
public interface IDealerDirectory
{
    Task<LinkedDealer?> FindByAuthorizerAppIdAsync(string authorizerAppId, CancellationToken cancellationToken);

    Task<LinkedDealer?> FindByCorpIdAsync(string corpId, CancellationToken cancellationToken);

    /// <summary>The dealer's official account while its link is active (authorized and not withdrawn).</summary>
    Task<AccountLink?> ActiveAccountAsync(Guid dealerId, CancellationToken cancellationToken);

    /// <summary>The dealer's WeCom corp while WeLink's app is installed in it.</summary>
    Task<CorpLink?> ActiveCorpAsync(Guid dealerId, CancellationToken cancellationToken);
}
