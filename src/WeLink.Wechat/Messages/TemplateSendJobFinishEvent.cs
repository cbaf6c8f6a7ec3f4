namespace WeLink.Wechat.Messages;

/// <summary>The delivery result of a template message; MsgId is the id the send API returned.</summary>
public sealed record TemplateSendJobFinishEvent() : UserMessage(CallbackMessageKind.TemplateSendJobFinish)
{
    public required string MsgId { get; init; }

    /// <summary>success, failed:user block, failed: system failed, …</summary>
    public required string Status { get; init; }
}
