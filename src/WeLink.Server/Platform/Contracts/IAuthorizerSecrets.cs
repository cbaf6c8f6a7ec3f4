namespace WeLink.Server.Platform.Contracts;

/// <summary>
/// The long-lived secrets onboarding receives when a dealer links: an official account's refresh token and a corp's
/// permanent code. Stored encrypted by Platform, which also keeps the tickets and tokens built on them.
/// </summary>
public interface IAuthorizerSecrets
{
    Task SaveRefreshTokenAsync(string authorizerAppid, string refreshToken, CancellationToken cancellationToken);

    /// <summary>Null when no corp with this id installed WeLink's app.</summary>
    Task<string?> GetPermanentCodeAsync(string corpId, CancellationToken cancellationToken);

    Task SavePermanentCodeAsync(string corpId, string permanentCode, CancellationToken cancellationToken);
}
