using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Dapper;
using WeLink.Server.Data;
using WeLink.Server.Data.Dialects;
using WeLink.Workflow.Engine;

namespace WeLink.Server.Cases.Engine;

/// <summary>
/// A step's writes (the version-checked case update, history, timers, outbox), sent as one command: one round trip
/// whatever the number of rows. Each statement's parameters carry their own prefix so the statements never share one.
/// </summary>
internal sealed class StepWrites(DbConnection connection, SqlDialect dialect)
{
    private readonly StringBuilder _sql = new();
    private readonly DynamicParameters _args = new();
    private int _count;
    private bool _updatesCase;

    /// <summary>
    /// Updates the case only if it is still at <paramref name="expectedVersion"/>; must come first, as the batch's guard
    /// (<see cref="SqlDialect.GuardsBatch"/>), so that <see cref="ExecuteAsync"/> can tell from its row whether the step
    /// won, and where a batch is one transaction the whole step undoes itself when it lost (<see cref="StepTransaction"/>).
    /// </summary>
    public StepWrites UpdateCase(CaseUpdate change, long expectedVersion)
    {
        if (_count > 0)
        {
            throw new InvalidOperationException("The case update must be the first write of a step.");
        }

        var p = Next();
        var update = $"""
            UPDATE cases SET state = @{p}state, data = @{p}data, timer_pause = @{p}pause, sla_due_at = @{p}due, breached_at = @{p}breached,
                             assignee_staff_id = @{p}staff, assignee_role = @{p}role, open_business_key = @{p}businessKey,
                             version = @{p}version, updated_at = @{p}now, closed_at = @{p}closed,
                             latest_input = @{p}latest, input_totals = @{p}totals
            WHERE id = @{p}id AND version = @{p}expected
            RETURNING version
            """;
        _sql.Append(dialect.GuardsBatch(update)).Append(";\n");
        Add(p, "id", change.Id);
        Add(p, "state", change.State);
        Add(p, "data", change.Data);
        Add(p, "pause", change.TimerPause);
        Add(p, "due", change.SlaDueAt);
        Add(p, "breached", change.BreachedAt);
        Add(p, "staff", change.AssigneeStaffId);
        Add(p, "role", change.AssigneeRole);
        Add(p, "businessKey", change.OpenBusinessKey);
        Add(p, "version", change.Version);
        Add(p, "now", change.Now);
        Add(p, "closed", change.ClosedAt);
        Add(p, "latest", change.LatestInput);
        Add(p, "totals", change.InputTotals);
        Add(p, "expected", expectedVersion);
        _updatesCase = true;
        return this;
    }

    public StepWrites History(Guid caseId, long sequence, DateTimeOffset at, Actor actor, string? from, string to, string trigger, JsonObject input, string idempotencyKey)
    {
        var p = Next();
        _sql.Append(CultureInfo.InvariantCulture, $"""
            INSERT INTO case_history (case_id, sequence, at, actor_kind, actor_id, from_state, to_state, trigger, input, idempotency_key)
            VALUES (@{p}case, @{p}seq, @{p}at, @{p}kind, @{p}actor, @{p}from, @{p}to, @{p}trigger, @{p}input, @{p}key);

            """);
        Add(p, "case", caseId);
        Add(p, "seq", sequence);
        Add(p, "at", at);
        Add(p, "kind", CaseRepository.ActorKindName(actor.Kind));
        Add(p, "actor", actor.Id);
        Add(p, "from", from);
        Add(p, "to", to);
        Add(p, "trigger", trigger);
        Add(p, "input", input.ToJsonString());
        Add(p, "key", idempotencyKey);
        return this;
    }

    public StepWrites DeleteTimers(Guid caseId, IReadOnlyCollection<string> keys)
    {
        if (keys.Count == 0)
        {
            return this;
        }

        var p = Next();
        _sql.Append(CultureInfo.InvariantCulture, $"DELETE FROM case_timers WHERE case_id = @{p}case AND {dialect.IsIn("key", $"@{p}keys")};\n");
        Add(p, "case", caseId);
        Add(p, "keys", keys.ToArray());
        return this;
    }

    public StepWrites DeleteTimer(Guid? timerId)
    {
        if (timerId is null)
        {
            return this;
        }

        var p = Next();
        _sql.Append(CultureInfo.InvariantCulture, $"DELETE FROM case_timers WHERE id = @{p}id;\n");
        Add(p, "id", timerId.Value);
        return this;
    }

    public StepWrites Timers(IEnumerable<TimerRow> timers)
    {
        foreach (var timer in timers)
        {
            var p = Next();
            _sql.Append(CultureInfo.InvariantCulture, $"""
                INSERT INTO case_timers (id, case_id, key, trigger, breach, due_at, claimed_by, claimed_until)
                VALUES (@{p}id, @{p}case, @{p}key, @{p}trigger, @{p}breach, @{p}due, NULL, NULL);

                """);
            Add(p, "id", timer.Id);
            Add(p, "case", timer.CaseId);
            Add(p, "key", timer.Key);
            Add(p, "trigger", timer.Trigger);
            Add(p, "breach", timer.Breach);
            Add(p, "due", timer.DueAt.ToUniversalTime());
        }

        return this;
    }

    public StepWrites Outbox(IEnumerable<NewOutboxItem> items)
    {
        foreach (var item in items)
        {
            var p = Next();
            _sql.Append(CultureInfo.InvariantCulture, $"""
                INSERT INTO outbox (id, case_id, idempotency_key, action, payload, status, attempts, next_attempt_at, last_error, locked_until, created_at, completed_at)
                VALUES (@{p}id, @{p}case, @{p}key, @{p}action, @{p}payload, 'pending', 0, @{p}now, NULL, NULL, @{p}now, NULL);

                """);
            Add(p, "id", item.Id);
            Add(p, "case", item.CaseId);
            Add(p, "key", item.IdempotencyKey);
            Add(p, "action", item.Action);
            Add(p, "payload", item.Payload);
            Add(p, "now", item.Now);
        }

        return this;
    }

    /// <summary>
    /// Runs the writes; false when the case update found another version. Where the batch is not one transaction
    /// (SQLite) the other writes have run all the same, so the caller must then roll back.
    /// </summary>
    public async Task<bool> ExecuteAsync(DbTransaction? transaction, CancellationToken cancellationToken)
    {
        if (_count == 0)
        {
            return true;
        }

        var command = new CommandDefinition(_sql.ToString(), _args, transaction, cancellationToken: cancellationToken);
        if (!_updatesCase)
        {
            await connection.ExecuteAsync(command);
            return true;
        }

        try
        {
            await using var reader = await connection.ExecuteReaderAsync(command);
            var updated = await reader.ReadAsync(cancellationToken);

            // The statements after the update report their errors (a concurrent step's history row) only when reached.
            while (await reader.NextResultAsync(cancellationToken))
            {
            }

            return updated;
        }
        catch (DbException e) when (DbErrors.IsSerializationFailure(e))
        {
            return false;
        }
    }

    private string Next() => $"w{_count++}_";

    private void Add(string prefix, string name, object? value) => _args.Add(prefix + name, value);
}
