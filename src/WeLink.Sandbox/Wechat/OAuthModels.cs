namespace WeLink.Sandbox.Wechat;

public sealed record OAuthTokenResponse(
    string AccessToken,
    int ExpiresIn,
    string RefreshToken,
    string Openid,
    string Scope,
    string? Unionid);

public sealed record SnsUserInfoResponse(
    string Openid,
    string Nickname,
    int Sex,
    string Province,
    string City,
    string Country,
    string Headimgurl,
    IReadOnlyList<string> Privilege,
    string? Unionid);

/// <summary>What jscode2session answers; the session_key never leaves the caller's server.</summary>
public sealed record JsCode2SessionResponse(string Openid, string SessionKey, string? Unionid);
