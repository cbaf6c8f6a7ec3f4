namespace WeLink.Wechat.Messages;

/// <summary>A voice message from an official-account follower or a WeCom member; the bytes are fetched by <see cref="MediaId"/>.</summary>
public sealed record VoiceMessage() : UserMessage(CallbackMessageKind.Voice)
{
    public required string MediaId { get; init; }

    /// <summary>The audio format WeChat names (<c>amr</c>, <c>speex</c>); null when the push names none.</summary>
    public string? Format { get; init; }

    public required string MsgId { get; init; }
}
