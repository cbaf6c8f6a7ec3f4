using System.Data.Common;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Dapper;
using Microsoft.Extensions.Caching.Memory;
using WeLink.Server.Cases.Definitions;
using WeLink.Server.Cases.Inbox;
using WeLink.Server.Data;
using WeLink.Server.Shared;
using WeLink.Workflow.Definitions;
using WeLink.Workflow.Engine;
using WeLink.Workflow.Parameters;

namespace WeLink.Server.Cases.Engine;

/// <summary>
/// Starts and moves cases. A step loads the case and its timers, decides with <see cref="TransitionEvaluator"/>, then
/// writes in one database transaction (<see cref="StepTransaction"/>): the case updated on its version (zero rows =
/// <see cref="CaseConflict"/>), history, timers deleted and inserted, the outbox. The load needs no transaction of its
/// own, since the version check decides whether what it read still holds. A key used before is found by the history's
/// unique index, when the writes collide or the decision fails, and answered with its first result. Nothing leaves the
/// process inside the transaction. Every operation takes the actor's <see cref="CaseScope"/>: a case outside it is
/// <see cref="CaseNotFound"/>, decided on the row the step loads anyway, so the check costs no round trip.
/// </summary>
public sealed partial class CaseEngine(
    IDbConnectionFactory connections,
    DefinitionCatalog definitions,
    IDealerCalendars calendars,
    CaseAssignees assignees,
    TimeProvider time,
    ILogger<CaseEngine> logger) : IDisposable
{
    public const string ClaimTrigger = "case.claim";
    public const string ReassignTrigger = "case.reassign";

    /// <summary>How often a fire that names no expected version is decided before a conflict is its answer.</summary>
    private const int UnpinnedFireAttempts = 5;

    /// <summary>Parameter sets kept read at once: more than the dealers times the versions in use, far fewer than a long run's edits make.</summary>
    private const int PinnedParameterSets = 20_000;

    private readonly MemoryCache _pinned = new(new MemoryCacheOptions { SizeLimit = PinnedParameterSets });

    public void Dispose() => _pinned.Dispose();

    /// <summary>Opens a case on the latest definition version the brand sees, with the parameters resolved now and pinned.</summary>
    public async Task<CaseResult> StartAsync(StartCase command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        using var activity = StartActivity("case.start", null, TransitionEvaluator.StartTrigger, command.DefinitionKey);
        try
        {
            return Record(activity, await TryStartAsync(command, cancellationToken));
        }
        catch (DbException e) when (DbErrors.IsUniqueViolation(e))
        {
            // A concurrent start with the same key or business key committed first: answer as if we had come second.
            return Record(activity, await AfterStartRaceAsync(command, e, cancellationToken));
        }
    }

    /// <summary>
    /// Fires a trigger on a case; see <see cref="FireTrigger"/>. A caller that decided on a version it names gets a
    /// <see cref="CaseConflict"/> when the case moved first; one that names none (a consumer's cancel while the system
    /// assigns the case) is decided again on the case as it now is, a few times, before a conflict is its answer.
    /// </summary>
    public async Task<CaseResult> FireAsync(FireTrigger command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var result = await FireCoreAsync(command, null, cancellationToken);
        for (var attempt = 1; result is CaseConflict && command.ExpectedVersion is null && attempt < UnpinnedFireAttempts; attempt++)
        {
            result = await FireCoreAsync(command, null, cancellationToken);
        }

        return result;
    }

    /// <summary>A staff member takes the case; refused when another staff member holds it.</summary>
    public Task<CaseResult> ClaimAsync(
        Guid caseId, CaseScope scope, Actor staff, Guid staffId, string idempotencyKey, long? expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(staff);
        return ChangeAssigneeAsync(
            caseId, scope, staff, ClaimTrigger, idempotencyKey, expectedVersion,
            row => Task.FromResult(row.AssigneeStaffId is { } holder && holder != staffId
                ? new CaseRefused(CaseRefusalReason.AlreadyClaimed, "Another staff member has claimed the case.", [])
                : null),
            row => (staffId, row.AssigneeRole),
            cancellationToken);
    }

    /// <summary>
    /// Hands the case to a staff member and/or a role; a null staff id leaves it to everyone in the role. Whoever is named
    /// must be one of the case's dealer's active staff, in a role that exists (<see cref="CaseAssignees"/>).
    /// </summary>
    public Task<CaseResult> ReassignAsync(
        Guid caseId, CaseScope scope, Actor actor, Guid? staffId, string? role, string idempotencyKey, long? expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return ChangeAssigneeAsync(
            caseId, scope, actor, ReassignTrigger, idempotencyKey, expectedVersion,
            row => assignees.RefusalAsync(row.DealerId, staffId, role, cancellationToken),
            row => (staffId, role ?? row.AssigneeRole),
            cancellationToken);
    }

    /// <summary>
    /// The steps <paramref name="actor"/> may take on the case in its current state, each with its input fields and the
    /// labels of the case's own definition version; null when the case is not found, none once it is closed. Guards are
    /// not weighed: they read the input the actor has yet to give. Input hints read the case's pinned parameters and
    /// running totals (<see cref="InputHints"/>), as the guards will.
    /// </summary>
    public async Task<CaseTransitions?> AvailableAsync(Guid caseId, CaseScope scope, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        if (await CaseRepository.FindAsync(connection, null, caseId, cancellationToken) is not { } row || !scope.Reaches(row))
        {
            return null;
        }

        var definition = await definitions.GetAsync(row.DefinitionKey, row.DefinitionVersion, connection, null, cancellationToken);
        string Label(string? key, string fallback) => key is not null && definition.Texts.TryGetValue(key, out var text) ? text : fallback;
        var open = row.ClosedAt is null ? TransitionEvaluator.Available(definition, row.State, actor) : [];
        var totals = JsonNode.Parse(row.InputTotals)!.AsObject();
        InputFieldOption Field(InputFieldDefinition field) =>
            InputFieldOption.Of(field, Label, InputHints.Render(definition, field, PinnedParameters(row.Parameters), totals));
        return new CaseTransitions(
            row.Id, row.State, row.Version,
            [.. open.Select(t => new TransitionOption(t.Trigger, Label(t.Label, t.Trigger), [.. t.Input.Select(Field)]))]);
    }

    /// <summary>An internal note by a staff member on a case their scope reaches; null when the case is not found.</summary>
    public async Task<NoteResponse?> AddNoteAsync(Guid caseId, CaseScope scope, Guid authorStaffId, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        if (await CaseRepository.FindAsync(connection, null, caseId, cancellationToken) is not { } row || !scope.Reaches(row))
        {
            return null;
        }

        var now = time.GetUtcNow();
        var note = new NoteResponse(Guid.CreateVersion7(now), caseId, authorStaffId, text, now);
        await CaseRepository.InsertNoteAsync(connection, note, cancellationToken);
        return note;
    }

    /// <summary>Fires a due timer as the system actor; its id is the idempotency key and its row goes in the same transaction.</summary>
    internal Task<CaseResult> FireTimerAsync(TimerRow timer, CancellationToken cancellationToken) =>
        FireCoreAsync(new FireTrigger(timer.CaseId, CaseScope.Platform, timer.Trigger, Actor.System, [], $"timer:{timer.Id:N}"), timer, cancellationToken);

    private async Task<CaseResult> TryStartAsync(StartCase command, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await ReplayStartAsync(connection, transaction, command, cancellationToken) is { } replay)
        {
            return replay;
        }

        var definition = await definitions.LatestAsync(command.DefinitionKey, command.BrandId, connection, transaction, cancellationToken);
        if (definition is null)
        {
            return new CaseRefused(CaseRefusalReason.UnknownDefinition, $"No workflow definition '{command.DefinitionKey}' exists.", []);
        }

        var resolution = await ParameterSettingsStore.ResolveAsync(definition, command.BrandId, command.DealerId, connection, transaction, cancellationToken);
        if (resolution.Parameters is not { } pinned)
        {
            return new CaseRefused(
                CaseRefusalReason.InvalidParameters,
                $"The parameter settings for '{definition.Key}' do not resolve; fix them before starting cases.",
                [.. resolution.Errors.Select(e => e.ToString())]);
        }

        if (definition.OneOpenCasePerBusinessKey && await OpenCaseRefusalAsync(connection, transaction, command, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        var now = time.GetUtcNow();
        var caseId = Guid.CreateVersion7(now);
        var calendar = await calendars.GetAsync(command.DealerId, cancellationToken);
        var started = TransitionEvaluator.Start(definition, pinned, calendar, new StartRequest(caseId, command.Actor, command.Data, command.IdempotencyKey, now));
        var timers = Timers(caseId, definition, started);
        var closed = IsTerminal(definition, started.To) ? now : (DateTimeOffset?)null;
        var parameters = pinned.ToJson();
        await CaseRepository.InsertCaseAsync(
            connection,
            transaction,
            new NewCase(
                caseId, command.BrandId, command.DealerId, definition.Key, definition.Version, parameters, started.To, started.Data.ToJsonString(),
                command.SubjectId, command.BusinessKey, definition.OneOpenCasePerBusinessKey && closed is null ? command.BusinessKey : null,
                command.IdempotencyKey, CaseRepository.WritePause(started.Pause), SlaDue(timers), now, closed),
            cancellationToken);
        var after = new CaseRow
        {
            Id = caseId,
            BrandId = command.BrandId,
            DealerId = command.DealerId,
            DefinitionKey = definition.Key,
            DefinitionVersion = definition.Version,
            State = started.To,
            SubjectId = command.SubjectId,
            Parameters = parameters,
        };
        await Step(new StepWrites(connection, connections.Dialect), after, started, command.Actor, command.Data, command.IdempotencyKey, now)
            .Timers(timers)
            .ExecuteAsync(transaction, cancellationToken);
        foreach (var write in command.FeatureWrite?.Invoke(new StartedCase(caseId, now)).All ?? [])
        {
            var changed = await connection.ExecuteAsync(new CommandDefinition(write.Sql, write.Parameters, transaction, cancellationToken: cancellationToken));
            if (write.ExpectedRows is { } expected && changed != expected)
            {
                await transaction.RollbackAsync(cancellationToken);
                return new CaseRefused(CaseRefusalReason.FeatureWriteRefused, $"A feature's write changed {changed} rows where it expected {expected}.", []);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return new CaseMoved(caseId, started.To, started.Sequence, false);
    }

    private static async Task<CaseMoved?> ReplayStartAsync(DbConnection connection, DbTransaction transaction, StartCase command, CancellationToken cancellationToken)
    {
        var existing = await CaseRepository.FindByStartKeyAsync(connection, transaction, command.DealerId, command.IdempotencyKey, cancellationToken);
        if (existing is null)
        {
            return null;
        }

        var first = await CaseRepository.FindStepAsync(connection, transaction, existing.Id, command.IdempotencyKey, cancellationToken);
        return new CaseMoved(existing.Id, first?.ToState ?? existing.State, first?.Sequence ?? 1, true);
    }

    private static async Task<CaseRefused?> OpenCaseRefusalAsync(DbConnection connection, DbTransaction transaction, StartCase command, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(command.BusinessKey))
        {
            return new CaseRefused(CaseRefusalReason.MissingBusinessKey, $"'{command.DefinitionKey}' allows one open case per business key; give one.", []);
        }

        var open = await CaseRepository.FindOpenByBusinessKeyAsync(connection, transaction, command.DealerId, command.DefinitionKey, command.BusinessKey, cancellationToken);
        return open is { } id
            ? new CaseRefused(CaseRefusalReason.OpenCaseExists, $"Case {id} is still open for '{command.BusinessKey}'.", [id.ToString()])
            : null;
    }

    private async Task<CaseResult> AfterStartRaceAsync(StartCase command, DbException violation, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await ReplayStartAsync(connection, transaction, command, cancellationToken) is { } replay)
        {
            return replay;
        }

        return await OpenCaseRefusalAsync(connection, transaction, command, cancellationToken)
            ?? throw new InvalidOperationException($"Starting a case violated {DbErrors.Constraint(violation)}.", violation);
    }

    private async Task<CaseResult> FireCoreAsync(FireTrigger command, TimerRow? firedTimer, CancellationToken cancellationToken)
    {
        using var activity = StartActivity("case.fire", command.CaseId, command.Trigger, null);
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        await using var step = await StepTransaction.BeginAsync(connection, connections.Dialect, cancellationToken);
        var transaction = step.Transaction;
        var (row, timersOfCase) = await CaseRepository.LoadAsync(connection, transaction, command.CaseId, cancellationToken);
        if (row is null || !command.Scope.Reaches(row))
        {
            return Record(activity, new CaseNotFound(command.CaseId));
        }

        activity?.SetTag("welink.case.definition", row.DefinitionKey);
        if (command.ExpectedVersion is { } expected && expected != row.Version)
        {
            // A repeat of the step that moved the case (a double click) is answered with that step.
            return Record(activity, await ReplayAsync(connection, transaction, row.Id, command.IdempotencyKey, cancellationToken)
                ?? Conflict(row.Id, row.Version, $"The case is at version {row.Version}, not {expected}: someone moved it first."));
        }

        var definition = await definitions.GetAsync(row.DefinitionKey, row.DefinitionVersion, connection, transaction, cancellationToken);
        var pinned = PinnedParameters(row.Parameters);
        var calendar = await calendars.GetAsync(row.DealerId, cancellationToken);
        var running = timersOfCase.Where(t => t.Id != firedTimer?.Id).ToList();
        var snapshot = new CaseSnapshot(
            row.Id, row.State, JsonNode.Parse(row.Data)!.AsObject(), row.Version, row.AssigneeStaffId?.ToString(),
            [.. running.Select(t => new CaseTimer(t.Key, t.Trigger, t.DueAt))], CaseRepository.ReadPause(row.TimerPause))
        {
            Latest = JsonNode.Parse(row.LatestInput)!.AsObject(),
            Totals = JsonNode.Parse(row.InputTotals)!.AsObject(),
        };
        var now = time.GetUtcNow();
        var outcome = TransitionEvaluator.Evaluate(definition, pinned, calendar, snapshot, new FireRequest(command.Trigger, command.Actor, command.Input, command.IdempotencyKey, now));
        if (outcome is TransitionRefused refused)
        {
            // A timer whose trigger no longer applies is spent all the same; a repeat of a step that moved the case on
            // (so its trigger no longer applies) is answered with that step.
            var replay = await ReplayAsync(connection, transaction, row.Id, command.IdempotencyKey, cancellationToken);
            await SpendTimerAsync(connection, transaction, firedTimer, cancellationToken);
            await step.CommitAsync(cancellationToken);

            return Record(activity, replay ?? new CaseRefused((CaseRefusalReason)refused.Reason, refused.Message, refused.Details));
        }

        var accepted = (TransitionAccepted)outcome;
        var timers = Timers(row.Id, definition, accepted);
        var breach = firedTimer is { Breach: true };
        var update = new CaseUpdate(
            row.Id, accepted.To, accepted.Data.ToJsonString(), CaseRepository.WritePause(accepted.Pause), SlaDue(running.Where(t => !accepted.TimersToCancel.Contains(t.Key)).Concat(timers)),
            breach ? row.BreachedAt ?? now : row.BreachedAt, row.AssigneeStaffId, row.AssigneeRole,
            IsTerminal(definition, accepted.To) ? null : row.OpenBusinessKey, accepted.Sequence, now,
            IsTerminal(definition, accepted.To) ? row.ClosedAt ?? now : null, accepted.Latest.ToJsonString(), accepted.Totals.ToJsonString());
        var writes = Step(new StepWrites(connection, connections.Dialect).UpdateCase(update, row.Version), row, accepted, command.Actor, command.Input, command.IdempotencyKey, now)
            .DeleteTimers(row.Id, [.. accepted.TimersToCancel, .. timers.Select(t => t.Key)])
            .DeleteTimer(firedTimer?.Id)
            .Timers(timers);
        if (await ApplyAsync(writes, connection, step, row, command.IdempotencyKey, cancellationToken) is { } lost)
        {
            return Record(activity, lost);
        }

        if (firedTimer is not null)
        {
            CaseTelemetry.TimerFires.Add(1, new KeyValuePair<string, object?>("definition", row.DefinitionKey));
        }

        if (breach)
        {
            CaseTelemetry.Breaches.Add(1, new KeyValuePair<string, object?>("definition", row.DefinitionKey), new KeyValuePair<string, object?>("timer", firedTimer!.Key));
        }

        return Record(activity, new CaseMoved(row.Id, accepted.To, accepted.Sequence, false));
    }

    private async Task<CaseResult> ChangeAssigneeAsync(
        Guid caseId,
        CaseScope scope,
        Actor actor,
        string trigger,
        string idempotencyKey,
        long? expectedVersion,
        Func<CaseRow, Task<CaseRefused?>> refuse,
        Func<CaseRow, (Guid? StaffId, string? Role)> assign,
        CancellationToken cancellationToken)
    {
        using var activity = StartActivity(trigger, caseId, trigger, null);
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        await using var step = await StepTransaction.BeginAsync(connection, connections.Dialect, cancellationToken);
        var transaction = step.Transaction;
        var row = await CaseRepository.FindAsync(connection, transaction, caseId, cancellationToken);
        if (row is null || !scope.Reaches(row))
        {
            return Record(activity, new CaseNotFound(caseId));
        }

        if (await ReplayAsync(connection, transaction, row.Id, idempotencyKey, cancellationToken) is { } replay)
        {
            return Record(activity, replay);
        }

        if (expectedVersion is { } expected && expected != row.Version)
        {
            return Record(activity, Conflict(row.Id, row.Version, $"The case is at version {row.Version}, not {expected}: someone changed it first."));
        }

        if (row.ClosedAt is not null)
        {
            return Record(activity, new CaseRefused(CaseRefusalReason.CaseClosed, "The case is closed.", []));
        }

        if (await refuse(row) is { } refusal)
        {
            return Record(activity, refusal);
        }

        var (staffId, role) = assign(row);
        var now = time.GetUtcNow();
        var update = new CaseUpdate(
            row.Id, row.State, row.Data, row.TimerPause, row.SlaDueAt, row.BreachedAt, staffId, role, row.OpenBusinessKey, row.Version + 1, now, row.ClosedAt,
            row.LatestInput, row.InputTotals);
        var input = new JsonObject { ["staffId"] = staffId?.ToString(), ["role"] = role };
        var writes = new StepWrites(connection, connections.Dialect)
            .UpdateCase(update, row.Version)
            .History(row.Id, row.Version + 1, now, actor, row.State, row.State, trigger, input, idempotencyKey);
        if (await ApplyAsync(writes, connection, step, row, idempotencyKey, cancellationToken) is { } lost)
        {
            return Record(activity, lost);
        }

        return Record(activity, new CaseMoved(row.Id, row.State, row.Version + 1, false));
    }

    /// <summary>
    /// Sends a step's writes in one round trip and commits them; null when the step won. When the case moved first (the
    /// update found another version, or a history row holds this step's sequence or key), the writes are rolled back and
    /// the answer comes from a fresh read: a replay when the step that holds the key is there, else a conflict.
    /// </summary>
    private static async Task<CaseResult?> ApplyAsync(
        StepWrites writes, DbConnection connection, StepTransaction step, CaseRow row, string idempotencyKey, CancellationToken cancellationToken)
    {
        try
        {
            if (await writes.ExecuteAsync(step.Transaction, cancellationToken))
            {
                await step.CommitAsync(cancellationToken);
                return null;
            }
        }
        catch (DbException collision) when (DbErrors.IsUniqueViolation(collision))
        {
            await step.RollbackAsync(cancellationToken);
            return await LostRaceAsync(connection, row, idempotencyKey, cancellationToken)
                ?? throw new InvalidOperationException($"Case {row.Id} did not move, yet its step violated {DbErrors.Constraint(collision)}.", collision);
        }

        await step.RollbackAsync(cancellationToken);
        return await LostRaceAsync(connection, row, idempotencyKey, cancellationToken)
            ?? Conflict(row.Id, row.Version, $"The case changed while this step was decided on version {row.Version}; reload and try again.");
    }

    /// <summary>What the step that won against one decided on <paramref name="row"/> means for it; null when none has.</summary>
    private static async Task<CaseResult?> LostRaceAsync(DbConnection connection, CaseRow row, string idempotencyKey, CancellationToken cancellationToken)
    {
        if (await ReplayAsync(connection, null, row.Id, idempotencyKey, cancellationToken) is { } replay)
        {
            return replay;
        }

        var current = await CaseRepository.FindAsync(connection, null, row.Id, cancellationToken);
        return current is null || current.Version == row.Version
            ? null
            : Conflict(row.Id, current.Version, $"The case moved to version {current.Version} while this step was decided on version {row.Version}; reload and try again.");
    }

    /// <summary>The first answer to a step already taken with <paramref name="idempotencyKey"/>; null when none was.</summary>
    private static async Task<CaseResult?> ReplayAsync(
        DbConnection connection, DbTransaction? transaction, Guid caseId, string idempotencyKey, CancellationToken cancellationToken) =>
        await CaseRepository.FindStepAsync(connection, transaction, caseId, idempotencyKey, cancellationToken) is { } first
            ? new CaseMoved(caseId, first.ToState, first.Sequence, true)
            : null;

    /// <summary>The step's history row and outbox items; the payload is the case as the step leaves it.</summary>
    private static StepWrites Step(StepWrites writes, CaseRow row, TransitionAccepted step, Actor actor, JsonObject input, string idempotencyKey, DateTimeOffset now)
    {
        writes.History(row.Id, step.Sequence, now, actor, step.From, step.To, step.Trigger, input, idempotencyKey);
        if (step.Actions.Count == 0)
        {
            return writes;
        }

        var payload = new JsonObject
        {
            ["brandId"] = row.BrandId.ToString(),
            ["dealerId"] = row.DealerId.ToString(),
            ["definitionKey"] = row.DefinitionKey,
            ["definitionVersion"] = row.DefinitionVersion,
            ["trigger"] = step.Trigger,
            ["from"] = step.From,
            ["to"] = step.To,
            ["sequence"] = step.Sequence,
            ["subjectId"] = row.SubjectId,
            ["assigneeStaffId"] = row.AssigneeStaffId?.ToString(),
            ["assigneeRole"] = row.AssigneeRole,
            ["data"] = step.Data.DeepClone(),
            ["input"] = input.DeepClone(),
            ["latest"] = step.Latest.DeepClone(),
            ["parameters"] = JsonNode.Parse(row.Parameters),
        }.ToJsonString();
        return writes.Outbox(step.Actions.Select(a => new NewOutboxItem(Guid.CreateVersion7(now), row.Id, a.IdempotencyKey, a.Action, payload, now)));
    }

    private async Task SpendTimerAsync(DbConnection connection, DbTransaction? transaction, TimerRow? firedTimer, CancellationToken cancellationToken) =>
        await new StepWrites(connection, connections.Dialect).DeleteTimer(firedTimer?.Id).ExecuteAsync(transaction, cancellationToken);

    private static List<TimerRow> Timers(Guid caseId, WorkflowDefinition definition, TransitionAccepted step) =>
        [.. step.TimersToSchedule.Select(t => new TimerRow
        {
            Id = Guid.CreateVersion7(),
            CaseId = caseId,
            Key = t.Key,
            Trigger = t.Trigger,
            Breach = definition.Timers.FirstOrDefault(d => d.Key == t.Key)?.Breach ?? false,
            DueAt = t.DueAt.ToUniversalTime(),
        })];

    /// <summary>The earliest due time among running breach timers: what the inbox shows as the case's due date.</summary>
    private static DateTimeOffset? SlaDue(IEnumerable<TimerRow> timers) =>
        timers.Where(t => t.Breach).Select(t => (DateTimeOffset?)t.DueAt).Min();

    /// <summary>
    /// Pinned parameters repeat across many cases (one set per dealer and version), so each JSON text is read once while
    /// in use; bounded and idle sets let go, since every edit HQ makes pins a new set for as long as a node runs.
    /// </summary>
    private ResolvedParameters PinnedParameters(string json)
    {
        if (_pinned.TryGetValue(json, out ResolvedParameters? known))
        {
            return known!;
        }

        var parameters = ResolvedParameters.FromJson(json);
        _pinned.Set(json, parameters, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromHours(1) });
        return parameters;
    }

    private static bool IsTerminal(WorkflowDefinition definition, string state) =>
        definition.States.FirstOrDefault(s => s.Key == state)?.Terminal ?? false;

    private static CaseConflict Conflict(Guid caseId, long version, string message) => new(caseId, version, message);

    private static Activity? StartActivity(string name, Guid? caseId, string trigger, string? definition)
    {
        var activity = WeLinkTelemetry.ActivitySource.StartActivity(name);
        activity?.SetTag("welink.case.id", caseId?.ToString());
        activity?.SetTag("welink.case.trigger", trigger);
        activity?.SetTag("welink.case.definition", definition);
        return activity;
    }

    private CaseResult Record(Activity? activity, CaseResult result)
    {
        var outcome = result switch
        {
            CaseMoved { Replayed: true } => "replayed",
            CaseMoved => "accepted",
            CaseRefused => "refused",
            CaseConflict => "conflict",
            _ => "not_found",
        };
        activity?.SetTag("welink.case.outcome", outcome);
        switch (result)
        {
            case CaseMoved { Replayed: false } moved:
                activity?.SetTag("welink.case.id", moved.CaseId.ToString());
                CaseTelemetry.Transitions.Add(1);
                break;
            case CaseRefused refused:
                CaseTelemetry.Refusals.Add(1, new KeyValuePair<string, object?>("reason", refused.Reason.ToString()));
                LogRefused(refused.Reason, refused.Message);
                break;
            case CaseConflict conflict:
                CaseTelemetry.Conflicts.Add(1);
                LogConflict(conflict.CaseId, conflict.CurrentVersion);
                break;
        }

        return result;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Case step refused ({Reason}): {Message}")]
    private partial void LogRefused(CaseRefusalReason reason, string message);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Case {CaseId} step lost a race; the case is at version {Version}")]
    private partial void LogConflict(Guid caseId, long version);
}
