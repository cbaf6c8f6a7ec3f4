namespace WeLink.Wechat.Messages;

/// <summary>
/// subscribe_msg_popup_event, subscribe_msg_change_event or subscribe_msg_sent_event (see
/// <see cref="CallbackMessage.Kind"/>); one item per template.
/// </summary>
public sealed record SubscribeMessageEvent : UserMessage
{
    public SubscribeMessageEvent(CallbackMessageKind kind)
        : base(kind)
    {
        if (kind is not (CallbackMessageKind.SubscribeMessagePopup or CallbackMessageKind.SubscribeMessageChange or CallbackMessageKind.SubscribeMessageSent))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a subscribe-message event kind.");
        }
    }

    public required IReadOnlyList<SubscribeMessageItem> Items { get; init; }
}
