using WeLink.Wechat.Http;

namespace WeLink.Wechat.OpenPlatform.Models;

/// <summary>
/// GET /sns/component/jscode2session: the mini-program consumer's openid, their session_key (server-side only, never
/// sent to the phone) and the unionid when the mini program is bound to an open-platform account.
/// </summary>
public sealed class SnsComponentJscode2sessionResponse : WechatResponse
{
    public string Openid { get; set; } = "";

    public string SessionKey { get; set; } = "";

    public string? Unionid { get; set; }
}
