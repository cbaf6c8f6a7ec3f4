namespace WeLink.Wechat.Messages;

/// <summary>A text message from an official-account follower or a WeCom member.</summary>
public sealed record TextMessage() : UserMessage(CallbackMessageKind.Text)
{
    public required string Content { get; init; }

    public required string MsgId { get; init; }
}
