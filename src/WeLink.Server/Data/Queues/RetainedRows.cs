namespace WeLink.Server.Data.Queues;

/// <summary>The rows of a queue table <see cref="QueueRetention"/> deletes once they are old enough.</summary>
/// <param name="Table">The queue's table.</param>
/// <param name="AgeColumn">The time a row's age is counted from; an index should lead with <c>status</c> and end with it.</param>
/// <param name="FinishedStatuses">The statuses of rows nobody works on again (never pending or parked ones).</param>
public sealed record RetainedRows(string Table, string AgeColumn, IReadOnlyList<string> FinishedStatuses);
