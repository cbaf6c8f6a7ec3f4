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
    public AuthorizationInfo AuthorizationInfo { get; init; } = new();
}

public sealed class AuthorizationInfo
{
    public string AuthorizerAppid { get; init; } = "";

    public string? AuthorizerAccessToken { get; init; }

    public int ExpiresIn { get; init; }

    public string? AuthorizerRefreshToken { get; init; }

    public IReadOnlyList<FuncInfo> FuncInfo { get; init; } = [];
}

/// <summary>One permission set the account granted.</summary>
public sealed class FuncInfo
{
    public FuncscopeCategory FuncscopeCategory { get; init; } = new();

    public ConfirmInfo? ConfirmInfo { get; init; }
}

public sealed class FuncscopeCategory
{
    public int Id { get; init; }
}

public sealed class ConfirmInfo
{
    public int NeedConfirm { get; init; }

    public int AlreadyConfirm { get; init; }

    public int CanConfirm { get; init; }
}
