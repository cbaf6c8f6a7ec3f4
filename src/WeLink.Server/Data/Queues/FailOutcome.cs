namespace WeLink.Server.Data.Queues;

/// <summary>What recording a failed attempt did.</summary>
public enum FailOutcome
{
    /// <summary>The item waits for its next attempt.</summary>
    Retrying,

    /// <summary>That was its last allowed attempt; it waits for an admin.</summary>
    Parked,

    /// <summary>The lease had passed and another claimer owns the item now; nothing was written.</summary>
    LeaseLost,
}
