using WeLink.Wechat.Http;

namespace WeLink.Wechat.WeCom.Models;

/// <summary>GET /cgi-bin/user/simplelist: the members of a department the app can see (names may be withheld from third-party apps).</summary>
public sealed class UserSimplelistResponse : WechatResponse
{
    public IReadOnlyList<SimpleUser> Userlist { get; set; } = [];
}

public sealed class SimpleUser
{
    public string Userid { get; set; } = "";

    public string? Name { get; set; }

    public IReadOnlyList<long> Department { get; set; } = [];

    public string? OpenUserid { get; set; }
}
