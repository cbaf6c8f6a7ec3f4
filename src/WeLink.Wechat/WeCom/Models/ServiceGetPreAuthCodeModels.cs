using WeLink.Wechat.Http;

namespace WeLink.Wechat.WeCom.Models;

/// <summary>GET /cgi-bin/service/get_pre_auth_code</summary>
public sealed class ServiceGetPreAuthCodeResponse : WechatResponse
{
    public string PreAuthCode { get; set; } = "";

    public int ExpiresIn { get; set; }
}
