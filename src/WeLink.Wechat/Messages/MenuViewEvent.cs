namespace WeLink.Wechat.Messages;

/// <summary>A menu link opened (VIEW / view); EventKey is the URL.</summary>
public sealed record MenuViewEvent() : UserMessage(CallbackMessageKind.MenuView)
{
    public required string EventKey { get; init; }

    public string? MenuId { get; init; }
}
