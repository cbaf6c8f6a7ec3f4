using WeLink.Wechat.Http;

namespace WeLink.Wechat.OfficialAccount.Models;

/// <summary>POST /cgi-bin/message/template/send</summary>
public sealed class MessageTemplateSendRequest
{
    /// <summary>The consumer's openid in this account.</summary>
    public required string Touser { get; init; }

    public required string TemplateId { get; init; }

    public string? Url { get; init; }

    /// <summary>Wins over <see cref="Url"/> when both are set.</summary>
    public MiniprogramTarget? Miniprogram { get; init; }

    /// <summary>WeChat drops a second message with the same id to the same openid for about 10 minutes.</summary>
    public string? ClientMsgId { get; init; }

    /// <summary>Keyed by the template's field names, e.g. <c>thing2</c>, <c>time3</c>.</summary>
    public required IReadOnlyDictionary<string, TemplateDataValue> Data { get; init; }
}

public sealed class MiniprogramTarget
{
    public required string Appid { get; init; }

    public string? Pagepath { get; init; }
}

public sealed class TemplateDataValue
{
    public required string Value { get; init; }

    public string? Color { get; init; }
}

public sealed class MessageTemplateSendResponse : WechatResponse
{
    public long Msgid { get; set; }
}
