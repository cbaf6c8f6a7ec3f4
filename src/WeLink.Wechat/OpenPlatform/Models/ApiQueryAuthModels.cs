using WeLink.Wechat.Http;

namespace WeLink.Wechat.OpenPlatform.Models;

/// <summary>POST /cgi-bin/component/api_query_auth</summary>
public sealed class ApiQueryAuthRequest
{
    public required string ComponentAppid { get; init; }

    public required string AuthorizationCode { get; init; }
}

public sealed class ApiQueryAuthResponse : WechatResponse
{
    public AuthorizationInfo AuthorizationInfo { get; set; } = new();
}

public sealed class AuthorizationInfo
{
    public string AuthorizerAppid { get; set; } = "";

    public string? AuthorizerAccessToken { get; set; }

    public int ExpiresIn { get; set; }

    public string? AuthorizerRefreshToken { get; set; }

    public IReadOnlyList<FuncInfo> FuncInfo { get; set; } = [];
}

/// <summary>One permission set the account granted.</summary>
public sealed class FuncInfo
{
    public FuncscopeCategory FuncscopeCategory { get; set; } = new();

    public ConfirmInfo? ConfirmInfo { get; set; }
}

public sealed class FuncscopeCategory
{
    public int Id { get; set; }
}

public sealed class ConfirmInfo
{
    public int NeedConfirm { get; set; }

    public int AlreadyConfirm { get; set; }

    public int CanConfirm { get; set; }
}
