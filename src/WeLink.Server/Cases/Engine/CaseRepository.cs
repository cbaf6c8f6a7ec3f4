using System.Data.Common;
using System.Text.Json;
using Dapper;
using WeLink.Server.Cases.Inbox;
using WeLink.Workflow.Engine;

namespace WeLink.Server.Cases.Engine;

/// <summary>The engine's SQL; every method runs in the caller's transaction, if any. One SQL text serves both providers.</summary>
internal static class CaseRepository
{
    private const string StepSql = """
        SELECT sequence AS Sequence, at AS At, actor_kind AS ActorKind, actor_id AS ActorId, from_state AS FromState,
               to_state AS ToState, trigger AS Trigger, input AS Input, idempotency_key AS IdempotencyKey
        FROM case_history WHERE case_id = @caseId AND idempotency_key = @idempotencyKey
        """;

    public static async Task<CaseRow?> FindAsync(DbConnection connection, DbTransaction? transaction, Guid caseId, CancellationToken cancellationToken)
    {
        const string sql = $"SELECT {CaseRow.Columns} FROM cases WHERE id = @caseId";
        return await connection.QuerySingleOrDefaultAsync<CaseRow>(new CommandDefinition(sql, new { caseId }, transaction, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// The case and its running timers in one statement. The step already taken with a key is not looked up here: the
    /// history's unique key finds a repeat when its writes collide, so a first fire pays for no lookup.
    /// </summary>
    public static async Task<(CaseRow? Row, List<TimerRow> Timers)> LoadAsync(
        DbConnection connection, DbTransaction? transaction, Guid caseId, CancellationToken cancellationToken)
    {
        // Dapper splits each row at the last "Id" column: the case's columns before it, the timer's (null when none) after.
        const string sql = $"""
            SELECT c.*, t.id AS Id, t.case_id AS CaseId, t.key AS Key, t.trigger AS Trigger, t.breach AS Breach, t.due_at AS DueAt
            FROM (SELECT {CaseRow.Columns} FROM cases WHERE id = @caseId) c
            LEFT JOIN case_timers t ON t.case_id = c.id
            """;
        var rows = await connection.QueryAsync<CaseRow, TimerRow?, (CaseRow Case, TimerRow? Timer)>(
            new CommandDefinition(sql, new { caseId }, transaction, cancellationToken: cancellationToken), (c, t) => (c, t), splitOn: "Id");
        CaseRow? row = null;
        var timers = new List<TimerRow>();
        foreach (var (c, t) in rows)
        {
            row ??= c;
            if (t is not null)
            {
                timers.Add(t);
            }
        }

        return (row, timers);
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

    public static async Task<HistoryRow?> FindStepAsync(DbConnection connection, DbTransaction? transaction, Guid caseId, string idempotencyKey, CancellationToken cancellationToken)
    {
        return await connection.QuerySingleOrDefaultAsync<HistoryRow>(new CommandDefinition(StepSql, new { caseId, idempotencyKey }, transaction, cancellationToken: cancellationToken));
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

    public static async Task InsertNoteAsync(DbConnection connection, NoteResponse note, CancellationToken cancellationToken)
    {
        const string sql = "INSERT INTO case_notes (id, case_id, author_staff_id, text, created_at) VALUES (@Id, @CaseId, @AuthorStaffId, @Text, @CreatedAt)";
        await connection.ExecuteAsync(new CommandDefinition(sql, note, cancellationToken: cancellationToken));
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
    Guid? AssigneeStaffId, string? AssigneeRole, string? OpenBusinessKey, long Version, DateTimeOffset Now, DateTimeOffset? ClosedAt,
    string LatestInput, string InputTotals);

internal sealed record NewOutboxItem(Guid Id, Guid CaseId, string IdempotencyKey, string Action, string Payload, DateTimeOffset Now);
