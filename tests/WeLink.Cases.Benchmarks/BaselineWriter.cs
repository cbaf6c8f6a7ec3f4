using Dapper;
using Npgsql;

namespace WeLink.Cases.Benchmarks;

/// <summary>
/// The baseline: per transition, the same SQL writes the engine makes (update the case on its version, append history,
/// delete the left state's timer, arm the next one, write one outbox row) with plain Dapper and no reads, no evaluation,
/// no JSON handling beyond constant strings; see <see cref="BaselineMode"/> for how they are sent.
/// </summary>
internal sealed class BaselineWriter(NpgsqlDataSource dataSource, BaselineMode mode)
{
    private const string Update = """
        UPDATE cases SET state = @to, data = @data, timer_pause = NULL, sla_due_at = NULL, breached_at = NULL,
                         assignee_staff_id = NULL, assignee_role = NULL, open_business_key = NULL,
                         version = @next, updated_at = @now, closed_at = NULL
        WHERE id = @caseId AND version = @version
        RETURNING version;
        """;

    private const string History = """
        INSERT INTO case_history (case_id, sequence, at, actor_kind, actor_id, from_state, to_state, trigger, input, idempotency_key)
        VALUES (@caseId, @next, @now, 'system', NULL, @from, @to, @trigger, '{}', @key);
        """;

    private const string DeleteTimers = "DELETE FROM case_timers WHERE case_id = @caseId AND key = ANY(@keys);";

    private const string InsertTimer = """
        INSERT INTO case_timers (id, case_id, key, trigger, breach, due_at, claimed_by, claimed_until)
        VALUES (@timerId, @caseId, @timerKey, 'expire', FALSE, @due, NULL, NULL);
        """;

    private const string Outbox = """
        INSERT INTO outbox (id, case_id, idempotency_key, action, payload, status, attempts, next_attempt_at, last_error, locked_until, created_at, completed_at)
        VALUES (@outboxId, @caseId, @outboxKey, 'bench_notify', @payload, 'pending', 0, @now, NULL, NULL, @now, NULL);
        """;

    private static readonly string[] Writes = [Update, History, DeleteTimers, InsertTimer, Outbox];

    public async Task<bool> TransitionAsync(Guid caseId, long version, CancellationToken cancellationToken)
    {
        var (from, to, trigger) = version % 2 == 1 ? ("a", "b", "ping") : ("b", "a", "pong");
        var now = DateTimeOffset.UtcNow;
        var next = version + 1;
        var args = new
        {
            caseId,
            version,
            next,
            now,
            from,
            to,
            trigger,
            data = "{\"n\":1}",
            key = $"baseline-step-{next}",
            keys = new[] { $"in_{from}", $"in_{to}" },
            timerId = Guid.CreateVersion7(),
            timerKey = $"in_{to}",
            due = now.AddHours(1),
            outboxId = Guid.CreateVersion7(),
            outboxKey = $"{caseId:N}:{next}:bench_notify",
            payload = "{\"data\":{\"n\":1}}",
        };
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = mode == BaselineMode.OneBatchNoTransaction ? null : await connection.BeginTransactionAsync(cancellationToken);
        foreach (var sql in mode == BaselineMode.CommandPerWrite ? Writes : [string.Concat(Writes)])
        {
            await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(sql, args, transaction, cancellationToken: cancellationToken));
            if (sql.StartsWith(Update, StringComparison.Ordinal) && !await reader.ReadAsync(cancellationToken))
            {
                return false;
            }

            while (await reader.NextResultAsync(cancellationToken))
            {
            }
        }

        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return true;
    }
}

internal enum BaselineMode
{
    /// <summary>BEGIN, the writes as one command, COMMIT: the target's baseline, the plain Dapper way to write a step.</summary>
    OneCommand,

    /// <summary>BEGIN, one command per write, COMMIT: how straightforward Dapper code would do it.</summary>
    CommandPerWrite,

    /// <summary>
    /// The writes as one command without BEGIN or COMMIT, as the engine sends them on PostgreSQL, but with no guard: a lost
    /// race would be committed all the same. Shown as the floor of what the writes cost, not as a way to write a step.
    /// </summary>
    OneBatchNoTransaction,
}
