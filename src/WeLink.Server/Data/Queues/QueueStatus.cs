namespace WeLink.Server.Data.Queues;

/// <summary>The <c>status</c> values of a queue table that tracks attempts.</summary>
public static class QueueStatus
{
    public const string Pending = "pending";
    public const string Done = "done";

    /// <summary>Failed its last allowed attempt; waits for an admin's retry.</summary>
    public const string Parked = "parked";
}
