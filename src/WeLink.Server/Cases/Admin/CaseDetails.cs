using System.Text.Json.Nodes;
using WeLink.Server.Cases.Inbox;
using WeLink.Server.Cases.Outbox;

namespace WeLink.Server.Cases.Admin;

/// <summary>Everything about one case, for the admin portal.</summary>
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
    IReadOnlyList<CaseHistoryEntry> History,
    IReadOnlyList<CaseTimerEntry> Timers,
    IReadOnlyList<NoteResponse> Notes,
    IReadOnlyList<OutboxItem> Outbox);

/// <summary>One accepted step; <c>Sequence</c> is 1 for the start and contiguous.</summary>
public sealed record CaseHistoryEntry(
    long Sequence, DateTimeOffset At, string ActorKind, string? ActorId, string? From, string To, string Trigger, JsonObject Input, string IdempotencyKey);

public sealed record CaseTimerEntry(string Key, string Trigger, bool Breach, DateTimeOffset DueAt);
