using WeLink.Wechat.Http;

namespace WeLink.Wechat.WeCom.Models;

/// <summary>
/// GET /cgi-bin/externalcontact/get: a customer (WeChat user) a member has added. No unionid: WeCom gives third-party
/// apps none since its 2022 ID upgrade (protocol-wave2.md §7.2); the idconvert APIs link a contact to a person.
/// </summary>
public sealed class ExternalcontactGetResponse : WechatResponse
{
    public ExternalContact ExternalContact { get; set; } = new();

    public IReadOnlyList<FollowUser> FollowUser { get; set; } = [];
}

public sealed class ExternalContact
{
    public string ExternalUserid { get; set; } = "";

    public string? Name { get; set; }

    public string? Avatar { get; set; }

    /// <summary>1 a WeChat user, 2 a WeCom user.</summary>
    public int Type { get; set; }

    public int Gender { get; set; }
}

public sealed class FollowUser
{
    public string Userid { get; set; } = "";

    public string? Remark { get; set; }

    public long Createtime { get; set; }

    /// <summary>The state of the contact-me code the customer added through, if any.</summary>
    public string? State { get; set; }

    public int AddWay { get; set; }
}
