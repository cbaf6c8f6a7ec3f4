namespace WeLink.Wechat.OfficialAccount.Models;

/// <summary>POST /cgi-bin/message/subscribe/bizsend (official-account subscribe notification).</summary>
public sealed class MessageSubscribeBizsendRequest
{
    public required string Touser { get; init; }

    public required string TemplateId { get; init; }

    /// <summary>The web page the notification opens.</summary>
    public string? Page { get; init; }

    public MiniprogramTarget? Miniprogram { get; init; }

    public required IReadOnlyDictionary<string, TemplateDataValue> Data { get; init; }
}
