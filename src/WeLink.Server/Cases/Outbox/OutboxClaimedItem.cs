namespace WeLink.Server.Cases.Outbox;

/// <summary>An outbox row a dispatcher has claimed; <see cref="Attempts"/> already counts this delivery.</summary>
public sealed class OutboxClaimedItem
{
    public Guid Id { get; init; }

    public Guid CaseId { get; init; }

    public string IdempotencyKey { get; init; } = "";

    public string Action { get; init; } = "";

    public string Payload { get; init; } = "";

    public int Attempts { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}
