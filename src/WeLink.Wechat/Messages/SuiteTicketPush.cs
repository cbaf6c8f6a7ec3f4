namespace WeLink.Wechat.Messages;

/// <summary>The suite_ticket pushed roughly every 10 minutes; valid 30 min, always use the newest.</summary>
public sealed record SuiteTicketPush() : SuiteInstruction(CallbackMessageKind.SuiteTicket)
{
    public required string SuiteTicket { get; init; }
}
