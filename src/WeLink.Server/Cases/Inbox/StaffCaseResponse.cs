namespace WeLink.Server.Cases.Inbox;

/// <summary>
/// One case as the staff app's case page shows it: labels from the case's definition, what the customer filed as labelled
/// text, and one timeline of steps, messages and notes, oldest first.
/// </summary>
public sealed record StaffCaseResponse(
    Guid Id,
    long Version,
    Labelled Process,
    Labelled State,
    StaffCaseCustomer Customer,
    IReadOnlyList<FiledField> Filed,
    IReadOnlyList<CasePhoto> Photos,
    CaseAssignee? Assignee,
    string? AssigneeRole,
    DateTimeOffset? DueAt,
    bool Breached,
    IReadOnlyList<TimelineEntry> Timeline,
    IReadOnlyList<StaffNote> Notes);

public sealed record StaffCaseCustomer(Guid? ConsumerId, string? Name, string DealerName);

public sealed record FiledField(string Label, string Value);

public sealed record CasePhoto(Guid Id, string Url);

/// <param name="At">When it happened.</param>
/// <param name="Kind"><c>step</c>, <c>message</c>, <c>note</c>, or another feature's (<c>conversation</c>: the conversation it came from).</param>
/// <param name="Actor">Who: a staff member's name, 客户 or 系统 (for a conversation's message, the customer's name); null for a notice.</param>
/// <param name="Text">The step (with the state it led to and what was entered), the message or the note.</param>
public sealed record TimelineEntry(DateTimeOffset At, string Kind, string? Actor, string Text);

public sealed record StaffNote(DateTimeOffset At, string? Author, string Text);
