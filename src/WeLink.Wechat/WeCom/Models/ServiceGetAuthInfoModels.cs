using WeLink.Wechat.Http;

namespace WeLink.Wechat.WeCom.Models;

/// <summary>POST /cgi-bin/service/get_auth_info and /cgi-bin/service/v2/get_auth_info.</summary>
public sealed class ServiceGetAuthInfoRequest
{
    public required string AuthCorpid { get; init; }

    public required string PermanentCode { get; init; }
}

public sealed class ServiceGetAuthInfoResponse : WechatResponse
{
    public AuthCorpInfo AuthCorpInfo { get; set; } = new();

    public AuthInfo AuthInfo { get; set; } = new();
}
