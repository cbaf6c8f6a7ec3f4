using Dapper;

namespace WeLink.Server.Data.Queues;

/// <summary>
/// Work kept as rows of one table, handed out in leased batches: a claim marks due rows as held until the lease passes
/// (on PostgreSQL <c>FOR UPDATE SKIP LOCKED</c> lets claimers take disjoint rows without waiting; SQLite's single writer
/// serialises claims), so a claimer that dies gives its rows back when the lease passes. Everything a claimer writes
/// afterwards is fenced by its lease: a claimer that overran it cannot overwrite the work of the one that took over.
/// Used by the callback inbox, the outbox and the case timers. A claim's rows are handed out oldest first: RETURNING
/// comes back in no defined order (PostgreSQL gives the order the rows lie in the table, where an updated row lies
/// last), and two pushes from one person, or two replies to them, must be worked in the order they came.
/// </summary>
/// <remarks>
/// The statements are composed once, here, from the table's identifiers (which come from code, never from input), so
/// three tables share one set of queries; values are always parameters.
/// </remarks>
public sealed class LeasedWork<TItem>
{
    public const int MaxErrorLength = 2000;

    private readonly IDbConnectionFactory _connections;
    private readonly TimeProvider _time;
    private readonly Func<TItem, DateTimeOffset> _queuedAt;
    private readonly string _claim;
    private readonly string _complete;
    private readonly string _fail;
    private readonly string _release;
    private readonly string _retry;

    /// <param name="table">The queue's table.</param>
    /// <param name="connections">Where the table is.</param>
    /// <param name="time">The clock dues and leases are read against.</param>
    /// <param name="queuedAt">When an item joined the queue (for a timer, when it falls due): the order a claim hands items out in.</param>
    public LeasedWork(QueueTable table, IDbConnectionFactory connections, TimeProvider time, Func<TItem, DateTimeOffset> queuedAt)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(connections);
        ArgumentNullException.ThrowIfNull(queuedAt);
        _connections = connections;
        _time = time;
        _queuedAt = queuedAt;
        var (name, due, lease) = (table.Name, table.DueColumn, table.LeaseColumn);
        var dialect = connections.Dialect;
        _claim = $"""
            UPDATE {name} SET {lease} = @lease{(table.TracksAttempts ? ", attempts = attempts + 1" : "")}
            WHERE id IN (
                SELECT id FROM {name}
                WHERE {(table.TracksAttempts ? "status = 'pending' AND " : "")}{due} <= @now AND ({lease} IS NULL OR {lease} <= @now)
                ORDER BY {due}
                LIMIT @batchSize
                {dialect.SkipLockedRows})
            RETURNING {table.ClaimedColumns}
            """;
        _complete = $"""
            UPDATE {name} SET status = @status, {lease} = NULL, {table.CompletedColumn} = @now, last_error = NULL
            WHERE {dialect.IsIn("id", "@ids")} AND {lease} = @lease
            """;
        _fail = $"""
            UPDATE {name} SET status = @status, {due} = @retryAt, {lease} = NULL, last_error = @error
            WHERE id = @id AND {lease} = @lease
            """;
        _release = $"UPDATE {name} SET {lease} = NULL WHERE id = @id AND {lease} = @lease";

        // A still-failing item counts: an admin who fixed the cause need not wait out its backoff. attempts > 0 keeps an
        // item already put back from being put back twice, and a held one is left to its claimer.
        _retry = $"""
            UPDATE {name} SET status = 'pending', attempts = 0, {due} = @now, {lease} = NULL
            WHERE id = @id AND (status = 'parked'
                OR (status = 'pending' AND attempts > 0 AND last_error IS NOT NULL AND ({lease} IS NULL OR {lease} <= @now)))
            """;
    }

    /// <summary>
    /// Claims up to <paramref name="batchSize"/> due rows that nobody holds, oldest due first, until
    /// <paramref name="leaseUntil"/>, and hands them out oldest queued first; on a table that tracks attempts the claim
    /// counts one.
    /// </summary>
    public async Task<QueueClaim<TItem>> ClaimAsync(int batchSize, DateTimeOffset leaseUntil, CancellationToken cancellationToken)
    {
        var lease = QueueTime.Stored(leaseUntil);
        await using var connection = await _connections.OpenConnectionAsync(cancellationToken);
        var items = await connection.QueryAsync<TItem>(new CommandDefinition(
            _claim, new { lease, now = Now(), batchSize }, cancellationToken: cancellationToken));
        return new QueueClaim<TItem>(lease, items.OrderBy(_queuedAt).ToList());
    }

    /// <summary>Finishes claimed rows with <paramref name="status"/>; returns how many were still under this lease.</summary>
    public async Task<int> CompleteAsync(IReadOnlyCollection<Guid> ids, string status, DateTimeOffset lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
        {
            return 0;
        }

        await using var connection = await _connections.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            _complete, new { status, now = Now(), ids = ids.ToArray(), lease = QueueTime.Stored(lease) }, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Records that attempt <paramref name="attempts"/> failed: the row waits out its backoff, or is parked when that
    /// was its last allowed attempt.
    /// </summary>
    public async Task<FailOutcome> FailAsync(
        Guid id, DateTimeOffset lease, int attempts, string error, RetryPolicy retries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(retries);
        var now = Now();
        var park = retries.Parks(attempts);
        await using var connection = await _connections.OpenConnectionAsync(cancellationToken);
        var written = await connection.ExecuteAsync(new CommandDefinition(
            _fail,
            new
            {
                id,
                lease = QueueTime.Stored(lease),
                status = park ? QueueStatus.Parked : QueueStatus.Pending,
                retryAt = park ? now : QueueTime.Stored(now + retries.DelayAfter(attempts)),
                error = error.Length > MaxErrorLength ? error[..MaxErrorLength] : error,
            },
            cancellationToken: cancellationToken));
        return written == 0 ? FailOutcome.LeaseLost : park ? FailOutcome.Parked : FailOutcome.Retrying;
    }

    /// <summary>Gives a claimed row back before its lease passes, to be claimed again; false when the lease was lost.</summary>
    public async Task<bool> ReleaseAsync(Guid id, DateTimeOffset lease, CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(_release, new { id, lease = QueueTime.Stored(lease) }, cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>
    /// Puts a parked or still-failing row back in line, due now, with fresh attempts; false when it is neither (or a
    /// claimer holds it).
    /// </summary>
    public async Task<bool> RetryAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(_retry, new { id, now = Now() }, cancellationToken: cancellationToken)) == 1;
    }

    private DateTimeOffset Now() => QueueTime.Stored(_time.GetUtcNow());
}
