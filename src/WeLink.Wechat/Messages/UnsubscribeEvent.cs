namespace WeLink.Wechat.Messages;

public sealed record UnsubscribeEvent() : UserMessage(CallbackMessageKind.Unsubscribe);
