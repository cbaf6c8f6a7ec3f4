using WeLink.Wechat.Http;

namespace WeLink.Wechat.OpenPlatform.Models;

/// <summary>
/// POST /cgi-bin/open/get with the account's authorizer token: the open-platform account it is bound to. Without
/// <see cref="Appid"/> WeChat takes the token's account; with it, it must be that account (40013 otherwise).
/// </summary>
public sealed class OpenGetRequest
{
    public string? Appid { get; init; }
}

/// <summary>errcode 89002 when the account is bound to no open-platform account.</summary>
public sealed class OpenGetResponse : WechatResponse
{
    public string? OpenAppid { get; set; }
}

/// <summary>
/// POST /cgi-bin/open/create: a new open-platform account with the authorizer's subject, unverified, and the account
/// bound to it.
/// </summary>
public sealed class OpenCreateRequest
{
    public string? Appid { get; init; }
}

/// <summary>errcode 89000 when the account is already bound; 89001 when the subjects do not allow it.</summary>
public sealed class OpenCreateResponse : WechatResponse
{
    public string? OpenAppid { get; set; }
}

/// <summary>
/// POST /cgi-bin/open/bind: binds the authorizer to an existing open-platform account. errcode 89000 already bound,
/// 89001 another subject, 89004 the open account is full, 89036 it was neither made by the API nor verified.
/// </summary>
public sealed class OpenBindRequest
{
    public string? Appid { get; init; }

    public required string OpenAppid { get; init; }
}
