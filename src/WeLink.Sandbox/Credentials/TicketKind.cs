namespace WeLink.Sandbox.Credentials;

public enum TicketKind
{
    /// <summary>Valid 12 h after its push.</summary>
    ComponentVerifyTicket,

    /// <summary>Valid 30 min after its push.</summary>
    SuiteTicket,
}
