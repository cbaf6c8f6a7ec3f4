namespace WeLink.Server.Cases.Inbox;

/// <summary>
/// A line of the staff inbox. <c>DueAt</c> is the earliest running SLA's due time (null when no SLA runs or the case
/// waits on the consumer); <c>Breached</c> says an SLA timer has fired, or the earliest one is past due and about to.
/// </summary>
public sealed record CaseSummary(
    Guid Id,
    string DefinitionKey,
    int DefinitionVersion,
    string State,
    string? SubjectId,
    Guid? AssigneeStaffId,
    string? AssigneeRole,
    DateTimeOffset? DueAt,
    bool Breached,
    long Version,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
