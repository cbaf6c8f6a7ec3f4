namespace WeLink.Server.Callbacks;

/// <summary>
/// An inbox row as admins see it. The payload is left out: it is a person's message and may carry
/// personal data, and the kind, channel and target say what the event was.
/// </summary>
public sealed class InboxEntryView
{
    public Guid Id { get; init; }

    public string Channel { get; init; } = "";

    public string? TargetId { get; init; }

    public string Kind { get; init; } = "";

    public string Status { get; init; } = "";

    public int Attempts { get; init; }

    public DateTimeOffset ReceivedAt { get; init; }

    public DateTimeOffset NextAttemptAt { get; init; }

    public string? LastError { get; init; }

    public DateTimeOffset? ProcessedAt { get; init; }
}
