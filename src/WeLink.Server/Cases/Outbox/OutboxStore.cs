using Dapper;
using WeLink.Server.Data;
using WeLink.Server.Data.Queues;

namespace WeLink.Server.Cases.Outbox;

/// <summary>The <c>outbox</c> table: its <see cref="Work"/> for the dispatcher and admins' retries, and what admins see.</summary>
public sealed class OutboxStore(IDbConnectionFactory connections, TimeProvider time)
{
    public const string Pending = QueueStatus.Pending;
    public const string Done = QueueStatus.Done;
    public const string Parked = QueueStatus.Parked;

    /// <summary>Not a status: parked items and pending ones whose last attempt failed (see <see cref="FailingAsync"/>).</summary>
    public const string Failing = "failing";

    private static readonly QueueTable Table = new(
        "outbox",
        """
        id AS Id, case_id AS CaseId, idempotency_key AS IdempotencyKey, action AS Action, payload AS Payload,
        attempts AS Attempts, created_at AS CreatedAt
        """,
        CompletedColumn: "completed_at");

    /// <summary>Claims, completions, failures and admin retries of outbox items.</summary>
    public LeasedWork<OutboxClaimedItem> Work { get; } = new(Table, connections, time, item => item.CreatedAt);

    private const string Columns = """
        id AS Id, case_id AS CaseId, action AS Action, idempotency_key AS IdempotencyKey, status AS Status, attempts AS Attempts,
        next_attempt_at AS NextAttemptAt, last_error AS LastError, created_at AS CreatedAt, completed_at AS CompletedAt
        """;

    /// <summary>The most recent items in a status (newest first), at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<OutboxItem>> ListAsync(string status, int limit, CancellationToken cancellationToken)
    {
        const string sql = $"SELECT {Columns} FROM outbox WHERE status = @status ORDER BY created_at DESC LIMIT @limit";
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        return [.. await connection.QueryAsync<OutboxItem>(new CommandDefinition(sql, new { status, limit }, cancellationToken: cancellationToken))];
    }

    /// <summary>
    /// Deliveries whose last attempt failed, parked or still to be tried again, newest first, at most
    /// <paramref name="limit"/>: what an admin should look at, and may retry. A retried item has its attempts reset, so it
    /// leaves this list until it fails again.
    /// </summary>
    public async Task<IReadOnlyList<OutboxItem>> FailingAsync(int limit, CancellationToken cancellationToken)
    {
        const string sql = $"""
            SELECT {Columns} FROM outbox
            WHERE status = 'parked' OR (status = 'pending' AND attempts > 0 AND last_error IS NOT NULL)
            ORDER BY created_at DESC, id DESC
            LIMIT @limit
            """;
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        return [.. await connection.QueryAsync<OutboxItem>(new CommandDefinition(sql, new { limit }, cancellationToken: cancellationToken))];
    }

    public async Task<IReadOnlyList<OutboxItem>> ForCaseAsync(Guid caseId, CancellationToken cancellationToken)
    {
        const string sql = $"SELECT {Columns} FROM outbox WHERE case_id = @caseId ORDER BY created_at, id";
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        return [.. await connection.QueryAsync<OutboxItem>(new CommandDefinition(sql, new { caseId }, cancellationToken: cancellationToken))];
    }
}
