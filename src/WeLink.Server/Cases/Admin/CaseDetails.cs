using System.Text.Json.Nodes;
using WeLink.Server.Cases.Inbox;
using WeLink.Server.Cases.Messaging;
using WeLink.Server.Cases.Outbox;

namespace WeLink.Server.Cases.Admin;

/// <summary>
/// Everything about one case (with the messages sent about it, from the <c>case_messages</c> ledger), for the admin portal and the consumer's view: <c>Data</c> is what the case was filed with,
/// <c>LatestInput</c> the latest value of each field its steps took (each step's own input is in its history entry).
/// </summary>
public sealed record CaseDetails(
    Guid Id,
    Guid BrandId,
    Guid DealerId,
    string DefinitionKey,
    int DefinitionVersion,
    string State,
    string? SubjectId,
    Guid? AssigneeStaffId,
    string? AssigneeRole,
    DateTimeOffset? DueAt,
    DateTimeOffset? BreachedAt,
    long Version,
    JsonObject Data,
    JsonObject LatestInput,
    IReadOnlyList<CaseHistoryEntry> History,
    IReadOnlyList<CaseTimerEntry> Timers,
    IReadOnlyList<NoteResponse> Notes,
    IReadOnlyList<OutboxItem> Outbox,
    IReadOnlyList<CaseMessage> Messages);

/// <summary>One accepted step; <c>Sequence</c> is 1 for the start and contiguous.</summary>
public sealed record CaseHistoryEntry(
    long Sequence, DateTimeOffset At, string ActorKind, string? ActorId, string? From, string To, string Trigger, JsonObject Input, string IdempotencyKey);

public sealed record CaseTimerEntry(string Key, string Trigger, bool Breach, DateTimeOffset DueAt);
