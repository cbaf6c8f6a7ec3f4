namespace WeLink.Server.Cases.Inbox;

public enum InboxView
{
    /// <summary>Open cases assigned to me.</summary>
    Mine,

    /// <summary>Open cases assigned to one of my roles.</summary>
    Role,

    /// <summary>Every open case of my dealer.</summary>
    Dealer,
}
