using Microsoft.Extensions.Logging;
using WeLink.Wechat.Http;
using WeLink.Wechat.OpenPlatform;
using WeLink.Wechat.OpenPlatform.Models;

namespace WeLink.Wechat.Tokens;

/// <summary>
/// authorizer_access_token per authorized official account, through the shared <see cref="TokenProvider"/>.
/// Keeps the stored refresh token current, and when WeChat calls it invalid (61023) recovers it once
/// from api_get_authorizer_list before giving up with <see cref="AuthorizationLostException"/>.
/// </summary>
public sealed partial class AuthorizerTokenProvider(
    ComponentClient component,
    IAuthorizerCredentialStore credentials,
    TokenProvider tokens,
    ILogger<AuthorizerTokenProvider> logger)
{
    private const int RefreshTokenInvalid = 61023;
    private const int AuthorizerListPageSize = 500;

    public Task<string> GetAsync(string authorizerAppid, CancellationToken cancellationToken) =>
        tokens.GetAsync(Key(authorizerAppid), ct => FetchAsync(authorizerAppid, ct), cancellationToken);

    /// <summary>Runs a call with the account's token; a refused token is refreshed and the call retried once.</summary>
    public Task<T> CallAsync<T>(
        string authorizerAppid, Func<string, CancellationToken, Task<T>> call, CancellationToken cancellationToken) =>
        tokens.CallAsync(Key(authorizerAppid), ct => FetchAsync(authorizerAppid, ct), call, cancellationToken);

    private string Key(string authorizerAppid) => TokenKeys.Authorizer(component.ComponentAppid, authorizerAppid);

    private async Task<IssuedToken> FetchAsync(string authorizerAppid, CancellationToken cancellationToken)
    {
        var refreshToken = await credentials.GetRefreshTokenAsync(authorizerAppid, cancellationToken)
            ?? await RecoverRefreshTokenAsync(authorizerAppid, null, cancellationToken);
        var (response, usedRefreshToken) = await RequestTokenAsync(authorizerAppid, refreshToken, cancellationToken);

        if (!string.IsNullOrEmpty(response.AuthorizerRefreshToken) && response.AuthorizerRefreshToken != usedRefreshToken)
        {
            await credentials.SaveRefreshTokenAsync(authorizerAppid, response.AuthorizerRefreshToken, cancellationToken);
            LogRefreshTokenRotated(logger, authorizerAppid);
        }

        return new IssuedToken(response.AuthorizerAccessToken, TimeSpan.FromSeconds(response.ExpiresIn));
    }

    /// <summary>The token answer, with the refresh token that bought it (the recovered one after a 61023).</summary>
    private async Task<(ApiAuthorizerTokenResponse Response, string RefreshToken)> RequestTokenAsync(
        string authorizerAppid, string refreshToken, CancellationToken cancellationToken)
    {
        try
        {
            return (await component.RequestAuthorizerTokenAsync(authorizerAppid, refreshToken, cancellationToken), refreshToken);
        }
        catch (WechatApiException exception) when (exception.Errcode == RefreshTokenInvalid)
        {
            var recovered = await RecoverRefreshTokenAsync(authorizerAppid, refreshToken, cancellationToken);
            try
            {
                return (await component.RequestAuthorizerTokenAsync(authorizerAppid, recovered, cancellationToken), recovered);
            }
            catch (WechatApiException again) when (again.Errcode == RefreshTokenInvalid)
            {
                throw Lost(authorizerAppid, "even the refresh token recovered from api_get_authorizer_list is refused (61023)", again);
            }
        }
    }

    /// <summary>Finds the account in api_get_authorizer_list and stores the refresh token listed there.</summary>
    private async Task<string> RecoverRefreshTokenAsync(
        string authorizerAppid, string? refusedRefreshToken, CancellationToken cancellationToken)
    {
        LogRecovering(logger, authorizerAppid);
        for (var offset = 0; ; offset += AuthorizerListPageSize)
        {
            var page = await component.GetAuthorizerListAsync(offset, AuthorizerListPageSize, cancellationToken);
            var listed = page.List.FirstOrDefault(item => item.AuthorizerAppid == authorizerAppid);
            if (listed is not null)
            {
                if (string.IsNullOrEmpty(listed.RefreshToken) || listed.RefreshToken == refusedRefreshToken)
                {
                    throw Lost(authorizerAppid, "api_get_authorizer_list holds no other refresh token for it", null);
                }

                await credentials.SaveRefreshTokenAsync(authorizerAppid, listed.RefreshToken, cancellationToken);
                return listed.RefreshToken;
            }

            if (page.List.Count == 0 || offset + page.List.Count >= page.TotalCount)
            {
                throw Lost(authorizerAppid, "api_get_authorizer_list does not list it (authorization withdrawn?)", null);
            }
        }
    }

    private static AuthorizationLostException Lost(string authorizerAppid, string reason, WechatApiException? cause)
    {
        var message = $"No working refresh token for authorizer {authorizerAppid}: {reason}. Its admin must authorize WeLink again.";
        return cause is null ? new AuthorizationLostException(message) : new AuthorizationLostException(message, cause);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Authorizer {AuthorizerAppid} got a new refresh token; stored it")]
    private static partial void LogRefreshTokenRotated(ILogger logger, string authorizerAppid);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Authorizer {AuthorizerAppid} has no valid refresh token; recovering it from api_get_authorizer_list")]
    private static partial void LogRecovering(ILogger logger, string authorizerAppid);
}
