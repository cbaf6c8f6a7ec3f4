using Dapper;
using WeLink.Server.Data;

namespace WeLink.Server.Cases.Outbox;

/// <summary>What admins see of the outbox, and the retry of a parked item.</summary>
public sealed class OutboxStore(IDbConnectionFactory connections, TimeProvider time)
{
    public const string Pending = "pending";
    public const string Done = "done";
    public const string Parked = "parked";

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

    public async Task<IReadOnlyList<OutboxItem>> ForCaseAsync(Guid caseId, CancellationToken cancellationToken)
    {
        const string sql = $"SELECT {Columns} FROM outbox WHERE case_id = @caseId ORDER BY created_at, id";
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        return [.. await connection.QueryAsync<OutboxItem>(new CommandDefinition(sql, new { caseId }, cancellationToken: cancellationToken))];
    }

    /// <summary>Puts a parked item back in line with fresh attempts; false when it is not parked.</summary>
    public async Task<bool> RetryAsync(Guid id, CancellationToken cancellationToken)
    {
        const string sql = """
            UPDATE outbox SET status = 'pending', attempts = 0, next_attempt_at = @now, locked_until = NULL
            WHERE id = @id AND status = 'parked'
            """;
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(sql, new { id, now = time.GetUtcNow() }, cancellationToken: cancellationToken)) == 1;
    }
}
