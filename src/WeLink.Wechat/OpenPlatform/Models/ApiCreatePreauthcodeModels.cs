using WeLink.Wechat.Http;

namespace WeLink.Wechat.OpenPlatform.Models;

/// <summary>POST /cgi-bin/component/api_create_preauthcode</summary>
public sealed class ApiCreatePreauthcodeRequest
{
    public required string ComponentAppid { get; init; }
}

public sealed class ApiCreatePreauthcodeResponse : WechatResponse
{
    /// <summary>Single use.</summary>
    public string PreAuthCode { get; set; } = "";

    public int ExpiresIn { get; set; }
}
