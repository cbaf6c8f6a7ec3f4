using WeLink.Wechat.Http;

namespace WeLink.Wechat.OpenPlatform.Models;

/// <summary>GET /sns/userinfo (snsapi_userinfo scope).</summary>
public sealed class SnsUserinfoResponse : WechatResponse
{
    public string Openid { get; set; } = "";

    public string? Nickname { get; set; }

    public int Sex { get; set; }

    public string? Province { get; set; }

    public string? City { get; set; }

    public string? Country { get; set; }

    public string? Headimgurl { get; set; }

    public IReadOnlyList<string> Privilege { get; set; } = [];

    public string? Unionid { get; set; }
}
