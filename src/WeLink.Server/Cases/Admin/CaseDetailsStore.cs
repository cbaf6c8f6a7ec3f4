using System.Text.Json.Nodes;
using Dapper;
using WeLink.Server.Cases.Engine;
using WeLink.Server.Cases.Inbox;
using WeLink.Server.Cases.Messaging;
using WeLink.Server.Cases.Outbox;
using WeLink.Server.Data;

namespace WeLink.Server.Cases.Admin;

/// <summary>Reads a case with its history, timers, notes, outbox and sent messages, for a reader whose scope reaches it (<see cref="CaseScope"/>).</summary>
public sealed class CaseDetailsStore(IDbConnectionFactory connections, OutboxStore outbox, CaseMessageLedger messages)
{
    /// <summary>The case; null when it does not exist or lies outside <paramref name="scope"/>.</summary>
    public async Task<CaseDetails?> GetAsync(Guid caseId, CaseScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        const string caseSql = $"SELECT {CaseRow.Columns} FROM cases WHERE id = @caseId";
        const string historySql = """
            SELECT sequence AS Sequence, at AS At, actor_kind AS ActorKind, actor_id AS ActorId, from_state AS FromState,
                   to_state AS ToState, trigger AS Trigger, input AS Input, idempotency_key AS IdempotencyKey
            FROM case_history WHERE case_id = @caseId ORDER BY sequence
            """;
        const string timersSql = "SELECT key AS Key, trigger AS Trigger, breach AS Breach, due_at AS DueAt FROM case_timers WHERE case_id = @caseId ORDER BY due_at";
        const string notesSql = """
            SELECT id AS Id, case_id AS CaseId, author_staff_id AS AuthorStaffId, text AS Text, created_at AS CreatedAt
            FROM case_notes WHERE case_id = @caseId ORDER BY created_at, id
            """;
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<CaseRow>(new CommandDefinition(caseSql, new { caseId }, cancellationToken: cancellationToken));
        if (row is null || !scope.Reaches(row))
        {
            return null;
        }

        var history = await connection.QueryAsync<HistoryRow>(new CommandDefinition(historySql, new { caseId }, cancellationToken: cancellationToken));
        var timers = await connection.QueryAsync<TimerRow>(new CommandDefinition(timersSql, new { caseId }, cancellationToken: cancellationToken));
        var notes = await connection.QueryAsync<NoteRow>(new CommandDefinition(notesSql, new { caseId }, cancellationToken: cancellationToken));
        return new CaseDetails(
            row.Id, row.BrandId, row.DealerId, row.DefinitionKey, row.DefinitionVersion, row.State, row.SubjectId, row.AssigneeStaffId,
            row.AssigneeRole, row.SlaDueAt, row.BreachedAt, row.Version, JsonNode.Parse(row.Data)!.AsObject(), JsonNode.Parse(row.LatestInput)!.AsObject(),
            [.. history.Select(h => new CaseHistoryEntry(
                h.Sequence, h.At, h.ActorKind, h.ActorId, h.FromState, h.ToState, h.Trigger, JsonNode.Parse(h.Input)!.AsObject(), h.IdempotencyKey))],
            [.. timers.Select(t => new CaseTimerEntry(t.Key, t.Trigger, t.Breach, t.DueAt))],
            [.. notes.Select(n => new NoteResponse(n.Id, n.CaseId, n.AuthorStaffId, n.Text, n.CreatedAt))],
            await outbox.ForCaseAsync(caseId, cancellationToken),
            await messages.ListAsync(caseId, cancellationToken));
    }

    private sealed class NoteRow
    {
        public Guid Id { get; init; }

        public Guid CaseId { get; init; }

        public Guid AuthorStaffId { get; init; }

        public string Text { get; init; } = "";

        public DateTimeOffset CreatedAt { get; init; }
    }
}
