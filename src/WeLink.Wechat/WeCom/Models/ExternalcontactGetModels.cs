using WeLink.Wechat.Http;

namespace WeLink.Wechat.WeCom.Models;

/// <summary>GET /cgi-bin/externalcontact/get: a customer (WeChat user) a member has added.</summary>
public sealed class ExternalcontactGetResponse : WechatResponse
{
    public ExternalContact ExternalContact { get; init; } = new();

    public IReadOnlyList<FollowUser> FollowUser { get; init; } = [];
}

public sealed class ExternalContact
{
    public string ExternalUserid { get; init; } = "";

    public string? Name { get; init; }

    public string? Avatar { get; init; }

    /// <summary>1 a WeChat user, 2 a WeCom user.</summary>
    public int Type { get; init; }

    public int Gender { get; init; }

    /// <summary>Links the customer to their openid in the dealer's official account.</summary>
    public string? Unionid { get; init; }
}

public sealed class FollowUser
{
    public string Userid { get; init; } = "";

    public string? Remark { get; init; }

    public long Createtime { get; init; }

    /// <summary>The state of the contact-me code the customer added through, if any.</summary>
    public string? State { get; init; }

    public int AddWay { get; init; }
}
