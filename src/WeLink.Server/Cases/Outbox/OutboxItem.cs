namespace WeLink.Server.Cases.Outbox;

/// <summary>An outbox item as admins see it.</summary>
public sealed class OutboxItem
{
    public Guid Id { get; init; }

    public Guid CaseId { get; init; }

    public string Action { get; init; } = "";

    public string IdempotencyKey { get; init; } = "";

    public string Status { get; init; } = "";

    public int Attempts { get; init; }

    public DateTimeOffset NextAttemptAt { get; init; }

    public string? LastError { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }
}
