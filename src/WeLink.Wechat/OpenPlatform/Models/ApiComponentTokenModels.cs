using WeLink.Wechat.Http;

namespace WeLink.Wechat.OpenPlatform.Models;

/// <summary>POST /cgi-bin/component/api_component_token</summary>
public sealed class ApiComponentTokenRequest
{
    public required string ComponentAppid { get; init; }

    public required string ComponentAppsecret { get; init; }

    public required string ComponentVerifyTicket { get; init; }
}

public sealed class ApiComponentTokenResponse : WechatResponse
{
    public string ComponentAccessToken { get; set; } = "";

    public int ExpiresIn { get; set; }
}
