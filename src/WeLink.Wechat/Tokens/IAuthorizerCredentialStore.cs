namespace WeLink.Wechat.Tokens;

/// <summary>
/// Durable home of each authorizer's authorizer_refresh_token, a long-lived secret (encrypt it at rest).
/// </summary>
public interface IAuthorizerCredentialStore
{
    Task<string?> GetRefreshTokenAsync(string authorizerAppid, CancellationToken cancellationToken);

    Task SaveRefreshTokenAsync(string authorizerAppid, string refreshToken, CancellationToken cancellationToken);
}
