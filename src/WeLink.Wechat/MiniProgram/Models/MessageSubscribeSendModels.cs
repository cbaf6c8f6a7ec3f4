namespace WeLink.Wechat.MiniProgram.Models;

/// <summary>POST /cgi-bin/message/subscribe/send: one subscribe message, spending one of the consumer's acceptances of the template.</summary>
public sealed class MessageSubscribeSendRequest
{
    /// <summary>The consumer's openid in this mini program.</summary>
    public required string Touser { get; init; }

    public required string TemplateId { get; init; }

    /// <summary>The mini program's page the message opens, with its query (<c>pages/complaints/detail?id=…</c>).</summary>
    public string? Page { get; init; }

    /// <summary>Keyed by the template's data keys (<c>thing1</c>, <c>time3</c>); no colours in subscribe messages.</summary>
    public required IReadOnlyDictionary<string, SubscribeDataValue> Data { get; init; }

    /// <summary><c>developer</c>, <c>trial</c> or <c>formal</c> (WeChat's default).</summary>
    public string? MiniprogramState { get; init; }

    public string? Lang { get; init; }
}

public sealed class SubscribeDataValue
{
    public required string Value { get; init; }
}
