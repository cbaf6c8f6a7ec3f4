using WeLink.Wechat.Http;

namespace WeLink.Wechat.WeCom.Models;

/// <summary>GET /cgi-bin/user/get: a member, as far as the app's visibility lets a third-party app see.</summary>
public sealed class UserGetResponse : WechatResponse
{
    public string Userid { get; set; } = "";

    public string? Name { get; set; }

    public IReadOnlyList<long> Department { get; set; } = [];

    public long? MainDepartment { get; set; }

    public string? Position { get; set; }

    /// <summary>1 active, 2 disabled, 4 not yet activated, 5 left.</summary>
    public int Status { get; set; }

    public string? OpenUserid { get; set; }
}
