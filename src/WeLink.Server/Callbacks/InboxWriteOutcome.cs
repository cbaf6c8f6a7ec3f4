namespace WeLink.Server.Callbacks;

/// <summary>What <see cref="InboxWriter.TryAddAsync"/> did with a callback.</summary>
public enum InboxWriteOutcome
{
    /// <summary>The entry is stored now.</summary>
    Written,

    /// <summary>An entry with its dedup key was stored before (a platform retry); nothing new is stored.</summary>
    AlreadyStored,

    /// <summary>Another request used the nonce (a replay); nothing is stored.</summary>
    NonceUsed,
}
