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
    string Unionid);
