namespace WeLink.Sandbox.Credentials;

public enum TicketStatus
{
    Valid,

    /// <summary>Empty, never pushed, or pushed for the other platform.</summary>
    Unknown,
    Expired,
}
