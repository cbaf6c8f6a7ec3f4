using WeLink.Wechat.Http;

namespace WeLink.Wechat.WeCom.Models;

/// <summary>GET /cgi-bin/user/get: a member, as far as the app's visibility lets a third-party app see.</summary>
public sealed class UserGetResponse : WechatResponse
{
    public string Userid { get; init; } = "";

    public string? Name { get; init; }

    public IReadOnlyList<long> Department { get; init; } = [];

    public long? MainDepartment { get; init; }

    public string? Position { get; init; }

    /// <summary>1 active, 2 disabled, 4 not yet activated, 5 left.</summary>
    public int Status { get; init; }

    public string? OpenUserid { get; init; }
}
