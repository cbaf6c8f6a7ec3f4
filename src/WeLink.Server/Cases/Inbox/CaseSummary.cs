namespace WeLink.Server.Cases.Inbox;

/// <summary>
/// A line of the staff inbox, as the staff app draws it: the process and state with the labels staff read, what the
/// consumer filed it as (category, severity's label), who it is from and who holds it. <c>DueAt</c> is the earliest
/// running SLA's due time (null when no SLA runs or the case waits on the consumer); <c>Breached</c> says an SLA timer
/// has fired, or the earliest one is past due and about to.
/// </summary>
public sealed record CaseSummary(
    Guid Id,
    Labelled Process,
    string? Category,
    string? Severity,
    Labelled State,
    CaseCustomer Customer,
    CaseAssignee? Assignee,
    string? AssigneeRole,
    DateTimeOffset? DueAt,
    bool Breached,
    long Version,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

/// <summary>A key code reads and the label people read.</summary>
public sealed record Labelled(string Key, string Label);

/// <summary>Who filed the case; the consumer's id is null for a case no consumer started.</summary>
public sealed record CaseCustomer(Guid? ConsumerId, string? Name);

/// <summary>The staff member holding the case.</summary>
public sealed record CaseAssignee(Guid Id, string Name);
