using WeLink.Wechat.Http;

namespace WeLink.Wechat.OpenPlatform.Models;

/// <summary>
/// GET /sns/oauth2/component/access_token and GET /sns/oauth2/component/refresh_token (same answer).
/// The access token is the consumer's own, for /sns/userinfo; it is not an authorizer token.
/// </summary>
public sealed class SnsOauth2ComponentAccessTokenResponse : WechatResponse
{
    public string AccessToken { get; set; } = "";

    public int ExpiresIn { get; set; }

    /// <summary>Valid 30 days.</summary>
    public string RefreshToken { get; set; } = "";

    public string Openid { get; set; } = "";

    public string Scope { get; set; } = "";

    public string? Unionid { get; set; }
}
