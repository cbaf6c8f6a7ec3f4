using System.Data.Common;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dapper;
using WeLink.Workflow.Engine;

namespace WeLink.Server.Cases.Engine;

/// <summary>The engine's SQL; every method runs inside the caller's transaction. One SQL text serves both providers.</summary>
internal static class CaseRepository
{
    public static async Task<CaseRow?> FindAsync(DbConnection connection, DbTransaction transaction, Guid caseId, CancellationToken cancellationToken)
    {
        const string sql = $"SELECT {CaseRow.Columns} FROM cases WHERE id = @caseId";
        return await connection.QuerySingleOrDefaultAsync<CaseRow>(new CommandDefinition(sql, new { caseId }, transaction, cancellationToken: cancellationToken));
    }

    public static async Task<CaseRow?> FindByStartKeyAsync(DbConnection connection, DbTransaction transaction, Guid dealerId, string startKey, CancellationToken cancellationToken)
    {
        const string sql = $"SELECT {CaseRow.Columns} FROM cases WHERE dealer_id = @dealerId AND start_key = @startKey";
        return await connection.QuerySingleOrDefaultAsync<CaseRow>(new CommandDefinition(sql, new { dealerId, startKey }, transaction, cancellationToken: cancellationToken));
    }

    public static async Task<Guid?> FindOpenByBusinessKeyAsync(
        DbConnection connection, DbTransaction transaction, Guid dealerId, string definitionKey, string businessKey, CancellationToken cancellationToken)
    {
        const string sql = "SELECT id FROM cases WHERE dealer_id = @dealerId AND definition_key = @definitionKey AND open_business_key = @businessKey";
        return await connection.QuerySingleOrDefaultAsync<Guid?>(new CommandDefinition(sql, new { dealerId, definitionKey, businessKey }, transaction, cancellationToken: cancellationToken));
    }

    public static async Task<HistoryRow?> FindStepAsync(DbConnection connection, DbTransaction transaction, Guid caseId, string idempotencyKey, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT sequence AS Sequence, at AS At, actor_kind AS ActorKind, actor_id AS ActorId, from_state AS FromState,
                   to_state AS ToState, trigger AS Trigger, input AS Input, idempotency_key AS IdempotencyKey
            FROM case_history WHERE case_id = @caseId AND idempotency_key = @idempotencyKey
            """;
        return await connection.QuerySingleOrDefaultAsync<HistoryRow>(new CommandDefinition(sql, new { caseId, idempotencyKey }, transaction, cancellationToken: cancellationToken));
    }

    public static async Task<List<TimerRow>> TimersAsync(DbConnection connection, DbTransaction transaction, Guid caseId, CancellationToken cancellationToken)
    {
        const string sql = "SELECT id AS Id, case_id AS CaseId, key AS Key, trigger AS Trigger, breach AS Breach, due_at AS DueAt FROM case_timers WHERE case_id = @caseId";
        return [.. await connection.QueryAsync<TimerRow>(new CommandDefinition(sql, new { caseId }, transaction, cancellationToken: cancellationToken))];
    }

    public static async Task InsertCaseAsync(DbConnection connection, DbTransaction transaction, NewCase row, CancellationToken cancellationToken)
    {
        const string sql = """
            INSERT INTO cases (id, brand_id, dealer_id, definition_key, definition_version, parameters, state, data, subject_id,
                               assignee_staff_id, assignee_role, business_key, open_business_key, start_key, timer_pause, sla_due_at,
                               breached_at, version, created_at, updated_at, closed_at)
            VALUES (@Id, @BrandId, @DealerId, @DefinitionKey, @DefinitionVersion, @Parameters, @State, @Data, @SubjectId,
                    NULL, NULL, @BusinessKey, @OpenBusinessKey, @StartKey, @TimerPause, @SlaDueAt,
                    NULL, 1, @Now, @Now, @ClosedAt)
            """;
        await connection.ExecuteAsync(new CommandDefinition(sql, row, transaction, cancellationToken: cancellationToken));
    }

    /// <summary>Applies a step with optimistic concurrency; false when the case is no longer at <paramref name="expectedVersion"/>.</summary>
    public static async Task<bool> UpdateCaseAsync(DbConnection connection, DbTransaction transaction, CaseUpdate update, long expectedVersion, CancellationToken cancellationToken)
    {
        const string sql = """
            UPDATE cases SET state = @State, data = @Data, timer_pause = @TimerPause, sla_due_at = @SlaDueAt, breached_at = @BreachedAt,
                             assignee_staff_id = @AssigneeStaffId, assignee_role = @AssigneeRole, open_business_key = @OpenBusinessKey,
                             version = @Version, updated_at = @Now, closed_at = @ClosedAt
            WHERE id = @Id AND version = @expectedVersion
            """;
        var args = new DynamicParameters(update);
        args.Add("expectedVersion", expectedVersion);
        return await connection.ExecuteAsync(new CommandDefinition(sql, args, transaction, cancellationToken: cancellationToken)) == 1;
    }

    public static async Task AppendHistoryAsync(
        DbConnection connection, DbTransaction transaction, Guid caseId, long sequence, DateTimeOffset at, Actor actor,
        string? from, string to, string trigger, JsonObject input, string idempotencyKey, CancellationToken cancellationToken)
    {
        const string sql = """
            INSERT INTO case_history (case_id, sequence, at, actor_kind, actor_id, from_state, to_state, trigger, input, idempotency_key)
            VALUES (@caseId, @sequence, @at, @actorKind, @actorId, @from, @to, @trigger, @input, @idempotencyKey)
            """;
        await connection.ExecuteAsync(new CommandDefinition(
            sql,
            new
            {
                caseId,
                sequence,
                at,
                actorKind = ActorKindName(actor.Kind),
                actorId = actor.Id,
                from,
                to,
                trigger,
                input = input.ToJsonString(),
                idempotencyKey,
            },
            transaction,
            cancellationToken: cancellationToken));
    }

    public static async Task DeleteTimersAsync(DbConnection connection, DbTransaction transaction, Guid caseId, IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        if (keys.Count == 0)
        {
            return;
        }

        var sql = $"DELETE FROM case_timers WHERE case_id = @caseId AND {SqlLists.IsIn(connection, "key", "@keys")}";
        await connection.ExecuteAsync(new CommandDefinition(sql, new { caseId, keys = keys.ToArray() }, transaction, cancellationToken: cancellationToken));
    }

    public static async Task DeleteTimerAsync(DbConnection connection, DbTransaction transaction, Guid timerId, CancellationToken cancellationToken)
    {
        const string sql = "DELETE FROM case_timers WHERE id = @timerId";
        await connection.ExecuteAsync(new CommandDefinition(sql, new { timerId }, transaction, cancellationToken: cancellationToken));
    }

    public static async Task InsertTimersAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<TimerRow> timers, CancellationToken cancellationToken)
    {
        if (timers.Count == 0)
        {
            return;
        }

        const string sql = """
            INSERT INTO case_timers (id, case_id, key, trigger, breach, due_at, claimed_by, claimed_until)
            VALUES (@Id, @CaseId, @Key, @Trigger, @Breach, @DueAt, NULL, NULL)
            """;
        await connection.ExecuteAsync(new CommandDefinition(sql, timers, transaction, cancellationToken: cancellationToken));
    }

    public static async Task InsertOutboxAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<NewOutboxItem> items, CancellationToken cancellationToken)
    {
        if (items.Count == 0)
        {
            return;
        }

        const string sql = """
            INSERT INTO outbox (id, case_id, idempotency_key, action, payload, status, attempts, next_attempt_at, last_error, locked_until, created_at, completed_at)
            VALUES (@Id, @CaseId, @IdempotencyKey, @Action, @Payload, 'pending', 0, @Now, NULL, NULL, @Now, NULL)
            """;
        await connection.ExecuteAsync(new CommandDefinition(sql, items, transaction, cancellationToken: cancellationToken));
    }

    public static string ActorKindName(ActorKind kind) => kind switch
    {
        ActorKind.Consumer => "consumer",
        ActorKind.System => "system",
        ActorKind.Hq => "hq",
        _ => "staff",
    };

    public static TimerPause? ReadPause(string? json) =>
        json is null ? null : JsonSerializer.Deserialize(json, CasesJsonContext.Default.TimerPause);

    public static string? WritePause(TimerPause? pause) =>
        pause is null ? null : JsonSerializer.Serialize(pause, CasesJsonContext.Default.TimerPause);
}

internal sealed record NewCase(
    Guid Id, Guid BrandId, Guid DealerId, string DefinitionKey, int DefinitionVersion, string Parameters, string State, string Data,
    string? SubjectId, string? BusinessKey, string? OpenBusinessKey, string StartKey, string? TimerPause, DateTimeOffset? SlaDueAt,
    DateTimeOffset Now, DateTimeOffset? ClosedAt);

internal sealed record CaseUpdate(
    Guid Id, string State, string Data, string? TimerPause, DateTimeOffset? SlaDueAt, DateTimeOffset? BreachedAt,
    Guid? AssigneeStaffId, string? AssigneeRole, string? OpenBusinessKey, long Version, DateTimeOffset Now, DateTimeOffset? ClosedAt);

internal sealed record NewOutboxItem(Guid Id, Guid CaseId, string IdempotencyKey, string Action, string Payload, DateTimeOffset Now);
