namespace WeLink.Wechat.Messages;

/// <summary>A WeCom member opened the app.</summary>
public sealed record EnterAgentEvent() : UserMessage(CallbackMessageKind.EnterAgent)
{
    public string? EventKey { get; init; }
}
