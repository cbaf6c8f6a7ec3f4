using WeLink.Wechat.Http;

namespace WeLink.Wechat.WeCom.Models;

/// <summary>POST /cgi-bin/service/auth/getuserdetail3rd</summary>
public sealed class ServiceAuthGetuserdetail3rdRequest
{
    public required string UserTicket { get; init; }
}

/// <summary>Sensitive member fields: never log them.</summary>
public sealed class ServiceAuthGetuserdetail3rdResponse : WechatResponse
{
    public string Corpid { get; init; } = "";

    public string Userid { get; init; } = "";

    public string? Gender { get; init; }

    public string? Avatar { get; init; }

    public string? QrCode { get; init; }

    public string? Mobile { get; init; }

    public string? Email { get; init; }

    public string? BizMail { get; init; }
}
