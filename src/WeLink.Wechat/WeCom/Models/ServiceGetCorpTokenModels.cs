using WeLink.Wechat.Http;

namespace WeLink.Wechat.WeCom.Models;

/// <summary>POST /cgi-bin/service/get_corp_token</summary>
public sealed class ServiceGetCorpTokenRequest
{
    public required string AuthCorpid { get; init; }

    public required string PermanentCode { get; init; }
}

public sealed class ServiceGetCorpTokenResponse : WechatResponse
{
    public string AccessToken { get; set; } = "";

    public int ExpiresIn { get; set; }
}
