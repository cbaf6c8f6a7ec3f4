using WeLink.Wechat.Http;

namespace WeLink.Wechat.OpenPlatform.Models;

/// <summary>POST /cgi-bin/component/api_authorizer_token</summary>
public sealed class ApiAuthorizerTokenRequest
{
    public required string ComponentAppid { get; init; }

    public required string AuthorizerAppid { get; init; }

    public required string AuthorizerRefreshToken { get; init; }
}

public sealed class ApiAuthorizerTokenResponse : WechatResponse
{
    public string AuthorizerAccessToken { get; set; } = "";

    public int ExpiresIn { get; set; }

    /// <summary>Usually the one sent; when it differs, the old one stops working and this one must be stored.</summary>
    public string? AuthorizerRefreshToken { get; set; }
}
