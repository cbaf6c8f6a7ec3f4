using WeLink.Wechat.Http;

namespace WeLink.Wechat.WeCom.Models;

/// <summary>POST /cgi-bin/service/get_suite_token</summary>
public sealed class ServiceGetSuiteTokenRequest
{
    public required string SuiteId { get; init; }

    public required string SuiteSecret { get; init; }

    public required string SuiteTicket { get; init; }
}

public sealed class ServiceGetSuiteTokenResponse : WechatResponse
{
    public string SuiteAccessToken { get; set; } = "";

    public int ExpiresIn { get; set; }
}
