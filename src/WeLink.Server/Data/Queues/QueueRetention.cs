using Dapper;

namespace WeLink.Server.Data.Queues;

/// <summary>
/// Deletes a queue table's finished rows once they are older than the queue's retention. Finished rows only serve the
/// admin's view and investigations; kept for ever, the table and its indexes would grow without end. The rows go a batch
/// per statement, so intake never waits behind one long delete: on PostgreSQL a batch locks only its own rows, and
/// SQLite's single writer is given back between batches.
/// </summary>
/// <remarks>The statement is composed from identifiers that come from code, never from input.</remarks>
public sealed class QueueRetention(RetainedRows rows, Func<TimeSpan> retention, IDbConnectionFactory connections)
{
    private readonly string _delete = $"""
        DELETE FROM {rows.Table} WHERE id IN (
            SELECT id FROM {rows.Table}
            WHERE status IN ({string.Join(", ", rows.FinishedStatuses.Select(s => $"'{s}'"))}) AND {rows.AgeColumn} < @before
            LIMIT @batchSize)
        """;

    /// <summary>
    /// The least a retention may be: a platform's retries of a push, found again by its stored key, and an admin's look at
    /// yesterday's work need the rows.
    /// </summary>
    public static readonly TimeSpan Shortest = TimeSpan.FromDays(1);

    public string Table => rows.Table;

    /// <summary>Deletes every finished row older than the retention at <paramref name="now"/>; returns how many.</summary>
    public async Task<int> PurgeAsync(DateTimeOffset now, int batchSize, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        var before = QueueTime.Stored(now - retention());
        var purged = 0;
        int deleted;
        do
        {
            await using var connection = await connections.OpenConnectionAsync(cancellationToken);
            deleted = await connection.ExecuteAsync(new CommandDefinition(_delete, new { before, batchSize }, cancellationToken: cancellationToken));
            purged += deleted;
        }
        while (deleted == batchSize);

        return purged;
    }
}
