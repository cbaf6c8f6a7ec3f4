using WeLink.Wechat.Http;

namespace WeLink.Wechat.OpenPlatform.Models;

/// <summary>
/// GET /sns/oauth2/component/access_token and GET /sns/oauth2/component/refresh_token (same answer).
/// The access token is the consumer's own, for /sns/userinfo; it is not an authorizer token.
/// </summary>
public sealed class SnsOauth2ComponentAccessTokenResponse : WechatResponse
{
    public string AccessToken { get; init; } = "";

    public int ExpiresIn { get; init; }

    /// <summary>Valid 30 days.</summary>
    public string RefreshToken { get; init; } = "";

    public string Openid { get; init; } = "";

    public string Scope { get; init; } = "";

    public string? Unionid { get; init; }
}
