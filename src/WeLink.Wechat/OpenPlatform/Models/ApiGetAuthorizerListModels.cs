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
    public int TotalCount { get; set; }

    public IReadOnlyList<AuthorizerListItem> List { get; set; } = [];
}

public sealed class AuthorizerListItem
{
    public string AuthorizerAppid { get; set; } = "";

    public string RefreshToken { get; set; } = "";

    public long AuthTime { get; set; }
}
