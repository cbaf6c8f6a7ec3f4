using WeLink.Wechat.Http;

namespace WeLink.Wechat.WeCom.Models;

/// <summary>GET /cgi-bin/service/auth/getuserinfo3rd: who opened the app, from the OAuth code.</summary>
public sealed class ServiceAuthGetuserinfo3rdResponse : WechatResponse
{
    /// <summary>Empty for a visitor who is not a member of any authorized corp (then only <see cref="Openid"/> is set).</summary>
    public string? Corpid { get; set; }

    /// <summary>May be a cipher under WeCom's ID-encryption policy; treat it as opaque.</summary>
    public string? Userid { get; set; }

    /// <summary>Stable per service provider.</summary>
    public string? OpenUserid { get; set; }

    /// <summary>Only for the snsapi_privateinfo scope; exchange it at getuserdetail3rd.</summary>
    public string? UserTicket { get; set; }

    public int ExpiresIn { get; set; }

    public string? Openid { get; set; }
}
