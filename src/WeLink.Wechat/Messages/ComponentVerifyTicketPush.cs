namespace WeLink.Wechat.Messages;

/// <summary>The component_verify_ticket pushed every 10 minutes; valid 12 h.</summary>
public sealed record ComponentVerifyTicketPush() : ComponentPush(CallbackMessageKind.ComponentVerifyTicket)
{
    public required string ComponentVerifyTicket { get; init; }
}
