namespace WeLink.Server.Data.Queues;

/// <summary>
/// The table a <see cref="LeasedWork{TItem}"/> works on; every queue table has a <c>id</c> key. A table with a
/// <see cref="CompletedColumn"/> also has <c>status</c> (<see cref="QueueStatus"/>), <c>attempts</c> and
/// <c>last_error</c>: its failures are recorded, retried with backoff and parked. One without (the case timers) is only
/// leased: its worker deletes a row when done, or releases it.
/// </summary>
/// <param name="Name">The table.</param>
/// <param name="ClaimedColumns">The <c>RETURNING</c> list a claim reads into the queue's item type.</param>
/// <param name="DueColumn">When a row becomes due.</param>
/// <param name="LeaseColumn">Until when a claimer holds a row; null when no one does.</param>
/// <param name="CompletedColumn">When a row was finished; null for a table that is only leased.</param>
public sealed record QueueTable(
    string Name,
    string ClaimedColumns,
    string DueColumn = "next_attempt_at",
    string LeaseColumn = "locked_until",
    string? CompletedColumn = null)
{
    public bool TracksAttempts => CompletedColumn is not null;
}
