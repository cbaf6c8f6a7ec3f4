using WeLink.Wechat.Http;

namespace WeLink.Wechat.OpenPlatform.Models;

/// <summary>GET /sns/userinfo (snsapi_userinfo scope).</summary>
public sealed class SnsUserinfoResponse : WechatResponse
{
    public string Openid { get; init; } = "";

    public string? Nickname { get; init; }

    public int Sex { get; init; }

    public string? Province { get; init; }

    public string? City { get; init; }

    public string? Country { get; init; }

    public string? Headimgurl { get; init; }

    public IReadOnlyList<string> Privilege { get; init; } = [];

    public string? Unionid { get; init; }
}
