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
    public string Corpid { get; set; } = "";

    public string Userid { get; set; } = "";

    public string? Gender { get; set; }

    public string? Avatar { get; set; }

    public string? QrCode { get; set; }

    public string? Mobile { get; set; }

    public string? Email { get; set; }

    public string? BizMail { get; set; }
}
