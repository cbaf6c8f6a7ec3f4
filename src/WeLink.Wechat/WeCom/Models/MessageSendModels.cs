using WeLink.Wechat.Http;

namespace WeLink.Wechat.WeCom.Models;

/// <summary>
/// POST /cgi-bin/message/send: an app message to staff of an authorized corp. Set <see cref="Msgtype"/>
/// and the one matching payload (the factories do both).
/// </summary>
public sealed class MessageSendRequest
{
    /// <summary>Member ids joined by <c>|</c>, or <c>@all</c>.</summary>
    public string? Touser { get; init; }

    public string? Toparty { get; init; }

    public string? Totag { get; init; }

    public required string Msgtype { get; init; }

    /// <summary>The app's agentid in that corp (from get_auth_info), not the suite id.</summary>
    public required long Agentid { get; init; }

    public TextContent? Text { get; init; }

    public Textcard? Textcard { get; init; }

    public TemplateCard? TemplateCard { get; init; }

    /// <summary>1 drops an identical message sent within <see cref="DuplicateCheckInterval"/> seconds.</summary>
    public int? EnableDuplicateCheck { get; init; }

    public int? DuplicateCheckInterval { get; init; }

    public static MessageSendRequest ForText(string touser, long agentid, string content) =>
        new() { Touser = touser, Agentid = agentid, Msgtype = "text", Text = new TextContent { Content = content } };

    public static MessageSendRequest ForTextcard(string touser, long agentid, Textcard card) =>
        new() { Touser = touser, Agentid = agentid, Msgtype = "textcard", Textcard = card };

    public static MessageSendRequest ForTemplateCard(string touser, long agentid, TemplateCard card) =>
        new() { Touser = touser, Agentid = agentid, Msgtype = "template_card", TemplateCard = card };
}

public sealed class TextContent
{
    public required string Content { get; init; }
}

public sealed class Textcard
{
    public required string Title { get; init; }

    /// <summary>Up to 512 bytes; simple HTML (div class gray/normal/highlight) is allowed.</summary>
    public required string Description { get; init; }

    public required string Url { get; init; }

    public string? Btntxt { get; init; }
}

public sealed class MessageSendResponse : WechatResponse
{
    /// <summary>Recipients that were invalid, joined by <c>|</c>; the others still got the message.</summary>
    public string? Invaliduser { get; set; }

    public string? Invalidparty { get; set; }

    public string? Invalidtag { get; set; }

    public string? Unlicenseduser { get; set; }

    public string? Msgid { get; set; }

    /// <summary>Interactive template cards: use once, within 72 h, to update the card.</summary>
    public string? ResponseCode { get; set; }
}
