namespace WeLink.Server.Onboarding;

/// <summary>
/// Who is behind an id that arrives from WeChat or WeCom: callbacks name an authorizer appid or a corpid,
/// staff OAuth a corpid and userid. Null when WeLink knows no dealer (or staff member) for it.
/// </summary>
public interface IDealerDirectory
{
    Task<LinkedDealer?> FindByAuthorizerAppIdAsync(string authorizerAppId, CancellationToken cancellationToken);

    Task<LinkedDealer?> FindByCorpIdAsync(string corpId, CancellationToken cancellationToken);

    Task<StaffIdentity?> FindStaffAsync(string corpId, string userId, CancellationToken cancellationToken);
}
