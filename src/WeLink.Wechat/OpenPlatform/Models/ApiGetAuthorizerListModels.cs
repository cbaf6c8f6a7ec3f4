using WeLink.Wechat.Http;

namespace WeLink.Wechat.OpenPlatform.Models;

/// <summary>POST /cgi-bin/component/api_get_authorizer_list</summary>
public sealed class ApiGetAuthorizerListRequest
{
    public required string ComponentAppid { get; init; }

    public int Offset { get; init; }

    /// <summary>At most 500.</summary>
    public int Count { get; init; }
}

public sealed class ApiGetAuthorizerListResponse : WechatResponse
{
    public int TotalCount { get; init; }

    public IReadOnlyList<AuthorizerListItem> List { get; init; } = [];
}

public sealed class AuthorizerListItem
{
    public string AuthorizerAppid { get; init; } = "";

    public string RefreshToken { get; init; } = "";

    public long AuthTime { get; init; }
}
