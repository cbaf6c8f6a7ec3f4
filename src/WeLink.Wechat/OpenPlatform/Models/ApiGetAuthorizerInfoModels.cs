using WeLink.Wechat.Http;

namespace WeLink.Wechat.OpenPlatform.Models;

/// <summary>POST /cgi-bin/component/api_get_authorizer_info</summary>
public sealed class ApiGetAuthorizerInfoRequest
{
    public required string ComponentAppid { get; init; }

    public required string AuthorizerAppid { get; init; }
}

public sealed class ApiGetAuthorizerInfoResponse : WechatResponse
{
    public AuthorizerInfo AuthorizerInfo { get; init; } = new();

    public AuthorizationInfo AuthorizationInfo { get; init; } = new();
}

public sealed class AuthorizerInfo
{
    public string NickName { get; init; } = "";

    public string? HeadImg { get; init; }

    public IdInfo? ServiceTypeInfo { get; init; }

    /// <summary>-1 means unverified.</summary>
    public IdInfo? VerifyTypeInfo { get; init; }

    /// <summary>The original id, <c>gh_…</c>: the ToUserName of the account's pushes.</summary>
    public string UserName { get; init; } = "";

    public string? PrincipalName { get; init; }

    public string? Alias { get; init; }

    public string? QrcodeUrl { get; init; }

    public string? Signature { get; init; }

    public BusinessInfo? BusinessInfo { get; init; }
}

public sealed class IdInfo
{
    public int Id { get; init; }
}

public sealed class BusinessInfo
{
    public int OpenStore { get; init; }

    public int OpenScan { get; init; }

    public int OpenPay { get; init; }

    public int OpenCard { get; init; }

    public int OpenShake { get; init; }
}
