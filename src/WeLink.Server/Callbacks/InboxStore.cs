using Dapper;
using WeLink.Server.Data;

namespace WeLink.Server.Callbacks;

/// <summary>
/// The <c>inbox</c> table: callbacks written before WeLink answers, then claimed and finished by the
/// dispatchers. Claims are leases (<c>locked_until</c>): PostgreSQL nodes skip each other's locked rows,
/// and rows whose lease has passed (their node died) become claimable again. Finishing a row checks
/// that the lease is still the caller's, so a node that overran its lease cannot overwrite the outcome
/// of the node that took over.
/// </summary>
public sealed class InboxStore(IDbConnectionFactory connections, TimeProvider time)
{
    public const int MaxPageSize = 200;
    public const int MaxErrorLength = 2000;

    /// <summary>
    /// Writes the entries in one statement, skipping each whose dedup key is already stored (or taken by an earlier
    /// entry of the same call); returns the ids of the entries this call wrote.
    /// </summary>
    public async Task<IReadOnlySet<Guid>> AddNewAsync(IReadOnlyList<InboxEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0)
        {
            return new HashSet<Guid>();
        }

        var (sql, parameters) = connections.Provider == DatabaseProvider.Postgres ? AsArrays(entries) : AsRows(entries);
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        var written = await connection.QueryAsync<Guid>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
        return written.ToHashSet();
    }

    /// <summary>
    /// PostgreSQL: one array per column, so every group size is the same statement (prepared once per connection) with
    /// nine parameters rather than nine per entry.
    /// </summary>
    private static (string Sql, object Parameters) AsArrays(IReadOnlyList<InboxEntry> entries)
    {
        const string sql = """
            INSERT INTO inbox (
                id, channel, target_id, dedup_key, kind, payload, received_at, status, attempts, next_attempt_at, locked_until, processed_at)
            SELECT id, channel, target, dedup, kind, payload, received, status, attempts, received, locked,
                CASE WHEN status = 'pending' THEN NULL ELSE received END
            FROM unnest(@ids, @channels, @targets, @dedups, @kinds, @payloads, @received, @statuses, @attempts, @locked)
                AS e (id, channel, target, dedup, kind, payload, received, status, attempts, locked)
            ON CONFLICT (dedup_key) DO NOTHING
            RETURNING id
            """;
        return (sql, new
        {
            ids = entries.Select(e => e.Id).ToArray(),
            channels = entries.Select(e => CallbackChannels.Name(e.Channel)).ToArray(),
            targets = entries.Select(e => e.TargetId).ToArray(),
            dedups = entries.Select(e => e.DedupKey).ToArray(),
            kinds = entries.Select(e => e.Kind).ToArray(),
            payloads = entries.Select(e => e.Payload).ToArray(),
            received = entries.Select(e => e.ReceivedAt).ToArray(),
            statuses = entries.Select(e => e.Status).ToArray(),
            attempts = entries.Select(Attempts).ToArray(),
            locked = entries.Select(e => e.LockedUntil).ToArray(),
        });
    }

    /// <summary>SQLite: one VALUES row per entry.</summary>
    private static (string Sql, object Parameters) AsRows(IReadOnlyList<InboxEntry> entries)
    {
        var parameters = new DynamicParameters();
        var rows = new string[entries.Count];
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            parameters.Add($"id{i}", entry.Id);
            parameters.Add($"channel{i}", CallbackChannels.Name(entry.Channel));
            parameters.Add($"target{i}", entry.TargetId);
            parameters.Add($"dedup{i}", entry.DedupKey);
            parameters.Add($"kind{i}", entry.Kind);
            parameters.Add($"payload{i}", entry.Payload);
            parameters.Add($"received{i}", entry.ReceivedAt);
            parameters.Add($"status{i}", entry.Status);
            parameters.Add($"attempts{i}", Attempts(entry));
            parameters.Add($"locked{i}", entry.LockedUntil);
            parameters.Add($"processed{i}", entry.Status == InboxStatus.Pending ? null : entry.ReceivedAt);
            rows[i] = $"(@id{i}, @channel{i}, @target{i}, @dedup{i}, @kind{i}, @payload{i}, @received{i}, @status{i}, @attempts{i}, @received{i}, @locked{i}, @processed{i})";
        }

        var sql = $"""
            INSERT INTO inbox (
                id, channel, target_id, dedup_key, kind, payload, received_at, status, attempts, next_attempt_at, locked_until, processed_at)
            VALUES {string.Join(", ", rows)}
            ON CONFLICT (dedup_key) DO NOTHING
            RETURNING id
            """;
        return (sql, parameters);
    }

    /// <summary>An entry written already claimed (a ticket handled in the request) counts that delivery.</summary>
    private static int Attempts(InboxEntry entry) => entry.LockedUntil is null ? 0 : 1;

    /// <summary>
    /// Claims up to <paramref name="batchSize"/> due pending events until <paramref name="lease"/>, oldest due
    /// first, and counts the delivery in their attempts.
    /// </summary>
    public async Task<IReadOnlyList<ClaimedInboxEvent>> ClaimDueAsync(int batchSize, DateTimeOffset lease, CancellationToken cancellationToken)
    {
        // SQLite has one writer at a time and WeLink runs a single node on it, so it needs no row locks.
        var lockClause = connections.Provider == DatabaseProvider.Postgres ? "FOR UPDATE SKIP LOCKED" : "";
        var sql = $"""
            UPDATE inbox SET locked_until = @lease, attempts = attempts + 1
            WHERE id IN (
                SELECT id FROM inbox
                WHERE status = 'pending' AND next_attempt_at <= @now AND (locked_until IS NULL OR locked_until <= @now)
                ORDER BY next_attempt_at
                LIMIT @batchSize
                {lockClause})
            RETURNING id AS Id, channel AS Channel, target_id AS TargetId, payload AS Payload, received_at AS ReceivedAt, attempts AS Attempts
            """;
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        var claimed = await connection.QueryAsync<ClaimedInboxEvent>(new CommandDefinition(
            sql, new { lease, now = time.GetUtcNow(), batchSize }, cancellationToken: cancellationToken));
        return claimed.AsList();
    }

    /// <summary>Finishes claimed events as done or ignored; returns how many were still under this lease.</summary>
    public async Task<int> CompleteAsync(IReadOnlyCollection<Guid> ids, string status, DateTimeOffset lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (status is not (InboxStatus.Done or InboxStatus.Ignored))
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, "Only done and ignored finish an event.");
        }

        if (ids.Count == 0)
        {
            return 0;
        }

        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        var sql = $"""
            UPDATE inbox SET status = @status, locked_until = NULL, processed_at = @now
            WHERE {SqlLists.IsIn(connection, "id", "@ids")} AND locked_until = @lease
            """;
        return await connection.ExecuteAsync(new CommandDefinition(
            sql, new { status, now = InboxTime.Stored(time.GetUtcNow()), ids = ids.ToArray(), lease }, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Records a failed delivery: the event waits until <paramref name="retryAt"/>, or is parked when that is
    /// null. False when the lease was no longer the caller's.
    /// </summary>
    public async Task<bool> FailAsync(Guid id, DateTimeOffset lease, string error, DateTimeOffset? retryAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(error);
        const string sql = """
            UPDATE inbox SET status = @status, next_attempt_at = @nextAttemptAt, locked_until = NULL, last_error = @error
            WHERE id = @id AND locked_until = @lease
            """;
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            sql,
            new
            {
                id,
                lease,
                status = retryAt is null ? InboxStatus.Parked : InboxStatus.Pending,
                nextAttemptAt = InboxTime.Stored(retryAt ?? time.GetUtcNow()),
                error = error.Length > MaxErrorLength ? error[..MaxErrorLength] : error,
            },
            cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>Events of one status, newest first; <paramref name="page"/> counts from 1.</summary>
    public async Task<InboxPage> ListAsync(string status, int page, int pageSize, CancellationToken cancellationToken)
    {
        if (!InboxStatus.IsKnown(status))
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, "Not an inbox status.");
        }

        page = Math.Max(page, 1);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        const string sql = """
            SELECT id AS Id, channel AS Channel, target_id AS TargetId, kind AS Kind, status AS Status, attempts AS Attempts,
                   received_at AS ReceivedAt, next_attempt_at AS NextAttemptAt, last_error AS LastError, processed_at AS ProcessedAt
            FROM inbox
            WHERE status = @status
            ORDER BY received_at DESC, id DESC
            LIMIT @take OFFSET @skip
            """;
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        var rows = (await connection.QueryAsync<InboxEntryView>(new CommandDefinition(
            sql, new { status, take = pageSize + 1, skip = (page - 1) * pageSize }, cancellationToken: cancellationToken))).AsList();
        var hasMore = rows.Count > pageSize;
        return new InboxPage(status, page, pageSize, hasMore, hasMore ? rows[..pageSize] : rows);
    }

    /// <summary>Puts a parked event back in the queue with fresh attempts; false when it is not parked.</summary>
    public async Task<bool> RetryAsync(Guid id, CancellationToken cancellationToken)
    {
        const string sql = """
            UPDATE inbox SET status = 'pending', attempts = 0, next_attempt_at = @now, locked_until = NULL
            WHERE id = @id AND status = 'parked'
            """;
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            sql, new { id, now = InboxTime.Stored(time.GetUtcNow()) }, cancellationToken: cancellationToken)) == 1;
    }
}
