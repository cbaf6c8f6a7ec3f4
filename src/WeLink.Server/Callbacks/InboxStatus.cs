using WeLink.Server.Data.Queues;

namespace WeLink.Server.Callbacks;

/// <summary>The values of <c>inbox.status</c>.</summary>
public static class InboxStatus
{
    public const string Pending = QueueStatus.Pending;
    public const string Done = QueueStatus.Done;

    /// <summary>No handler accepted the event; it is kept as long as a handled one (<see cref="InboxOptions.Retention"/>).</summary>
    public const string Ignored = "ignored";

    /// <summary>Failed <see cref="InboxOptions.MaxAttempts"/> times; waits for an admin's retry.</summary>
    public const string Parked = QueueStatus.Parked;

    public static bool IsKnown(string? status) => status is Pending or Done or Ignored or Parked;
}
