namespace WeLink.Wechat.Messages;

/// <summary>A click on a menu button (CLICK for official accounts, click for WeCom).</summary>
public sealed record MenuClickEvent() : UserMessage(CallbackMessageKind.MenuClick)
{
    public required string EventKey { get; init; }
}
