using WeLink.Wechat.Http;

namespace WeLink.Wechat.WeCom.Models;

/// <summary>
/// GET /cgi-bin/get_jsapi_ticket (the corp's ticket, for wx.config) and GET /cgi-bin/ticket/get?type=agent_config (the
/// app's ticket in that corp, for wx.agentConfig): the same answer, a ticket valid <see cref="ExpiresIn"/> seconds.
/// </summary>
public sealed class JsapiTicketResponse : WechatResponse
{
    public string Ticket { get; set; } = "";

    public int ExpiresIn { get; set; }
}
